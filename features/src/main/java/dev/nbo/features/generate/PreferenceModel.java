package dev.nbo.features.generate;

/**
 * The parts of a customer's category preference that the data can explain: logit shifts by age and by where the
 * customer lives, added to each category's base popularity. Personal taste (noise) and declared interests are added
 * by the trait sampler; the preference is the softmax of the sum.
 */
final class PreferenceModel {
    private PreferenceModel() {
    }

    /** The logit shift of {@code category} at {@code age}. */
    static double ageEffect(Category category, int age) {
        double years = age - 45;
        return switch (category) {
            case GOLF -> 0.035 * years;
            case YOGA -> -0.025 * (age - 40);
            case WOMENSWEAR, MENSWEAR -> -0.015 * (age - 40);
            case RUNNING, FITNESS -> -0.012 * (age - 40);
            case HOME -> 0.015 * (age - 40);
            case TENNIS -> 0.006 * years;
            // parents of young children: a bump around 38
            case KIDS -> 1.4 * Math.exp(-Math.pow((age - 38) / 7.0, 2)) - 0.6;
            case CYCLING, OUTDOOR, SWIMMING -> 0.0;
        };
    }

    /** The logit shift of {@code category} for customers of {@code city}: its region's shift plus its own. */
    static double placeEffect(Category category, City city) {
        return regionEffect(category, city.region()) + cityEffect(category, city);
    }

    private static double regionEffect(Category category, String region) {
        return switch (region) {
            case "Northeast" -> category == Category.RUNNING ? 0.2 : 0.0;
            case "South" -> category == Category.GOLF || category == Category.SWIMMING ? 0.3 : 0.0;
            case "West" -> category == Category.OUTDOOR ? 0.3 : category == Category.CYCLING ? 0.2 : 0.0;
            case "Midwest" -> category == Category.FITNESS || category == Category.HOME ? 0.2 : 0.0;
            default -> 0.0;
        };
    }

    private static double cityEffect(Category category, City city) {
        return switch (city) {
            case NYC -> switch (category) {
                case RUNNING -> 0.6;
                case WOMENSWEAR, MENSWEAR -> 0.2;
                case GOLF -> -0.3;
                case OUTDOOR -> -0.2;
                default -> 0.0;
            };
            case BOSTON -> category == Category.RUNNING ? 0.6 : category == Category.OUTDOOR ? -0.1 : 0.0;
            case PHILADELPHIA -> category == Category.RUNNING ? 0.3 : 0.0;
            case MIAMI -> switch (category) {
                case SWIMMING -> 1.0;
                case GOLF -> 0.7;
                case TENNIS -> 0.4;
                case OUTDOOR -> -0.3;
                default -> 0.0;
            };
            case ATLANTA -> category == Category.GOLF ? 0.4 : 0.0;
            case AUSTIN -> category == Category.CYCLING || category == Category.SWIMMING ? 0.3 : 0.0;
            case PHOENIX -> category == Category.GOLF ? 0.8 : category == Category.SWIMMING ? 0.5 : 0.0;
            case DENVER -> switch (category) {
                case OUTDOOR -> 0.9;
                case CYCLING -> 0.6;
                case RUNNING -> 0.2;
                case SWIMMING -> -0.4;
                case GOLF -> -0.3;
                default -> 0.0;
            };
            case SEATTLE -> switch (category) {
                case OUTDOOR -> 0.8;
                case CYCLING -> 0.4;
                case RUNNING -> 0.2;
                case SWIMMING -> -0.3;
                default -> 0.0;
            };
            case SAN_FRANCISCO -> switch (category) {
                case CYCLING, YOGA -> 0.5;
                case OUTDOOR -> 0.4;
                default -> 0.0;
            };
            case LOS_ANGELES -> switch (category) {
                case YOGA -> 0.6;
                case SWIMMING -> 0.4;
                case FITNESS -> 0.3;
                default -> 0.0;
            };
            case CHICAGO -> category == Category.FITNESS ? 0.3 : category == Category.HOME ? 0.2 : 0.0;
            case MINNEAPOLIS -> category == Category.FITNESS || category == Category.OUTDOOR ? 0.3 : 0.0;
        };
    }
}
