package dev.nbo.serving.api;

/** A query-string parameter a route reads, documented in the OpenAPI document. */
public record QueryParameter(String name, boolean required, String description) {
    public QueryParameter {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("a query parameter name must start with a letter and hold only "
                    + "letters, digits, '_', '.', '-', got '" + name + "'");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("query parameter '" + name + "' needs a description for the API docs");
        }
    }
}
