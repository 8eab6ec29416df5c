package dev.nbo.training.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;

class SegmentTrainerTest {
    private static final long SEED = TrainedSegments.SEED;
    private static final SyntheticCustomers customers = TrainedSegments.CUSTOMERS;
    private static final SegmentModel model = TrainedSegments.MODEL;
    private static final List<String> progress = TrainedSegments.PROGRESS;

    @Test
    void choosesTheNumberOfGroupsTheCustomersWereDrawnFrom() {
        assertThat(model.k()).isEqualTo(SyntheticCustomers.GROUPS);
        assertThat(model.selection()).extracting(KScore::k).containsExactly(3, 4, 5, 6, 7, 8);
        KScore best = model.selection().stream().max((a, b) -> Double.compare(a.silhouette(), b.silhouette()))
                .orElseThrow();
        assertThat(best.k()).isEqualTo(4);
        assertThat(best.silhouette()).isGreaterThan(0.5);
    }

    @Test
    void everyGeneratedGroupMapsToItsOwnSegment() {
        int[] assigned = model.assign(customers.table());
        Set<Integer> majorities = new HashSet<>();
        for (int group = 0; group < SyntheticCustomers.GROUPS; group++) {
            int majority = TrainedSegments.segmentOf(group);
            int[] rows = customers.rowsOf(group);
            long members = Arrays.stream(rows).filter(row -> assigned[row] == majority).count();
            assertThat((double) members / rows.length).as("purity of group %d", group).isGreaterThanOrEqualTo(0.95);
            majorities.add(majority);
        }
        assertThat(majorities).hasSize(SyntheticCustomers.GROUPS);
    }

