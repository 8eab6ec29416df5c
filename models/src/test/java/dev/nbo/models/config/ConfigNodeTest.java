package dev.nbo.models.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigNodeTest {
    private final ConfigNode root = ConfigNode.parse("c.yaml", """
            name: demo
            size: 3
            ratio: 0.5
            on: yes
            day: 2025-01-31
            tags: [a, b]
            nested:
              inner: value
            empty:
            """);

    @Test
    void readsScalarsListsAndMappings() {
        assertThat(root.field("name").string()).isEqualTo("demo");
        assertThat(root.field("size").integer()).isEqualTo(3);
        assertThat(root.field("ratio").number()).isEqualTo(0.5);
        assertThat(root.field("on").bool()).isTrue();
        assertThat(root.field("day").date()).hasToString("2025-01-31");
        assertThat(root.field("tags").strings()).containsExactly("a", "b");
        assertThat(root.field("nested").field("inner").string()).isEqualTo("value");
        assertThat(root.field("empty").isMissing()).isTrue();
        assertThat(root.field("absent").isMissing()).isTrue();
    }

    @Test
    void errorsNameFileLineFieldAndValue() {
        assertThatThrownBy(() -> root.field("name").integer())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("c.yaml:1: name: 'demo' is not a whole number");
        assertThatThrownBy(() -> root.field("nested").field("inner").bool())
                .hasMessage("c.yaml:8: nested.inner: 'value' is not true or false");
        assertThatThrownBy(() -> root.required("absent"))
                .hasMessage("c.yaml:1: absent: is required");
        assertThatThrownBy(() -> root.field("tags").string())
                .hasMessage("c.yaml:6: tags: must be a single value, not a list or a mapping");
        assertThatThrownBy(() -> root.allowOnly("name"))
                .hasMessageStartingWith("c.yaml:2: size: unknown field; the known fields here are name");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> ConfigNode.parse("d.yaml", "a: 1\na: 2\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("d.yaml:2").hasMessageContaining("duplicate key a");
    }
}
