package dev.nbo.features.generate;

/**
 * A product of the world.
 *
 * @param rank its popularity rank in its category, 1 for the hero product (the most viewed and bought)
 */
public record Product(String id, String name, Category category, double price, int rank) {
}
