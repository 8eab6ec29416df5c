package dev.nbo.models.config;

/**
 * A configuration file that cannot be used. The message names the file, the line, the field and the bad value, and
 * says what to write instead, so that a user can fix the file without reading code.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String field;

    public InvalidConfigException(String file, int line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.field = field;
    }

    private static String format(String file, int line, String field, String problem) {
        StringBuilder message = new StringBuilder(file);
        if (line > 0) {
            message.append(':').append(line);
        }
        if (field != null && !field.isEmpty()) {
            message.append(": ").append(field);
        }
        return message.append(": ").append(problem).toString();
    }

    /** The file that holds the error. */
    public String file() {
        return file;
    }

    /** The path of the bad field inside the file, such as {@code features[3].window}. */
    public String field() {
        return field;
    }
}
