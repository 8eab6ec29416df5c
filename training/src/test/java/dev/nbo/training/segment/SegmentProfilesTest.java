package dev.nbo.training.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentProfilesTest {
    private static final SyntheticCustomers customers = TrainedSegments.CUSTOMERS;
    private static final SegmentProfiles profiles =
            SegmentProfiles.describe(TrainedSegments.MODEL, customers.table());

    @Test
    void sizesAddUpToTheCustomersAndSharesToOne() {
        assertThat(profiles.segments()).hasSize(4);
        assertThat(profiles.segments().stream().mapToLong(SegmentProfile::size).sum()).isEqualTo(2_000);
        assertThat(profiles.segments().stream().mapToDouble(SegmentProfile::share).sum()).isCloseTo(1.0,
                within(1e-12));
        assertThat(profiles.segments()).extracting(SegmentProfile::id).containsExactly(0, 1, 2, 3);
    }

    @Test
    void theBigSpendersAreSetApartByHighSpendAndNamedForIt() {
        SegmentProfile bigSpenders = profiles.segment(TrainedSegments.segmentOf(SyntheticCustomers.BIG_SPENDERS));

        assertThat(bigSpenders.distinct()).hasSize(3);
        assertThat(bigSpenders.distinct()).extracting(DistinctFeature::feature).contains("spend_365d");
        DistinctFeature spend = bigSpenders.distinct().stream().filter(d -> d.feature().equals("spend_365d"))
                .findFirst().orElseThrow();
        assertThat(spend.direction()).isEqualTo(DistinctFeature.Direction.HIGH);
        assertThat(spend.z()).isGreaterThan(2.0);
        assertThat(bigSpenders.name()).startsWith("Big spenders");
    }

    @Test
    void theLapsedAreSetApartByLongAgoPurchases() {
        SegmentProfile lapsed = profiles.segment(TrainedSegments.segmentOf(SyntheticCustomers.LAPSED));

        assertThat(lapsed.distinct().get(0)).extracting(DistinctFeature::feature, DistinctFeature::direction)
                .containsExactly("days_since_last_purchase", DistinctFeature.Direction.HIGH);
        assertThat(lapsed.name()).startsWith("Lapsed buyers");
    }

    @Test
    void aConstantFeatureNeverSetsASegmentApart() {
        assertThat(profiles.segments()).flatExtracting(SegmentProfile::distinct).extracting(DistinctFeature::feature)
                .doesNotContain("marketing_consent");
    }

    @Test
    void namesAreUniqueWithinTheModel() {
        assertThat(profiles.segments()).extracting(SegmentProfile::name).doesNotHaveDuplicates();
    }

    @Test
    void theCentroidIsTheMeanOfTheMembersPresentRawValues() {
        int segment = TrainedSegments.segmentOf(SyntheticCustomers.EMAIL_BROWSERS);
        int[] assigned = TrainedSegments.MODEL.assign(customers.table());
        int openRate = customers.table().column("email_open_rate_30d");
        double[] members = java.util.stream.IntStream.range(0, assigned.length).filter(row -> assigned[row] == segment)
                .mapToDouble(row -> customers.table().value(row, openRate)).filter(v -> !Double.isNaN(v)).toArray();

        Map<String, Double> centroid = profiles.segment(segment).centroid();
        assertThat(centroid.keySet()).containsExactlyElementsOf(SyntheticCustomers.FEATURES);
        assertThat(centroid.get("email_open_rate_30d"))
                .isCloseTo(Arrays.stream(members).average().orElseThrow(), within(1e-12));
        assertThat(centroid.get("email_open_rate_30d")).isCloseTo(0.75, within(0.01));
        assertThat(centroid.get("marketing_consent")).isEqualTo(1.0);
    }

    @Test
    void theJsonCarriesEverySegmentAndTheSilhouetteOfEveryK(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("segments.json");
        profiles.writeJson(file);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));

        assertThat(json.get("customers").asLong()).isEqualTo(2_000);
        assertThat(json.get("k").asInt()).isEqualTo(4);
        assertThat(json.get("selection")).hasSize(6);
        assertThat(json.get("selection").get(1).get("k").asInt()).isEqualTo(4);
        assertThat(json.get("selection").get(1).get("silhouette").asDouble())
                .isEqualTo(TrainedSegments.MODEL.selection().get(1).silhouette());
        JsonNode first = json.get("segments").get(0);
        SegmentProfile profile = profiles.segment(0);
        assertThat(first.get("name").asText()).isEqualTo(profile.name());
        assertThat(first.get("size").asLong()).isEqualTo(profile.size());
        assertThat(first.get("centroid").get("spend_365d").asDouble()).isEqualTo(profile.centroid().get("spend_365d"));
        assertThat(first.get("distinct").get(0).get("direction").asText())
                .isEqualTo(profile.distinct().get(0).direction().word());
    }

    @Test
    void aMeanNoMemberHasIsNullInJson() throws Exception {
        SegmentProfiles handMade = handMadeProfiles();

        JsonNode json = new ObjectMapper().readTree(handMade.toJson());

        assertThat(json.get("segments").get(1).get("centroid").get("email_open_rate_30d").isNull()).isTrue();
        assertThat(json.get("segments").get(1).get("centroid").get("spend_365d").asDouble()).isEqualTo(80.25);
    }

    @Test
    void theConsoleTableListsSegmentsThenTheirMeansWithADashForNone() {
        String nl = System.lineSeparator();
        assertThat(handMadeProfiles().toTable()).isEqualTo(
                "segment  name               customers  share  sets it apart" + nl
                + "      0  Big spenders           1,200  60.0%  high spend_365d (z +1.50)" + nl
                + "      1  Average customers        800  40.0%  close to the average customer" + nl
                + nl
                + "mean of members      segment 0  segment 1" + nl
                + "spend_365d            2,500.00      80.25" + nl
                + "email_open_rate_30d       0.40          -" + nl);
    }

    private static SegmentProfiles handMadeProfiles() {
        Map<String, Double> big = new LinkedHashMap<>();
        big.put("spend_365d", 2500.0);
        big.put("email_open_rate_30d", 0.4);
        Map<String, Double> average = new LinkedHashMap<>();
        average.put("spend_365d", 80.25);
        average.put("email_open_rate_30d", Double.NaN);
        return new SegmentProfiles(2_000, List.of("spend_365d", "email_open_rate_30d"),
                List.of(new KScore(2, 0.61, 123.0)),
                List.of(new SegmentProfile(0, "Big spenders", 1_200, 0.6, big,
                                List.of(DistinctFeature.of("spend_365d", 1.5))),
                        new SegmentProfile(1, "Average customers", 800, 0.4, average, List.of())));
    }
}
