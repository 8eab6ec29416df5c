package dev.nbo.serving.api;

/**
 * The RFC 9457 problem document every error response carries, plus our stable {@code code} and the
 * {@code requestId} that ties the response to the server's log line.
 *
 * @param type     a URI naming the problem kind, {@code urn:nbo:problem:<code>}: a name, not a link (RFC 9457 allows
 *                 that), so clients never follow it to a page that does not exist
 * @param instance the request path that failed
 */
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      String requestId) {
    public static final String MEDIA_TYPE = "application/problem+json";

    static final String TYPE_PREFIX = "urn:nbo:problem:";

    public static Problem of(ApiException error, String path, String requestId) {
        return new Problem(TYPE_PREFIX + error.code(), error.title(), error.status(), error.detail(), error.code(),
                path, requestId);
    }
}
