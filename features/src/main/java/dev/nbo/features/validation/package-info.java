/**
 * Warehouse validation: per-table checks in dependency order, quarantine with reasons, deduplication by id, and the
 * data-quality report.
 */
package dev.nbo.features.validation;
