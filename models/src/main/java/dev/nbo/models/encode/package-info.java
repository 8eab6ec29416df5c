/**
 * How a scoring row — the features of one customer × offer pair, exactly as the training pairs and the online store
 * hold them — becomes the named numeric inputs of the propensity model. Training fits the encoder and writes it as
 * {@code encoder.json} next to the model; serving reads the same file, so both encode a pair identically.
 */
package dev.nbo.models.encode;
