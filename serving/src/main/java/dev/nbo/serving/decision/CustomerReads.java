package dev.nbo.serving.decision;

import dev.nbo.serving.model.Segment;
import dev.nbo.serving.model.ServingModel;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the decisions of one request share: the customer's features, read once, and the customer's segment under
 * each model met. An experiment decides the served arm and every other arm's first choice for one customer at one
 * time ({@code ExperimentDecider}); sharing the read spares each extra arm a store read, a record decode and a
 * segment call. Made by {@link DecisionEngine#reads}; one request's, not thread-safe.
 */
public final class CustomerReads {
    private final FeatureSource features;
    private final String customerId;
    private final long nowMicros;
    private Optional<CustomerView> view;
    private ServingModel segmentedBy;
    private Segment segment;

    CustomerReads(FeatureSource features, String customerId, long nowMicros) {
        this.features = features;
        this.customerId = customerId;
        this.nowMicros = nowMicros;
    }

    /** The customer's view at the request's time, read on first use. */
    Optional<CustomerView> customer() {
        if (view == null) {
            view = features.customer(customerId, nowMicros);
        }
        return view;
    }

    /** The customer's segment under {@code model}, computed once per model (a champion swap brings another). */
    Segment segment(ServingModel model, CustomerView customer,
                    BiFunction<ServingModel, CustomerView, Segment> compute) {
        if (segmentedBy != model) {
            segment = compute.apply(model, customer);
            segmentedBy = model;
        }
        return segment;
    }

    /** Refuses a request for another customer or time: its decision must not use these reads. */
    void checkFor(DecisionRequest request) {
        if (!request.customerId().equals(customerId) || request.nowMicros() != nowMicros) {
            throw new IllegalArgumentException("reads of customer " + customerId + " at " + nowMicros
                    + " used for a request of " + request.customerId() + " at " + request.nowMicros());
        }
    }
}
