package dev.nbo.serving.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Problem JSON for the errors Jetty answers itself, before a request reaches Javalin: an illegal URI, a missing
 * {@code Host}, a control character in a header. Without it those few responses would be Jetty's HTML page, the one
 * place a client could see a non-problem error body.
 */
final class TransportErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String detail = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        ApiException error = switch (code) {
            case 400 -> ApiException.badRequest("the request is not valid HTTP: " + detail);
            case 404 -> ApiException.notFound(detail);
            case 413 -> ApiException.payloadTooLarge(detail);
            default -> code >= 400 && code < 500
                    ? new ApiException(code, "http_" + code, HttpStatus.getMessage(code), detail)
                    : ApiException.internal();
        };
        // Javalin never saw this request, so no id was assigned; a fresh one still ties the response to the log.
        String requestId = UUID.randomUUID().toString();
        byte[] body;
        try {
            body = ApiJson.mapper().writeValueAsBytes(Problem.of(error, pathOf(request), requestId));
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(RequestId.HEADER, requestId);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String pathOf(Request request) {
        try {
            String path = request.getHttpURI().getPath();
            return path == null ? "" : path;
        } catch (RuntimeException e) {
            // The URI may be the very thing that is broken.
            return "";
        }
    }
}
