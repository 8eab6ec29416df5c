package dev.nbo.serving.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {
    private static final RouteHandler NOTHING = ctx -> { };

    @Test
    void pathParametersAreReadFromTheTemplate() {
        Route route = Route.of(HttpMethod.GET, "/customers/{customerId}/blocks/{blockId}", Scope.OFFERS_READ,
                "Offers for a block", NOTHING);
        assertThat(route.pathParameters()).containsExactly("customerId", "blockId");
        assertThat(route.key()).isEqualTo("GET /customers/{customerId}/blocks/{blockId}");
    }

    @Test
    void scopedRouteNeedsAScope() {
        assertThatThrownBy(() -> Route.of(HttpMethod.POST, "/events", null, "Ingest", NOTHING))
                .hasMessageContaining("POST /events needs a scope").hasMessageContaining("Route.open");
    }

    @Test
    void pathMustStartWithASlash() {
        assertThatThrownBy(() -> Route.open(HttpMethod.GET, "health", "x", NOTHING))
                .hasMessageContaining("got 'health'");
    }

    @Test
    void summaryIsRequiredBecauseItDocumentsTheRoute() {
        assertThatThrownBy(() -> Route.open(HttpMethod.GET, "/x", " ", NOTHING))
                .hasMessageContaining("GET /x needs a summary");
    }

    @Test
    void twoRoutesWithOneMethodAndPathShapeAreRefusedAtCreation() {
        List<Route> clash = List.of(
                Route.of(HttpMethod.GET, "/offers/{customerId}", Scope.OFFERS_READ, "a", NOTHING),
                Route.of(HttpMethod.GET, "/offers/{id}", Scope.OFFERS_READ, "b", NOTHING));
        assertThatThrownBy(() -> ApiServer.create(ServerConfig.defaults().withPort(0), clash))
                .hasMessageContaining("GET /offers/{id} is registered twice");
    }

    @Test
    void builtInPathsCannotBeTaken() {
        List<Route> clash = List.of(Route.open(HttpMethod.GET, "/health", "mine", NOTHING));
        assertThatThrownBy(() -> ApiServer.create(ServerConfig.defaults().withPort(0), clash))
                .hasMessageContaining("GET /health is registered twice");
        List<Route> docs = List.of(Route.open(HttpMethod.GET, "/openapi.json", "mine", NOTHING));
        assertThatThrownBy(() -> ApiServer.create(ServerConfig.defaults().withPort(0), docs))
                .hasMessageContaining("GET /openapi.json");
    }
}
