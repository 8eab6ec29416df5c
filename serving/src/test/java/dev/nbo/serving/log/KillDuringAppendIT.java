package dev.nbo.serving.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed with SIGKILL in the middle of appending loses no acknowledged record. */
class KillDuringAppendIT {
    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedRecordSurvivesKillDashNine() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AppendingChild.class.getName(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Set<String> acknowledged = new LinkedHashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 5_000 && (line = out.readLine()) != null) {
                acknowledge(acknowledged, line);
            }
            // Killed while it keeps appending; destroying the process closes its output, so acknowledgements
            // printed after the last line read are simply not checked.
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(5_000);

        Set<String> stored = new HashSet<>();
        try (FileAppendLog log = FileAppendLog.open(folder, 64 * 1024)) {
            log.replay(payload -> stored.add(new String(payload, StandardCharsets.UTF_8).split(" ")[0]));
            assertThat(log.segmentFiles()).hasSizeGreaterThan(1);
        }
        assertThat(stored).containsAll(acknowledged);
    }

    private static void acknowledge(Set<String> acknowledged, String line) {
        if (line.startsWith("ack ") && line.endsWith(" .")) {
            acknowledged.add(line.substring(4, line.length() - 2));
        }
    }
}
