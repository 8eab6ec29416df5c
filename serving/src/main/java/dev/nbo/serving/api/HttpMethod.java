package dev.nbo.serving.api;

import io.javalin.http.HandlerType;

/** The HTTP methods a {@link Route} may use. */
public enum HttpMethod {
    GET(HandlerType.GET),
    POST(HandlerType.POST),
    PUT(HandlerType.PUT),
    PATCH(HandlerType.PATCH),
    DELETE(HandlerType.DELETE);

    private final HandlerType javalin;

    HttpMethod(HandlerType javalin) {
        this.javalin = javalin;
    }

    HandlerType javalin() {
        return javalin;
    }
}
