package dev.nbo.serving.api;

import static dev.nbo.serving.api.SampleApi.ADMIN_KEY;
import static dev.nbo.serving.api.SampleApi.READER_KEY;
import static dev.nbo.serving.api.SampleApi.WRITER_KEY;
import static dev.nbo.serving.api.SampleApi.bearer;
import static dev.nbo.serving.api.SampleApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {
    private static SampleApi api;

    @BeforeAll
    static void start() {
        api = new SampleApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void missingKeyIs401() {
        HttpResponse<String> response = api.get("/things/t1");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("code").asText()).isEqualTo("unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"nbo\"");
    }

    @Test
    void unknownKeyIs401() {
        HttpResponse<String> response = api.get("/things/t1", bearer("not-a-configured-key"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("detail").asText()).contains("not known");
    }

    @Test
    void keyWithoutTheRouteScopeIs403NamingTheScope() {
        HttpResponse<String> response = api.get("/things/t1", bearer(WRITER_KEY));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("code").asText()).isEqualTo("forbidden");
        assertThat(json(response).get("detail").asText()).contains("'writer'").contains("offers:read");
    }

    @Test
    void adminScopeDoesNotImplyTheOthers() {
        assertThat(api.get("/things/t1", bearer(ADMIN_KEY)).statusCode()).isEqualTo(403);
    }

    @Test
    void keyWithTheScopeIsServedAsBearer() {
        HttpResponse<String> response = api.get("/things/t1", bearer(READER_KEY));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("id").asText()).isEqualTo("t1");
    }

    @Test
    void keyWithTheScopeIsServedAsApiKeyHeader() {
        assertThat(api.get("/things/t1", "X-Api-Key", READER_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        assertThat(api.get("/things/t1", "Authorization", "bearer " + READER_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void basicAuthIsNotAnApiKey() {
        assertThat(api.get("/things/t1", "Authorization", "Basic " + READER_KEY).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/ready", "/metrics", "/openapi.json"})
    void operationalRoutesAreOpen(String path) {
        assertThat(api.get(path).statusCode()).isEqualTo(200);
    }
}
