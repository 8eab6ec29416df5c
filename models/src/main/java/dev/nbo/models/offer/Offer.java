package dev.nbo.models.offer;

import dev.nbo.models.id.OfferId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * An offer marketers can show in an email block.
 *
 * @param value     what one conversion is worth to the retailer (currency units); arbitration weighs by it
 * @param discount  the customer's discount as a fraction in [0, 1)
 * @param validFrom first day the offer may be shown (UTC, inclusive); null for no start
 * @param validTo   last day the offer may be shown (UTC, inclusive); null for no end
 * @param regions   regions where it may be shown; empty for everywhere
 */
public record Offer(
        OfferId id,
        OfferTarget target,
        double value,
        double discount,
        LocalDate validFrom,
        LocalDate validTo,
        Set<String> regions,
        OfferContent content) {

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("offer " + id + ": value " + value + " must be a number >= 0");
        }
        if (!(discount >= 0 && discount < 1)) {
            throw new IllegalArgumentException("offer " + id + ": discount " + discount
                    + " must be a fraction in [0, 1), e.g. 0.2 for 20%");
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("offer " + id + ": valid_to " + validTo + " is before valid_from "
                    + validFrom);
        }
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }

    /** Whether the offer may be shown on this UTC day. */
    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether the offer may be shown to a customer of this region (null region: only offers for everywhere). */
    public boolean isAvailableIn(String region) {
        return regions.isEmpty() || (region != null && regions.contains(region));
    }
}
