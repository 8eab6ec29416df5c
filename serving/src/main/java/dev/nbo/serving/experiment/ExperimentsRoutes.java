package dev.nbo.serving.experiment;

import dev.nbo.experiments.assign.Assigner;
import dev.nbo.experiments.attribution.AttributedExperiment;
import dev.nbo.experiments.attribution.Attribution;
import dev.nbo.experiments.attribution.Exposure;
import dev.nbo.experiments.attribution.Outcome;
import dev.nbo.experiments.config.ArmSpec;
import dev.nbo.experiments.config.ExperimentReportSettings;
import dev.nbo.experiments.config.ExperimentSpec;
import dev.nbo.experiments.config.ExperimentsConfig;
import dev.nbo.experiments.report.ExperimentReport;
import dev.nbo.experiments.report.ReportEngine;
import dev.nbo.experiments.report.ReportJson;
import dev.nbo.serving.api.ApiException;
import dev.nbo.serving.api.HttpMethod;
import dev.nbo.serving.api.Route;
import dev.nbo.serving.api.Scope;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /v1/experiments} and {@code GET /v1/experiments/{name}/report} (admin). The report is computed on
 * request from the decision log and the event log, with the same engine as {@code ./nbo report}.
 */
public final class ExperimentsRoutes {
    private final Assigner assigner;
    private final Supplier<List<Exposure>> exposures;
    private final Supplier<List<Outcome>> outcomes;
    private final LongSupplier clockMicros;

    public ExperimentsRoutes(Assigner assigner, Supplier<List<Exposure>> exposures, Supplier<List<Outcome>> outcomes,
                             LongSupplier clockMicros) {
        this.assigner = assigner;
        this.exposures = exposures;
        this.outcomes = outcomes;
        this.clockMicros = clockMicros;
    }

    public List<Route> routes() {
        return List.of(
                Route.of(HttpMethod.GET, "/v1/experiments", Scope.ADMIN,
                        "The experiments of experiments.yaml: block, dates, status, arms and weights", this::list),
                Route.of(HttpMethod.GET, "/v1/experiments/{name}/report", Scope.ADMIN,
                        "The A/B report of an experiment, from the decision and event logs", this::report));
    }

    private void list(Context ctx) {
        ExperimentsConfig config = assigner.config();
        Instant now = ExperimentDecider.instant(clockMicros.getAsLong());
        List<Map<String, Object>> experiments = new ArrayList<>();
        for (ExperimentSpec experiment : config.experiments()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", experiment.name());
            json.put("block", experiment.block());
            json.put("status", experiment.isRunningAt(now) ? "running"
                    : now.isBefore(experiment.start()) ? "scheduled" : "ended");
            json.put("start", experiment.start().toString());
            json.put("end", experiment.end().toString());
            json.put("salt", experiment.salt());
            json.put("control", experiment.control());
            List<Map<String, Object>> arms = new ArrayList<>();
            for (ArmSpec arm : experiment.arms()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("name", arm.name());
                a.put("strategy", arm.strategyName());
                if (arm.isFixed()) {
                    a.put("offers", arm.fixedOffers());
                }
                a.put("weight", arm.weight());
                a.put("share", experiment.share(arm.name()));
                arms.add(a);
            }
            json.put("arms", arms);
            json.put("overrides", experiment.overrides().size());
            experiments.add(json);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holdoutPercent", config.holdoutPercent());
        body.put("attributionWindowDays", config.attributionWindow().toDays());
        body.put("experiments", experiments);
        ctx.json(body);
    }

    private void report(Context ctx) {
        String name = ctx.pathParam("name");
        ExperimentSpec experiment = assigner.config().experiment(name).orElseThrow(() -> new ApiException(404,
                "unknown_experiment", "Unknown experiment", "no experiment '" + name + "'; experiments: "
                + assigner.config().experiments().stream().map(ExperimentSpec::name).toList()));
        AttributedExperiment attributed;
        try {
            attributed = Attribution.attribute(experiment, exposures.get(), outcomes.get(),
                    assigner.config().attributionWindow());
        } catch (IllegalStateException noData) {
            throw new ApiException(409, "no_data", "No data yet", noData.getMessage());
        }
        ExperimentReport report = ReportEngine.analyze(attributed.units(), ExperimentReportSettings.of(experiment),
                attributed.decisions());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("experiment", name);
        body.put("attribution", attributed.summary());
        body.put("report", ReportJson.toJson(report));
        ctx.json(body);
    }
}
