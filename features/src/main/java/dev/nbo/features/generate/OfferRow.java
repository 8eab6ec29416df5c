package dev.nbo.features.generate;

import dev.nbo.models.offer.Offer;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/** A row of {@code offers}, the catalog as a table. */
record OfferRow(String offerId, String targetType, String target, double value, double discount, LocalDate validFrom,
                LocalDate validTo, List<String> regions, String title, String imageUrl, String link,
                String priceText) implements WarehouseRow {
    static OfferRow of(Offer offer) {
        return new OfferRow(offer.id().value(), offer.target().kind().wireName(), offer.target().value(),
                offer.value(), offer.discount(), offer.validFrom(), offer.validTo(),
                List.copyOf(new TreeSet<>(offer.regions())), offer.content().title(), offer.content().imageUrl(),
                offer.content().link(), offer.content().priceText());
    }

    @Override
    public void writeTo(RowWriter row) {
        row.string(offerId).string(targetType).string(target).number(value).number(discount).date(validFrom)
                .date(validTo).strings(regions).string(title).string(imageUrl).string(link).string(priceText);
    }
}
