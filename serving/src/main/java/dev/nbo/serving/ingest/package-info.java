/**
 * Durable ingestion of behavioural events: {@link dev.nbo.serving.ingest.EventBatch} parses and validates a JSON
 * array of events (stable rejection codes), and {@link dev.nbo.serving.ingest.EventIngestor} drops duplicates by
 * event id, appends the accepted events to an {@link dev.nbo.serving.log.AppendLog} (on disk before it returns),
 * stages them in an {@link dev.nbo.serving.ingest.EventSink} (the online store: visible to reads at once) as
 * {@link dev.nbo.models.aggregate.SourceRow}s, and applies them from a background thread, many batches per round.
 * See docs/event-ingestion.md.
 */
package dev.nbo.serving.ingest;
