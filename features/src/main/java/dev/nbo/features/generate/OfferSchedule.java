package dev.nbo.features.generate;

import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which offers marketing may put in an email, per day of the period and region: those valid that day and available
 * in the region, in catalog order. Campaigns pick among them at random, which is how the logged data gets the
 * varied exposure a model needs to learn offer effects.
 */
final class OfferSchedule {
    private final Map<String, Integer> regionIndex = new LinkedHashMap<>();
    /** [day][region] -> eligible offers. */
    private final Offer[][][] eligible;

    OfferSchedule(OfferCatalog catalog, PeriodCalendar calendar) {
        for (City city : City.all()) {
            regionIndex.putIfAbsent(city.region(), regionIndex.size());
        }
        eligible = new Offer[calendar.days()][regionIndex.size()][];
        for (int day = 0; day < calendar.days(); day++) {
            for (Map.Entry<String, Integer> region : regionIndex.entrySet()) {
                List<Offer> offers = new ArrayList<>();
                for (Offer offer : catalog.offers()) {
                    if (offer.isValidOn(calendar.date(day)) && offer.isAvailableIn(region.getKey())) {
                        offers.add(offer);
                    }
                }
                eligible[day][region.getValue()] = offers.toArray(Offer[]::new);
            }
        }
    }

    /** The offers an email to a customer of {@code city} may carry on {@code day}; possibly none. */
    Offer[] eligible(int day, City city) {
        return eligible[day][regionIndex.get(city.region())];
    }
}