    @Test
    void assignIsTribuosPredictionOnTheStandardisedImputedRow() {
        double[] means = model.means();
        double[] stds = model.stds();
        String[] names = model.featureNames().toArray(String[]::new);
        for (int row = 0; row < customers.table().size(); row++) {
            double[] raw = customers.table().row(row);
            double[] z = new double[raw.length];
            for (int f = 0; f < raw.length; f++) {
                z[f] = Double.isNaN(raw[f]) ? 0.0 : (raw[f] - means[f]) / stds[f];
            }
            ClusterID predicted = model.tribuoModel()
                    .predict(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, names, z)).getOutput();
            assertThat(model.assign(raw)).as("row %d", row).isEqualTo(predicted.getID());
        }
    }

    /** What the ONNX graph will do with the exported arrays: z-score, impute 0, nearest centroid. */
    @Test
    void theExportedArraysAssignEveryCustomerToTheSameSegmentAsTribuo() {
        double[] means = model.means();
        double[] stds = model.stds();
        double[][] centroids = model.centroids();
        assertThat(centroids).hasNumberOfRows(model.k());
        for (int row = 0; row < customers.table().size(); row++) {
            double[] raw = customers.table().row(row);
            int nearest = -1;
            double nearestSquares = Double.POSITIVE_INFINITY;
            for (int s = 0; s < centroids.length; s++) {
                double squares = 0;
                for (int f = 0; f < raw.length; f++) {
                    double z = Double.isNaN(raw[f]) ? 0.0 : (raw[f] - means[f]) / stds[f];
                    squares += (z - centroids[s][f]) * (z - centroids[s][f]);
                }
                if (squares < nearestSquares) {
                    nearestSquares = squares;
                    nearest = s;
                }
            }
            int assigned = model.assign(raw);
            assertThat(nearest).as("row %d", row).isEqualTo(assigned);
            double[] distances = model.distances(raw);
            assertThat(distances[assigned]).isCloseTo(Math.sqrt(nearestSquares), within(1e-9));
            assertThat(distances[assigned]).isEqualTo(Arrays.stream(distances).min().orElseThrow());
        }
    }

    @Test
    void segmentIdsAreZeroBasedTribuoClusterIds() {
        Set<Integer> tribuoIds = new HashSet<>();
        model.tribuoModel().getOutputIDInfo().getDomain().forEach(id -> tribuoIds.add(id.getID()));
        Set<Integer> assigned = new HashSet<>();
        Arrays.stream(model.assign(customers.table())).forEach(assigned::add);

        assertThat(tribuoIds).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(assigned).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void standardisesWithPopulationStatisticsOfThePresentValues() {
        CustomerTable table = customers.table();
        int openRate = table.column("email_open_rate_30d");
        double[] present = IntStream.range(0, table.size()).mapToDouble(row -> table.value(row, openRate))
                .filter(v -> !Double.isNaN(v)).toArray();
        double mean = Arrays.stream(present).average().orElseThrow();
        double variance = Arrays.stream(present).map(v -> (v - mean) * (v - mean)).sum() / present.length;

        assertThat(present.length).isLessThan(table.size());
        assertThat(model.means()[openRate]).isCloseTo(mean, within(1e-12));
        assertThat(model.stds()[openRate]).isCloseTo(Math.sqrt(variance), within(1e-12));
        int constant = table.column("marketing_consent");
        assertThat(model.means()[constant]).isEqualTo(1.0);
        assertThat(model.stds()[constant]).isEqualTo(1.0);
        assertThat(Arrays.stream(model.centroids()).mapToDouble(centroid -> centroid[constant])).containsOnly(0.0);
    }

    @Test
    void reportsOneProgressLinePerKThenTheChoice() {
        assertThat(progress).hasSize(7);
        for (int i = 0; i < 6; i++) {
            assertThat(progress.get(i))
                    .matches("segments: k=" + (i + 3) + " silhouette=0\\.\\d{4} \\(5 starts, \\d+\\.\\d s\\)");
        }
        assertThat(progress.get(6)).isEqualTo("segments: chose k=4, the highest mean silhouette on 2,000 sampled "
                + "customers");
    }

    @Test
    void aFixedKTrainsThatKAloneOnTheConfiguredFeatures() {
        List<String> progressLines = new ArrayList<>();
        List<String> features = List.of("days_since_last_purchase", "spend_365d");
        SegmentModel fixed = new SegmentTrainer(SegmentConfig.defaults(SEED).withK(3).withFeatures(features),
                progressLines::add).train(customers.table());

        assertThat(fixed.k()).isEqualTo(3);
        assertThat(fixed.featureNames()).isEqualTo(features);
        assertThat(fixed.centroids()[0]).hasSize(2);
        assertThat(fixed.selection()).extracting(KScore::k).containsExactly(3);
        assertThat(progressLines).hasSize(1);
        assertThat(fixed.assign(new double[] {300, Double.NaN})).isBetween(0, 2);
    }

    @Test
    void theSameSeedGivesTheSameSegments() {
        SegmentConfig config = SegmentConfig.defaults(SEED).withK(4);
        SegmentModel first = new SegmentTrainer(config, line -> { }).train(customers.table());
        SegmentModel second = new SegmentTrainer(config, line -> { }).train(customers.table());

        assertThat(second.assign(customers.table())).isEqualTo(first.assign(customers.table()));
        for (int s = 0; s < first.k(); s++) {
            assertThat(second.centroids()[s]).containsExactly(first.centroids()[s], within(1e-9));
        }
    }

    @Test
    void refusesMoreSegmentsThanCustomersCanFill() {
        CustomerTable four = new CustomerTable(List.of("a", "b", "c", "d"), List.of("spend"),
                new double[][] {{1}, {2}, {3}, {4}});

        assertThatThrownBy(() -> new SegmentTrainer(SegmentConfig.defaults(1).withK(4), line -> { }).train(four))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k = 4 segments need more than 4 customers, the table has 4; lower k (or k_max) or "
                        + "segment more customers");
    }

    @Test
    void refusesAConfiguredFeatureTheTableLacks() {
        SegmentConfig config = SegmentConfig.defaults(1).withFeatures(List.of("spend_365d", "spend_90d"));

        assertThatThrownBy(() -> new SegmentTrainer(config, line -> { }).train(customers.table()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the customer table has no feature 'spend_90d'; its features are [spend_365d");
    }

    @Test
    void assignRefusesARowOfTheWrongLength() {
        assertThatThrownBy(() -> model.assign(new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a row has 2 values but the segments use 6 features [spend_365d");
    }
}
