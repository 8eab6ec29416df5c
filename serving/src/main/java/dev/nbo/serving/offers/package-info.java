/**
 * The offers endpoints: ranked offers of a block as JSON (one customer or a batch) and the block rendered as HTML,
 * built on the decision engine and the block catalog.
 */
package dev.nbo.serving.offers;
