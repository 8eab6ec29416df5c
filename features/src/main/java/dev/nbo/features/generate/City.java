package dev.nbo.features.generate;

import java.util.List;

/**
 * The cities customers live in, with their region (the one {@code offers.yaml} restricts offers by), their share of
 * customers, and their UTC offset, so that an evening session in Seattle happens at the right UTC time (daylight
 * saving time is ignored: a one-hour shift changes nothing a model or a rule can see).
 */
public enum City {
    NYC("NYC", "Northeast", 0.16, -5),
    BOSTON("Boston", "Northeast", 0.06, -5),
    PHILADELPHIA("Philadelphia", "Northeast", 0.06, -5),
    MIAMI("Miami", "South", 0.07, -5),
    ATLANTA("Atlanta", "South", 0.07, -5),
    AUSTIN("Austin", "South", 0.06, -6),
    CHICAGO("Chicago", "Midwest", 0.09, -6),
    MINNEAPOLIS("Minneapolis", "Midwest", 0.05, -6),
    DENVER("Denver", "West", 0.06, -7),
    SEATTLE("Seattle", "West", 0.07, -8),
    SAN_FRANCISCO("San Francisco", "West", 0.07, -8),
    LOS_ANGELES("Los Angeles", "West", 0.13, -8),
    PHOENIX("Phoenix", "West", 0.05, -7);

    public static final String COUNTRY = "US";
    private static final List<City> ALL = List.of(values());

    private final String displayName;
    private final String region;
    private final double share;
    private final int utcOffsetHours;

    City(String displayName, String region, double share, int utcOffsetHours) {
        this.displayName = displayName;
        this.region = region;
        this.share = share;
        this.utcOffsetHours = utcOffsetHours;
    }

    /** The value of the {@code city} column. */
    public String displayName() {
        return displayName;
    }

    public String region() {
        return region;
    }

    /** The share of customers living here; the shares sum to 1. */
    public double share() {
        return share;
    }

    public int utcOffsetHours() {
        return utcOffsetHours;
    }

    public static List<City> all() {
        return ALL;
    }

    /** The city of a uniform draw in [0, 1), by share. */
    static City ofUniform(double u) {
        double cumulative = 0;
        for (City city : ALL) {
            cumulative += city.share;
            if (u < cumulative) {
                return city;
            }
        }
        return ALL.get(ALL.size() - 1);
    }
}
