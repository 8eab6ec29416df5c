package dev.nbo.serving.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nbo.models.fixture.ProjectFiles;
import dev.nbo.models.id.OfferId;
import dev.nbo.models.offer.Offer;
import dev.nbo.models.offer.OfferCatalog;
import dev.nbo.serving.api.ServerConfig;
import dev.nbo.serving.app.ServingConfig;
import dev.nbo.serving.content.Block;
import dev.nbo.serving.content.BlockCatalog;
import dev.nbo.serving.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchWorldTest {
    @TempDir
    Path work;

    private static ServingConfig shipped(Path work) {
        return new ServingConfig("test", null, ProjectFiles.config("features.yaml"),
                ProjectFiles.config("offers.yaml"), ProjectFiles.config("blocks.yaml"), work.resolve("registry"),
                "propensity", Duration.ofSeconds(10), work.resolve("online"), false,
                StoreConfig.embedded(work.resolve("online.mv")), work.resolve("logs"), true,
                ProjectFiles.config("experiments.yaml"), null);
    }

    @Test
    void theWideBlockRanksEveryOfferAndVariantWhileTheNarrowOneKeepsTheShippedOffers() {
        OfferCatalog shippedOffers = OfferCatalog.load(ProjectFiles.config("offers.yaml"));

        ServingConfig bench = BenchWorld.write(shipped(work), work, 3);
        assertThat(bench.experiments()).as("the bench measures plain decisions, no experiment arms").isNull();

        OfferCatalog offers = OfferCatalog.load(bench.offers());
        BlockCatalog blocks = BlockCatalog.load(bench.blocks(), offers);
        assertThat(offers.size()).isEqualTo(4 * shippedOffers.size()).isGreaterThanOrEqualTo(50);
        Block wide = blocks.block(BenchWorld.WIDE_BLOCK).orElseThrow();
        Block narrow = blocks.block(BenchWorld.NARROW_BLOCK).orElseThrow();
        assertThat(wide.candidates().resolve(offers)).hasSize(offers.size());
        assertThat(narrow.candidates().resolve(offers)).extracting(Offer::id)
                .containsExactlyInAnyOrderElementsOf(shippedOffers.offers().stream().map(Offer::id).toList());
        assertThat(wide.strategy()).isEqualTo(narrow.strategy());
        assertThat(wide.limit()).isEqualTo(narrow.limit());
        Block shippedNarrow = BlockCatalog.load(ProjectFiles.config("blocks.yaml"), shippedOffers)
                .block(BenchWorld.NARROW_BLOCK).orElseThrow();
        for (Block block : new Block[] {narrow, wide}) {
            assertThat(block.frequencyCap()).as("the shipped window, a cap the bench never reaches").hasValueSatisfying(
                    cap -> {
                        assertThat(cap.perDays()).isEqualTo(shippedNarrow.frequencyCap().orElseThrow().perDays());
                        assertThat(cap.max()).isEqualTo(BenchWorld.BENCH_CAP);
                    });
        }
        assertThat(blocks.ids()).containsAll(BlockCatalog.load(ProjectFiles.config("blocks.yaml"), shippedOffers)
                .ids());
    }

    @Test
    void aVariantKeepsEverythingOfItsOfferButTheId() {
        OfferCatalog shippedOffers = OfferCatalog.load(ProjectFiles.config("offers.yaml"));
        OfferCatalog offers = OfferCatalog.load(BenchWorld.write(shipped(work), work, 1).offers());

        for (Offer offer : shippedOffers.offers()) {
            Offer variant = offers.offer(OfferId.of(offer.id().value() + "-v1")).orElseThrow();
            assertThat(variant.target()).isEqualTo(offer.target());
            assertThat(variant.value()).isEqualTo(offer.value());
            assertThat(variant.validFrom()).isEqualTo(offer.validFrom());
            assertThat(variant.validTo()).isEqualTo(offer.validTo());
            assertThat(variant.regions()).isEqualTo(offer.regions());
        }
    }
}
