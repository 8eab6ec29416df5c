package dev.nbo.serving.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.stream.Collectors;

/**
 * The one place where failures become HTTP responses: every exception a request can raise (ours, Javalin's, Jackson's,
 * or a bug) is turned into an {@link ApiException} and written as {@code application/problem+json}.
 */
final class ProblemMapper {
    private static final System.Logger LOG = System.getLogger(ProblemMapper.class.getName());

    private ProblemMapper() {
    }

    static void write(Exception exception, Context ctx) {
        ApiException error = toApiException(exception, ctx);
        if (error.status() >= 500 && error.status() != 503) {
            LOG.log(System.Logger.Level.ERROR, "request " + RequestId.of(ctx) + " " + ctx.method() + " " + ctx.path()
                    + " failed with a bug", exception);
        }
        Problem problem = Problem.of(error, ctx.path(), RequestId.of(ctx));
        if (error.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"nbo\"");
        }
        try {
            ctx.status(error.status())
                    .contentType(Problem.MEDIA_TYPE)
                    .result(ApiJson.mapper().writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem record always serialises", e);
        }
    }

    static ApiException toApiException(Exception exception, Context ctx) {
        if (exception instanceof ApiException api) {
            return api;
        }
        if (exception instanceof ValueInstantiationException invalid
                && invalid.getCause() instanceof IllegalArgumentException rule) {
            // Our records validate in their constructors: the JSON was well formed but a value breaks a rule.
            return ApiException.unprocessable(at(invalid) + rule.getMessage());
        }
        if (exception instanceof StreamReadException syntax) {
            return ApiException.malformedJson("the body is not valid JSON: " + syntax.getOriginalMessage()
                    + location(syntax));
        }
        if (exception instanceof DatabindException shape) {
            return new ApiException(400, "invalid_body", "Invalid body",
                    at(shape) + ((JacksonException) shape).getOriginalMessage());
        }
        if (exception instanceof JacksonException json) {
            // What is left are the parser's own limits (nesting depth, number or string length).
            return ApiException.malformedJson("the body is beyond the JSON parser's limits: " + json.getOriginalMessage());
        }
        if (exception instanceof ValidationException validation) {
            return ApiException.badRequest(validation.getErrors().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue().stream()
                            .map(v -> v.getMessage() + " (got '" + v.value + "')")
                            .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; ")));
        }
        if (exception instanceof HttpResponseException javalin) {
            return fromJavalin(javalin, ctx);
        }
        return ApiException.internal();
    }

    private static ApiException fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> ApiException.notFound("no route " + ctx.method() + " " + ctx.path()
                    + "; /openapi.json lists the routes");
            case 405 -> ApiException.methodNotAllowed(ctx.method() + " is not allowed on " + ctx.path()
                    + "; allowed: " + String.join(", ", e.getDetails().values()));
            case 413 -> ApiException.payloadTooLarge("the body is larger than the server's limit; send less data "
                    + "per request");
            case 400 -> ApiException.badRequest(e.getMessage());
            case 401 -> ApiException.unauthorized(e.getMessage());
            case 403 -> ApiException.forbidden(e.getMessage());
            case 415 -> ApiException.unsupportedMediaType(e.getMessage());
            default -> e.getStatus() < 500
                    ? new ApiException(e.getStatus(), "http_" + e.getStatus(), "HTTP " + e.getStatus(), e.getMessage())
                    : ApiException.internal();
        };
    }

    /** "field 'items[2].quantity': " — where in the body the problem is, when Jackson knows. */
    private static String at(JsonMappingException e) {
        String path = e.getPath().stream().map(ref -> ref.getFieldName() != null
                ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]").collect(Collectors.joining());
        return path.isEmpty() ? "" : "field '" + (path.startsWith(".") ? path.substring(1) : path) + "': ";
    }

    private static String at(DatabindException e) {
        return e instanceof JsonMappingException mapping ? at(mapping) : "";
    }

    private static String location(StreamReadException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
