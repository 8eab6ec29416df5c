package dev.nbo.experiments.report;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double quotes may hold commas,
 * line breaks and doubled quotes ({@code ""}). Each record remembers the line it starts on, for error messages.
 */
final class CsvRecords {
    record Record(int line, List<String> fields) {
    }

    private final Reader in;
    private final String source;
    private int line = 1;
    private int peeked = -2;

    CsvRecords(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next record, or null at the end of the input. A blank line is a record with one empty field. */
    Record next() throws IOException {
        if (peek() < 0) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c < 0) {
                    throw new IllegalArgumentException(source + " line " + start + ": a quoted field is not closed");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c < 0 || c == '\n') {
                fields.add(field.toString());
                return new Record(start, fields);
            } else if (c == '\r') {
                if (peek() == '\n') {
                    continue;
                }
                fields.add(field.toString());
                return new Record(start, fields);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == '"') {
                throw new IllegalArgumentException(source + " line " + line + ": a quote inside an unquoted field "
                        + "(quote the whole field and double the quote)");
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
