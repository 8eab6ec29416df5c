/**
 * Durable append-only logs: {@link dev.nbo.serving.log.AppendLog} (the embedded default,
 * {@link dev.nbo.serving.log.FileAppendLog}, stands where a Kafka topic stands in production) and the
 * {@link dev.nbo.serving.log.DecisionLog} of every served decision. A record appended is on disk (forced) before
 * {@code append} returns; a crash loses at most records whose append had not returned. See docs/event-ingestion.md.
 */
package dev.nbo.serving.log;
