package dev.nbo.training.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One model trained with the default configuration on the synthetic customers, shared by the test classes. */
final class TrainedSegments {
    static final long SEED = 20250131L;
    static final SyntheticCustomers CUSTOMERS = SyntheticCustomers.generate(2_000, SEED);
    private static final List<String> LINES = new ArrayList<>();
    static final SegmentModel MODEL = new SegmentTrainer(SegmentConfig.defaults(SEED), LINES::add)
            .train(CUSTOMERS.table());
    /** The progress lines the training above reported. */
    static final List<String> PROGRESS = Collections.unmodifiableList(LINES);

    private TrainedSegments() {
    }

    /** The segment most of a synthetic group's customers were assigned to. */
    static int segmentOf(int group) {
        int[] assigned = MODEL.assign(CUSTOMERS.table());
        int[] counts = new int[MODEL.k()];
        for (int row : CUSTOMERS.rowsOf(group)) {
            counts[assigned[row]]++;
        }
        int majority = 0;
        for (int s = 1; s < counts.length; s++) {
            if (counts[s] > counts[majority]) {
                majority = s;
            }
        }
        return majority;
    }
}
