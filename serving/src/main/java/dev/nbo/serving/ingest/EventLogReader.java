package dev.nbo.serving.ingest;

import dev.nbo.serving.log.FileAppendLogReader;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads the event log of an ingestor folder ({@code <folder>/log}) without opening the ingestor: nothing is applied
 * to a store, no checkpoint moves and no file changes (see {@link FileAppendLogReader}), so it is safe while the
 * server ingests. For exports; the server itself replays through {@link EventIngestor}.
 */
public final class EventLogReader {
    private EventLogReader() {
    }

    /**
     * Reads every logged event, oldest first; erased events are left out.
     *
     * @param folder the ingestor's folder, as given to {@link EventIngestor#open}
     * @return how many events were read
     */
    public static long read(Path folder, Consumer<LoggedEvent> consumer) {
        return FileAppendLogReader.read(folder.resolve("log"),
                (sequence, record) -> {
                    LoggedEvent event = EventLogCodec.decodeLogged(record);
                    if (event != null) {
                        consumer.accept(event);
                    }
                });
    }
}
