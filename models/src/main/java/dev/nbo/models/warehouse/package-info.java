/**
 * The warehouse vocabulary shared by the pipeline, the importers and the event API: event types and order types.
 * The table layout itself is documented in {@code features/README.md}.
 */
package dev.nbo.models.warehouse;
