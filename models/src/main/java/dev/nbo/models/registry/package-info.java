/**
 * The model registry: the contract between training (which writes it) and serving (which reads it).
 *
 * <p>A model version is a folder of files plus a {@link dev.nbo.models.registry.ModelManifest} that records its
 * provenance, its input contract (feature order, feature-spec hash), its evaluation and the sha256 of every file.
 * Versions are immutable and appear atomically; the champion pointer moves atomically and only to a verified version;
 * serving loads a {@link dev.nbo.models.registry.VerifiedModel} only after the checksums and the feature-spec hash
 * match. {@link dev.nbo.models.registry.PromotionGate} decides, as pure logic, whether a candidate replaces the
 * champion; every decision is logged in {@code promotions.jsonl}. Layout and guarantees: {@code docs/registry.md}.
 */
package dev.nbo.models.registry;
