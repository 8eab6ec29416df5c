package dev.nbo.serving.api;

/**
 * The RFC 9457 problem document every error response carries, plus our stable {@code code} and the
 * {@code requestId} that ties the response to the server's log line.
 *
 * @param type     a URI naming the problem kind; {@code about:blank}-style relative URIs built from the code
 * @param instance the request path that failed
 */
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      String requestId) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are relative URIs under one prefix so that docs can anchor on the code. */
    static final String TYPE_PREFIX = "/problems/";

    public static Problem of(ApiException error, String path, String requestId) {
        return new Problem(TYPE_PREFIX + error.code(), error.title(), error.status(), error.detail(), error.code(),
                path, requestId);
    }
}
