package dev.nbo.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The report as JSON: what serving returns for GET /v1/experiments/{name}/report and what report.json holds. Every
 * field of {@link ExperimentReport} appears, undefined numbers as null; {@link #fromJson} reads it back.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static JsonNode toJson(ExperimentReport report) {
        return MAPPER.valueToTree(report);
    }

    public static ExperimentReport fromJson(JsonNode json) {
        try {
            return MAPPER.treeToValue(json, ExperimentReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an experiment report: " + e.getOriginalMessage(), e);
        }
    }

    static byte[] bytes(ExperimentReport report) {
        try {
            return MAPPER.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report did not serialise", e);
        }
    }
}
