package dev.nbo.serving.model;

/** A customer's segment: its id in the k-means model and its readable name. */
public record Segment(int id, String name) {
}
