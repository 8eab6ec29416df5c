package dev.nbo.serving.log;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link KillDuringAppendIT}: appends batches of ids to the log in {@code args[0]} forever and
 * prints each id only after its append returned ("ack <id> ."), so every printed id is an acknowledged one. The
 * trailing " ." lets the parent ignore a line cut short by the kill.
 */
public final class AppendingChild {
    private AppendingChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        FileAppendLog log = FileAppendLog.open(Path.of(args[0]), 64 * 1024);
        for (long next = 0; ; ) {
            List<byte[]> batch = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++, next++) {
                String id = "event-" + next;
                ids.add(id);
                batch.add((id + " " + "p".repeat(100)).getBytes(StandardCharsets.UTF_8));
            }
            log.append(batch);
            for (String id : ids) {
                out.println("ack " + id + " .");
            }
            out.flush();
        }
    }
}
