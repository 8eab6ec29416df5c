package dev.nbo.serving.app;

import dev.nbo.serving.api.ApiException;
import dev.nbo.serving.api.HttpMethod;
import dev.nbo.serving.api.Metrics;
import dev.nbo.serving.api.Route;
import dev.nbo.serving.api.Scope;
import dev.nbo.serving.ingest.BatchRefusedException;
import dev.nbo.serving.ingest.IngestBacklogException;
import dev.nbo.serving.ingest.EventIngestor;
import dev.nbo.serving.ingest.IngestResult;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/events}: a JSON array of up to 10,000 events, answered 202 once the accepted ones are on disk and
 * staged for the online store (docs/event-ingestion.md).
 */
final class EventsRoutes {
    private final EventIngestor ingestor;
    private final Counter events;

    EventsRoutes(EventIngestor ingestor, Metrics metrics) {
        this.ingestor = ingestor;
        this.events = metrics.counter("events_ingested", "Events posted, by outcome", "outcome");
    }

    List<Route> routes() {
        return List.of(Route.of(HttpMethod.POST, "/v1/events", Scope.EVENTS_WRITE,
                "Ingest behavioural events (JSON array, at most 10,000); idempotent by event_id; 202 when durable",
                this::ingest));
    }

    private void ingest(Context ctx) {
        IngestResult result;
        try {
            result = ingestor.ingest(ctx.bodyAsBytes());
        } catch (BatchRefusedException e) {
            int status = e.reason() == BatchRefusedException.Reason.BATCH_TOO_LARGE ? 413 : 400;
            throw new ApiException(status, e.code(), "Batch refused", e.getMessage());
        } catch (IngestBacklogException e) {
            ctx.header("Retry-After", "5");
            throw new ApiException(503, "ingest_backlog", "Ingestion is behind", e.getMessage());
        }
        events.labelValues("accepted").inc(result.accepted());
        events.labelValues("duplicate").inc(result.duplicates());
        events.labelValues("rejected").inc(result.rejected().size());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accepted", result.accepted());
        json.put("duplicates", result.duplicates());
        json.put("rejected", result.rejected().stream().map(r -> Map.of("index", r.index(), "code",
                r.code().wireName(), "detail", r.detail())).toList());
        ctx.status(202).json(json);
    }
}
