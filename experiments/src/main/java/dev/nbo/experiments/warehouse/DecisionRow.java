package dev.nbo.experiments.warehouse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * One row of the {@code decisions} table: a served decision, as the decision log holds it.
 *
 * @param time           kept to the microsecond (the table's precision)
 * @param customerId     null for a decision whose customer was erased (GDPR)
 * @param experiment     null outside experiments, as are {@code arm} and {@code armProbability}
 * @param modelVersion   null when no model scored
 * @param offers         the offers served, in rank order
 * @param policyChoices  arm → the first offer that arm's policy chose for this request (null: none); empty outside
 *                       experiments
 */
public record DecisionRow(String requestId, Instant time, String customerId, String block, String strategy,
                          String experiment, String arm, Double armProbability, boolean override,
                          String modelVersion, List<String> offers, Map<String, String> policyChoices) {
    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message decisions {
              required binary request_id (STRING);
              required int64 time (TIMESTAMP(MICROS,true));
              optional binary customer_id (STRING);
              required binary block (STRING);
              required binary strategy (STRING);
              optional binary experiment (STRING);
              optional binary arm (STRING);
              optional double arm_probability;
              required boolean override;
              optional binary model_version (STRING);
              required group offers (LIST) {
                repeated group list {
                  required binary element (STRING);
                }
              }
              required group policy_choices (MAP) {
                repeated group key_value {
                  required binary key (STRING);
                  optional binary value (STRING);
                }
              }
            }
            """);

    public DecisionRow {
        Objects.requireNonNull(requestId, "requestId");
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(strategy, "strategy");
        offers = List.copyOf(offers);
        policyChoices = Collections.unmodifiableMap(new LinkedHashMap<>(policyChoices));
        if ((experiment == null) != (arm == null) || (experiment == null) != (armProbability == null)) {
            throw new IllegalArgumentException("decision " + requestId + " needs an experiment, an arm and its"
                    + " probability together, or none of them");
        }
    }

    public boolean erased() {
        return customerId == null;
    }

    void write(RecordConsumer out) {
        out.startMessage();
        ParquetFields.string(out, "request_id", 0, requestId);
        ParquetFields.timestamp(out, "time", 1, time);
        ParquetFields.string(out, "customer_id", 2, customerId);
        ParquetFields.string(out, "block", 3, block);
        ParquetFields.string(out, "strategy", 4, strategy);
        ParquetFields.string(out, "experiment", 5, experiment);
        ParquetFields.string(out, "arm", 6, arm);
        ParquetFields.float64(out, "arm_probability", 7, armProbability);
        ParquetFields.bool(out, "override", 8, override);
        ParquetFields.string(out, "model_version", 9, modelVersion);
        out.startField("offers", 10);
        out.startGroup();
        if (!offers.isEmpty()) {
            out.startField("list", 0);
            for (String offer : offers) {
                out.startGroup();
                ParquetFields.string(out, "element", 0, offer);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
        out.endField("offers", 10);
        out.startField("policy_choices", 11);
        out.startGroup();
        if (!policyChoices.isEmpty()) {
            out.startField("key_value", 0);
            for (Map.Entry<String, String> choice : policyChoices.entrySet()) {
                out.startGroup();
                ParquetFields.string(out, "key", 0, choice.getKey());
                ParquetFields.string(out, "value", 1, choice.getValue());
                out.endGroup();
            }
            out.endField("key_value", 0);
        }
        out.endGroup();
        out.endField("policy_choices", 11);
        out.endMessage();
    }

    static DecisionRow read(Group row) {
        List<String> offers = new ArrayList<>();
        if (ParquetFields.has(row, "offers")) {
            Group list = row.getGroup("offers", 0);
            for (int i = 0; i < list.getFieldRepetitionCount(0); i++) {
                offers.add(ParquetFields.requiredString(list.getGroup(0, i), "element"));
            }
        }
        Map<String, String> choices = new LinkedHashMap<>();
        if (ParquetFields.has(row, "policy_choices")) {
            Group map = row.getGroup("policy_choices", 0);
            for (int i = 0; i < map.getFieldRepetitionCount(0); i++) {
                Group entry = map.getGroup(0, i);
                choices.put(ParquetFields.requiredString(entry, "key"), ParquetFields.string(entry, "value"));
            }
        }
        return new DecisionRow(ParquetFields.requiredString(row, "request_id"),
                ParquetFields.timestamp(row, "time"), ParquetFields.string(row, "customer_id"),
                ParquetFields.requiredString(row, "block"), ParquetFields.requiredString(row, "strategy"),
                ParquetFields.string(row, "experiment"), ParquetFields.string(row, "arm"),
                ParquetFields.float64(row, "arm_probability"), ParquetFields.bool(row, "override"),
                ParquetFields.string(row, "model_version"), offers, choices);
    }
}
