package dev.nbo.models.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void acceptsRealWorldIds() {
        assertThat(CustomerId.of("12346").value()).isEqualTo("12346");
        assertThat(ProductId.of("85123A").value()).isEqualTo("85123A");
        assertThat(OfferId.of("golf-south-days").value()).isEqualTo("golf-south-days");
        assertThat(CustomerId.of("ann@example.com").toString()).isEqualTo("ann@example.com");
    }

    @Test
    void rejectsEmptyBlankAndUnsafeValuesNamingThem() {
        for (String bad : new String[] {"", " ", "a b", "-lead", "x/y", "tab\t", "a|b"}) {
            assertThatThrownBy(() -> CustomerId.of(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("customer id");
        }
        assertThatThrownBy(() -> OfferId.of(null)).hasMessageContaining("offer id must not be null");
        assertThatThrownBy(() -> ProductId.of("x".repeat(129))).hasMessageContaining("1 to 128");
    }

    @Test
    void validityCanBeCheckedWithoutAnException() {
        assertThat(EventId.isValid("evt-1")).isTrue();
        assertThat(EventId.isValid("")).isFalse();
        assertThat(EventId.isValid(null)).isFalse();
    }
}
