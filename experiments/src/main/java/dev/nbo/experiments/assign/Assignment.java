package dev.nbo.experiments.assign;

/**
 * Where one customer falls in one experiment.
 *
 * @param experiment  the experiment's name
 * @param arm         the arm's name, or {@link #HOLDOUT} for a customer in the global holdout
 * @param probability the chance that a customer not overridden falls in this arm: the arm's weight share among the
 *                    experiment's customers, or the holdout fraction for {@link #HOLDOUT}; 1 for an override
 * @param override    true when the customer was forced into the arm by the experiment's overrides (a test profile)
 */
public record Assignment(String experiment, String arm, double probability, boolean override) {
    /** The arm name of customers in the global holdout: they get the control's treatment, outside every comparison. */
    public static final String HOLDOUT = "holdout";

    public boolean holdout() {
        return HOLDOUT.equals(arm) && !override;
    }
}
