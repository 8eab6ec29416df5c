package dev.nbo.training.segment;

import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Standardised customer rows as Tribuo clustering examples: every feature present, no known cluster. */
final class ClusterExamples {
    private static final ClusteringFactory FACTORY = new ClusteringFactory();

    private ClusterExamples() {
    }

    static Example<ClusterID> of(String[] featureNames, double[] z) {
        // Every feature is written, zeros included, so Tribuo sees dense rows: an imputed value (z = 0) stays a
        // value at the mean rather than an absent feature.
        return new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, featureNames, z);
    }

    static MutableDataset<ClusterID> dataset(List<String> featureNames, double[][] rows) {
        String[] names = featureNames.toArray(String[]::new);
        MutableDataset<ClusterID> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("standardised customer table, " + rows.length + " customers x "
                        + names.length + " features", FACTORY), FACTORY);
        for (double[] row : rows) {
            dataset.add(of(names, row));
        }
        return dataset;
    }
}
