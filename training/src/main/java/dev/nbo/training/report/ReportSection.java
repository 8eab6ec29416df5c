package dev.nbo.training.report;

import com.fasterxml.jackson.databind.JsonNode;

/** One titled section of the report; a section whose figures are absent from metrics.json is left out. */
interface ReportSection {
    /** The anchor of the section, for the contents line at the top. */
    String id();

    String title();

    boolean appliesTo(JsonNode metrics);

    /** Writes the body of the section (the title is written by the report). */
    void render(JsonNode metrics, Html html);
}
