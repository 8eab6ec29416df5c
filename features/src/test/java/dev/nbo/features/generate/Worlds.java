package dev.nbo.features.generate;

import dev.nbo.models.offer.OfferCatalog;
import java.nio.file.Path;
import java.time.LocalDate;

/** Worlds for tests, built on the shipped offer catalog. */
final class Worlds {
    static final LocalDate START = LocalDate.of(2025, 1, 1);

    private Worlds() {
    }

    static OfferCatalog shippedOffers() {
        return OfferCatalog.load(offersFile());
    }

    static Path offersFile() {
        String home = System.getProperty("nbo.home");
        Path root = home == null || home.isBlank() ? Path.of("..") : Path.of(home);
        return root.resolve("config").resolve("offers.yaml");
    }

    static World of(long seed, int customers, int days) {
        return World.create(seed, customers, START, days, shippedOffers());
    }
}
