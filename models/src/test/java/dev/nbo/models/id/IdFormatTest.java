package dev.nbo.models.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written check and the published regex ({@link IdFormat#REGEX}, used by Spark) give the same answers. */
class IdFormatTest {
    private static final Pattern REGEX = Pattern.compile(IdFormat.REGEX);
    private static final String ALPHABET = "aZ09_-.:@+ /\t\n|#é\u00e9\u0660ÅzA9";

    @Test
    void theCheckAgreesWithTheRegexOnEdgeCases() {
        for (String value : new String[] {"a", "Z", "0", "_a", "-a", ".a", "a_", "a-.:@+b", "a b", "a\n", "é",
                "a\u0660", "x".repeat(128), "x".repeat(129), "", "ann@example.com", "85123A"}) {
            assertThat(IdFormat.isValid(value)).as(value).isEqualTo(REGEX.matcher(value).matches());
        }
    }

    @Test
    void theCheckAgreesWithTheRegexOnSeededRandomStrings() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(i % 100 == 0 ? 140 : 6);
            StringBuilder value = new StringBuilder();
            for (int j = 0; j < length; j++) {
                value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String id = value.toString();
            assertThat(IdFormat.isValid(id)).as(id).isEqualTo(REGEX.matcher(id).matches());
        }
    }
}
