/**
 * The serving application assembled from its parts: {@code serving.yaml} read and cross-checked at start (the
 * model's feature-spec hash against the spec, blocks against offers and templates, rules against the spec), the
 * online store loaded, the champion loaded and watched, and the routes of every package registered on one server.
 */
package dev.nbo.serving.app;
