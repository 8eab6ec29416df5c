package dev.nbo.training.simulate;

import java.util.List;

/**
 * One result of {@code POST /v1/offers:batch}: the e-mail a customer gets.
 *
 * @param requestId  the decision's id in the decision log; outcome events carry it for attribution
 * @param fallback   why the server fell back ({@code unknown_customer}, {@code opted_out}...), null when it did not
 * @param experiment the experiment the decision belongs to, null when the block runs none
 * @param arm        the arm (or {@code holdout}), null when there is no experiment
 * @param offers     the offers shown, in rank order
 */
public record ServedDecision(String requestId, String customerId, String strategy, String fallback,
                             String experiment, String arm, List<ShownOffer> offers) {
    /** The arm name the summary counts a decision under when its block runs no experiment. */
    public static final String NO_EXPERIMENT = "(no experiment)";

    public ServedDecision {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("a decision needs its requestId; got " + requestId + " for customer "
                    + customerId);
        }
        offers = List.copyOf(offers);
    }

    /** The arm, or {@link #NO_EXPERIMENT}. */
    public String armOrNone() {
        return arm == null ? NO_EXPERIMENT : arm;
    }
}
