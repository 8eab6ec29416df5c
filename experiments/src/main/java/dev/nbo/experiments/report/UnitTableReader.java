package dev.nbo.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a {@link UnitTable} from a file. One implementation per file format, chosen by extension with
 * {@link #forFile}; errors name the file, the line and the column.
 */
public interface UnitTableReader {

    /**
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when its content does not make a unit table (naming the file, line, column)
     */
    UnitTable read(Path file, UnitColumns columns) throws IOException;

    /** The reader for the file's extension; refuses any extension it has no reader for. */
    static UnitTableReader forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        if (extension.equals(".csv")) {
            return new CsvUnitTableReader();
        }
        if (extension.equals(".parquet")) {
            return new dev.nbo.experiments.warehouse.ParquetUnitTableReader();
        }
        throw new IllegalArgumentException("cannot read units from " + file + ": "
                + (extension.isEmpty() ? "no file extension" : "unsupported extension '" + extension + "'")
                + "; supported: .csv, .parquet");
    }
}
