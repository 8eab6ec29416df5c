package dev.nbo.serving.api;

import java.util.Objects;

/**
 * A request the API refuses, with the HTTP status, a stable machine-readable {@code code} that clients may switch on,
 * a short human title and a detail that says what was wrong and what to send instead. {@link ApiServer} turns it into
 * an {@code application/problem+json} response; handlers throw it and never write error bodies themselves.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String title;

    public ApiException(int status, String code, String title, String detail) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error needs a 4xx or 5xx status, got " + status);
        }
        this.status = status;
        this.code = requireText(code, "code");
        this.title = requireText(title, "title");
        requireText(detail, "detail");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API error needs a non-blank " + name + ", got '" + value + "'");
        }
        return value;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad_request", "Bad request", detail);
    }

    /** The body is not JSON at all, or not the JSON shape the route expects. */
    public static ApiException malformedJson(String detail) {
        return new ApiException(400, "malformed_json", "Malformed JSON", detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", "Not found", detail);
    }

    public static ApiException methodNotAllowed(String detail) {
        return new ApiException(405, "method_not_allowed", "Method not allowed", detail);
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(413, "payload_too_large", "Payload too large", detail);
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "unsupported_media_type", "Unsupported media type", detail);
    }

    /** Well-formed JSON whose values break a rule (an unknown offer, a negative quantity...). */
    public static ApiException unprocessable(String detail) {
        return new ApiException(422, "unprocessable", "Unprocessable content", detail);
    }

    /** Reserved for bugs: the detail is generic, the cause goes to the log, never to the client. */
    static ApiException internal() {
        return new ApiException(500, "internal_error", "Internal server error",
                "the server failed to handle this request; report the requestId to the operators");
    }

    public static ApiException notReady(String detail) {
        return new ApiException(503, "not_ready", "Service not ready", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    @Override
    public String toString() {
        return "ApiException[" + status + " " + code + ": " + Objects.toString(getMessage()) + "]";
    }
}
