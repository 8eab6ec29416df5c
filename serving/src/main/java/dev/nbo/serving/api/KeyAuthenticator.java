package dev.nbo.serving.api;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Checks the API key of a request against a route's scope: 401 when no known key is presented, 403 when the key lacks
 * the scope. The key may come as {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>} because some ESPs
 * can only set custom headers.
 */
final class KeyAuthenticator {
    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    KeyAuthenticator(ApiKeys keys) {
        this.keys = keys;
    }

    ApiKey authorize(Context ctx, Scope scope) {
        String presented = presentedKey(ctx);
        if (presented == null) {
            throw ApiException.unauthorized("send an API key as 'Authorization: Bearer <key>' or '"
                    + API_KEY_HEADER + ": <key>'");
        }
        ApiKey key = keys.match(presented).orElseThrow(() -> ApiException.unauthorized(
                "the API key is not known to this server; check the key or ask for one"));
        if (!key.allows(scope)) {
            throw ApiException.forbidden("API key '" + key.name() + "' lacks the scope " + scope.label()
                    + " that this route needs");
        }
        return key;
    }

    private static String presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return authorization.substring(BEARER.length()).strip();
        }
        String header = ctx.header(API_KEY_HEADER);
        return header == null || header.isBlank() ? null : header.strip();
    }
}
