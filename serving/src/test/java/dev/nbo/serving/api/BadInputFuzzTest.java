package dev.nbo.serving.api;

import static dev.nbo.serving.api.SampleApi.WRITER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-picked and seeded random bad bodies: every one must be a 4xx problem, none a 500. */
class BadInputFuzzTest {
    private static final String VALID = "{\"name\": \"a\", \"quantity\": 2, \"tags\": [\"x\", \"y\"]}";

    private static final String EDITS = "{}[]\",:-0a\\ \u00e9";

    private static List<String> handPickedBadBodies() {
        return List.of(
                "", " ", "null", "[]", "42", "\"text\"", "{", "}", "{}", "{\"name\": null}",
                "{\"quantity\": 1e400}", "{\"quantity\": 99999999999999}", "{\"quantity\": 1.5}",
                "{\"name\": \"a\", \"quantity\": 1.5, \"tags\": []}",
                "{\"quantity\": true}", "{\"tags\": \"x\"}", "{\"tags\": [1, 2]}", "{\"tags\": [[]]}",
                "{\"name\": {\"nested\": 1}}", VALID + VALID, VALID + " trailing", "{\"name\": \"\\ud800\"}",
                "{\"quantity\": NaN}", "{'name': 'a'}", "{\"name\": \"a\",}", "\u0000\u0001\u0002",
                "{\"quantity\": -5, \"name\": \"a\", \"tags\": []}", "[".repeat(5000) + "]".repeat(5000));
    }

    /** Random edits of a valid body; some edits leave it valid (a changed letter inside the name). */
    private static List<String> editedBodies() {
        List<String> bodies = new ArrayList<>();
        Random random = new Random(20261129L);
        for (int i = 0; i < 60; i++) {
            StringBuilder body = new StringBuilder(VALID);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(body.length());
                switch (random.nextInt(3)) {
                    case 0 -> body.deleteCharAt(at);
                    case 1 -> body.insert(at, EDITS.charAt(random.nextInt(EDITS.length())));
                    default -> body.setCharAt(at, (char) (32 + random.nextInt(95)));
                }
            }
            bodies.add(body.toString());
        }
        byte[] noise = new byte[200];
        random.nextBytes(noise);
        bodies.add(new String(noise, StandardCharsets.ISO_8859_1));
        return bodies;
    }

    @Test
    void handPickedBadBodiesAreProblemsNeverA500() {
        try (SampleApi api = new SampleApi()) {
            for (String body : handPickedBadBodies()) {
                assertThat(assertClientProblem(api, body)).as("served instead of refused: " + body).isTrue();
            }
        }
    }

    @Test
    void randomlyEditedBodiesAreServedOrRefusedButNeverA500() {
        try (SampleApi api = new SampleApi()) {
            int refused = 0;
            for (String body : editedBodies()) {
                if (assertClientProblem(api, body)) {
                    refused++;
                }
            }
            assertThat(refused).as("most random edits break the body").isGreaterThan(30);
        }
    }

    /** True when refused with a 4xx problem; false when the body was still valid and served. */
    private static boolean assertClientProblem(SampleApi api, String body) {
        HttpResponse<String> response = api.post("/things", "application/json", body,
                "Authorization", "Bearer " + WRITER_KEY);
        if (response.statusCode() == 201) {
            return false;
        }
        assertThat(response.statusCode()).as(body).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).as(body)
                .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        assertThat(SampleApi.json(response).get("code").asText()).as(body).isNotBlank();
        return true;
    }

    @Test
    void badContentTypesNeverCauseA500() {
        try (SampleApi api = new SampleApi()) {
            for (String type : new String[] {null, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", ";;;", "application/json; charset=utf-8"}) {
                HttpResponse<String> response = api.post("/things", type, "{", "Authorization", "Bearer " + WRITER_KEY);
                assertThat(response.statusCode()).as(String.valueOf(type)).isBetween(400, 499);
            }
        }
    }
}
