package dev.nbo.serving.api;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request to its response, its log lines and its decision-log entry. A caller's
 * {@code X-Request-Id} is kept when it looks like an id (so an ESP can trace its own sends); anything else, including
 * text that could forge log lines, is replaced by a fresh UUID.
 */
public final class RequestId {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "nbo.requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestId() {
    }

    /** The request id of this request, as assigned when it arrived. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? assign(ctx) : id;
    }

    static String assign(Context ctx) {
        String offered = ctx.header(HEADER);
        String id = offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        return id;
    }
}
