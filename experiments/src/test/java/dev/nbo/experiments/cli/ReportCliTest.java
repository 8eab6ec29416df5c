package dev.nbo.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report command on units.csv: 60 hand-made units in three arms of 20. Counted by hand from the file:
 * opened 10 / 16 / 11 (control / model / rules), clicked 2 / 11 / 4, revenue missing for units 5, 22, 39, 56 (one
 * in control, one in model, two in rules); quoted segments with commas and doubled quotes, opened as true/false on
 * some rows, and six units with a date instead of an instant.
 */
class ReportCliTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Path units() throws URISyntaxException {
        return Path.of(ReportCliTest.class.getResource("units.csv").toURI());
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ReportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] reportArgs(Path units, String... overrides) {
        List<String> args = new ArrayList<>(List.of("report", "--units", units.toString(), "--arm-column", "arm",
                "--control", "control", "--metrics", "opened,clicked,revenue", "--binary", "opened,clicked",
                "--time-column", "assigned_at", "--out", dir.resolve("out").toString()));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = args.indexOf(overrides[i]);
            if (at >= 0) {
                args.set(at + 1, overrides[i + 1]);
            } else {
                args.add(overrides[i]);
                args.add(overrides[i + 1]);
            }
        }
        return args.toArray(String[]::new);
    }

    @Test
    void writesTheReportAndPrintsTheVerdicts() throws Exception {
        Result result = run(reportArgs(units(), "--title", "March <mail>"));

        assertThat(result.status()).as(result.err()).isZero();
        Path out = dir.resolve("out");
        assertThat(out.resolve("report.json")).exists();
        assertThat(out.resolve("report.csv")).exists();
        assertThat(out.resolve("report.html")).exists();
        assertThat(result.out()).contains("Report written to " + out.toAbsolutePath())
                .contains("The split matches the expected split");

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.at("/verdicts")).hasSize(6);
        for (JsonNode verdict : json.at("/verdicts")) {
            assertThat(result.out()).contains(verdict.asText());
        }
        assertThat(json.at("/arms/0/arm").asText()).isEqualTo("control");
        assertThat(json.at("/arms/0/units").asLong()).isEqualTo(20);
        assertThat(json.at("/arms/0/metrics/0/value").asDouble()).isCloseTo(10 / 20.0, within(1e-12));
        assertThat(json.at("/arms/1/metrics/0/value").asDouble()).isCloseTo(16 / 20.0, within(1e-12));
        assertThat(json.at("/arms/1/metrics/1/value").asDouble()).isCloseTo(11 / 20.0, within(1e-12));
        assertThat(json.at("/arms/2/metrics/2/missing").asLong()).isEqualTo(2);
        assertThat(json.at("/comparisons/1/liftAbs").asDouble()).isCloseTo((11 - 2) / 20.0, within(1e-12));
        assertThat(json.at("/timelines")).hasSize(6);
        assertThat(json.at("/settings/title").asText()).isEqualTo("March <mail>");
        assertThat(Files.readString(out.resolve("report.csv")).lines()).hasSize(1 + 3 * 3);
        assertThat(Files.readString(out.resolve("report.html"))).contains("March &lt;mail&gt;")
                .contains("Cumulative lift over time");
    }

    @Test
    void aCovariateTurnsCupedOnAndWeightsFeedTheSplitCheck() throws Exception {
        Result result = run(reportArgs(units(), "--covariate", "pre_revenue", "--weights",
                "control=0.2,model=0.4,rules=0.4"));

        assertThat(result.status()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertThat(json.at("/settings/cuped").asBoolean()).isTrue();
        assertThat(json.at("/cuped")).hasSize(3);
        assertThat(json.at("/srm/expectedUnits/control").asDouble()).isCloseTo(12, within(1e-9));
        assertThat(json.at("/comparisons/2/method").asText()).isEqualTo("Welch t-test on CUPED-adjusted values");
    }

    @Test
    void badInputsExitWithTwoAndNameTheProblem() throws Exception {
        Path csv = units();
        assertBad(run(reportArgs(csv, "--metrics", "opened,clicked,nope")), "no metric column 'nope'");
        assertBad(run(reportArgs(csv, "--arm-column", "group")), "no arm column 'group'");
        assertBad(run(reportArgs(csv, "--control", "baseline")), "control arm 'baseline' has no units");
        assertBad(run(reportArgs(dir.resolve("missing.csv"))), "missing.csv does not exist");
        assertBad(run(reportArgs(dir)), "unsupported extension", "no file extension");
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        assertBad(run(reportArgs(folder)), "cannot read --units file");
        Path parquet = Files.copy(csv, dir.resolve("units.parquet"));
        assertBad(run(reportArgs(parquet)), "units.parquet is not a readable Parquet file");
        assertBad(run(reportArgs(dir.resolve("units.xlsx"))), "unsupported extension '.xlsx'");

        String text = Files.readString(csv);
        Path yes = Files.writeString(dir.resolve("yes.csv"), text.replace("C1002,new,rules,1,", "C1002,new,rules,yes,"));
        assertBad(run(reportArgs(yes)), "line 4, column 'opened'", "'yes'");
        Path two = Files.writeString(dir.resolve("two.csv"), text.replace("C1002,new,rules,1,1,", "C1002,new,rules,1,2,"));
        assertBad(run(reportArgs(two)), "line 4, column 'clicked'", "'2'");
        Path money = Files.writeString(dir.resolve("money.csv"), text.replace(",6.22,", ",$6.22,"));
        assertBad(run(reportArgs(money)), "line 4, column 'revenue'", "'$6.22'");
        Path time = Files.writeString(dir.resolve("time.csv"), text.replace("2025-03-01T02:26:00Z", "yesterday"));
        assertBad(run(reportArgs(time)), "line 4, column 'assigned_at'", "'yesterday'");
        Path short_ = Files.writeString(dir.resolve("short.csv"), text.replace("C1002,new,", "C1002,"));
        assertBad(run(reportArgs(short_)), "line 4: 7 fields, the header has 8");
        Path open = Files.writeString(dir.resolve("open.csv"), text + "C9999,\"never closed,control,1,0,1,1,2025-03-01");
        assertBad(run(reportArgs(open)), "line 62: a quoted field is not closed");
        Path stray = Files.writeString(dir.resolve("stray.csv"), text.replace("C1002,new,", "C1002,ne\"w,"));
        assertBad(run(reportArgs(stray)), "line 4: a quote inside an unquoted field");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertBad(run(reportArgs(empty)), "empty.csv is empty");

        assertBad(run(reportArgs(csv, "--binary", "opened,bounced")), "--binary names 'bounced'");
        assertBad(run(reportArgs(csv, "--weights", "control=half")), "--weights", "'control'");
        assertBad(run(reportArgs(csv, "--weights", "control=0.5,model=0.5")), "arm 'rules' has units but no "
                + "expected weight");
        assertBad(run(reportArgs(csv, "--confidence", "1.5")), "confidence must be in (0.5, 1), got 1.5");
        assertBad(run(reportArgs(csv, "--colour", "red")), "unknown flag --colour");
        assertBad(run("report", "--units", csv.toString()), "missing required flag --metrics");
        assertBad(run("reprot"), "unknown command 'reprot'");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private static void assertBad(Result result, String... fragments) {
        assertThat(result.status()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).as("stderr").containsAnyOf(fragments);
        if (fragments.length > 1 && !fragments[1].equals("no file extension")) {
            assertThat(result.err()).contains(fragments);
        }
    }

    @Test
    void everyCommandHasHelp() {
        Result report = run("report", "--help");
        assertThat(report.status()).isZero();
        assertThat(report.out()).contains("--arm-column").contains("--time-column")
                .contains("report --experiment NAME --warehouse DIR").contains("report power");
        Result experiment = run("report", "--experiment", "--help");
        assertThat(experiment.status()).as(experiment.err()).isZero();
        assertThat(experiment.out()).contains("--warehouse").contains("attribution window");
        Result power = run("report", "power", "--help");
        assertThat(power.status()).isZero();
        assertThat(power.out()).contains("--units-per-arm").contains("--mde");
        assertThat(run("--help").status()).isZero();
    }
}
