package dev.nbo.models.rules;

import static dev.nbo.models.rules.RulesFixture.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.config.InvalidConfigException;
import dev.nbo.models.feature.ValueType;
import dev.nbo.models.id.OfferId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetLoadTest {
    @Test
    void readsNestedGroupsTheDefaultAndLeavesDisabledEntriesOut() {
        RuleSet set = rules("""
                version: 1
                rules:
                  - name: runners
                    description: Running fans
                    when: '"running" in interests'
                    offers: [run-shoe, run-10]
                  - name: paused
                    enabled: false
                    when: 'age > 60'
                    offers: [golf-15]
                  - group: loyal
                    when: 'orders_365d >= 3'
                    rules:
                      - group: loyal-golf
                        when: 'last_category_viewed == "golf"'
                        rules:
                          - name: loyal-old-golfers
                            when: 'age > 50'
                            offers: [golf-15]
                      - name: loyal-default
                        offers: [vip]
                default:
                  description: Everyone else
                  offers: [welcome]
                """);

        assertThat(set.rules()).extracting(RuleNode::name).containsExactly("runners", "loyal");
        Rule runners = (Rule) set.rules().get(0);
        assertThat(runners.path()).isEqualTo("rules[0]");
        assertThat(runners.description()).isEqualTo("Running fans");
        assertThat(runners.when()).isEqualTo("\"running\" in interests");
        assertThat(runners.offers()).containsExactly(OfferId.of("run-shoe"), OfferId.of("run-10"));

        RuleGroup loyal = (RuleGroup) set.rules().get(1);
        assertThat(loyal.path()).isEqualTo("rules[2]");
        assertThat(loyal.rules()).extracting(RuleNode::path).containsExactly("rules[2].rules[0]", "rules[2].rules[1]");
        RuleGroup loyalGolf = (RuleGroup) loyal.rules().get(0);
        assertThat(loyalGolf.rules()).extracting(RuleNode::path).containsExactly("rules[2].rules[0].rules[0]");
        Rule loyalDefault = (Rule) loyal.rules().get(1);
        assertThat(loyalDefault.when()).isEmpty();

        assertThat(set.defaultMatch()).isEqualTo(new RuleMatch("default", "default", List.of(OfferId.of("welcome")), true));
        assertThat(set.stats()).extracting(RuleStats::name)
                .containsExactly("runners", "loyal", "loyal-golf", "loyal-old-golfers", "loyal-default", "default");
    }

    @Test
    void aFileWithOnlyADefaultIsValid() {
        RuleSet set = rules("version: 1\ndefault: {offers: [welcome]}\n");

        assertThat(set.rules()).isEmpty();
        assertThat(set.evaluate(RulesFixture.customer()).isDefault()).isTrue();
    }

    @Test
    void conditionsSeeEveryCustomerFeatureWithItsCelTypeAndTheSegment() {
        RuleSet set = rules("version: 1\ndefault: {offers: [welcome]}\n");

        assertThat(set.variables()).containsExactly(
                new RuleVariable("orders_365d", ValueType.LONG),
                new RuleVariable("spend_365d", ValueType.DOUBLE),
                new RuleVariable("days_since_last_purchase", ValueType.DOUBLE),
                new RuleVariable("last_category_viewed", ValueType.STRING),
                new RuleVariable("age", ValueType.LONG),
                new RuleVariable("city", ValueType.STRING),
                new RuleVariable("interests", ValueType.STRING_LIST),
                new RuleVariable("marketing_consent", ValueType.BOOLEAN),
                new RuleVariable("segment", ValueType.STRING),
                new RuleVariable("segment_id", ValueType.LONG));
        assertThat(set.variables()).extracting(RuleVariable::celType)
                .containsExactly("int", "double", "double", "string", "int", "string", "list(string)", "bool",
                        "string", "int");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown attribute   | {name: r1, when: 'ordrs_365d > 3', offers: [vip]}                 | rules.yaml:3: rules[0] (r1): when: 'ordrs_365d > 3': undeclared reference to 'ordrs_365d' (in container '') (column 1); the attributes are orders_365d, spend_365d,
            offer feature       | {name: r1, when: 'offer_value > 3', offers: [vip]}                | rules[0] (r1): when: 'offer_value > 3': undeclared reference to 'offer_value'
            syntax error        | {name: r1, when: 'age >', offers: [vip]}                          | rules.yaml:3: rules[0] (r1): when: 'age >': mismatched input '<EOF>'
            single equals       | {name: r1, when: 'age = 3', offers: [vip]}                        | rules[0] (r1): when: 'age = 3': token recognition error at: '= ' (column 5); compare with ==
            and for &&          | {name: r1, when: 'age > 3 and age < 9', offers: [vip]}            | "(column 9); write && for and, || for or, ! for not"
            type error          | {name: r1, when: 'city > 3', offers: [vip]}                       | rules[0] (r1): when: 'city > 3': found no matching overload for '_>_' applied to '(string, int)'
            mixed arithmetic    | {name: r1, when: 'spend_365d / orders_365d > 50', offers: [vip]}  | found no matching overload for '_/_' applied to '(double, int)' (candidates: (int, int),(uint, uint),(double, double)) (column 12); CEL does not mix int and double in arithmetic
            not a bool          | {name: r1, when: 'spend_365d * 2.0', offers: [vip]}               | rules[0] (r1): when: 'spend_365d * 2.0' is a double, not true or false
            list not a bool     | {name: r1, when: 'interests', offers: [vip]}                      | 'interests' is a list(string), not true or false
            bad has_value       | {name: r1, when: 'has_value("age")', offers: [vip]}               | rules[0] (r1): when: 'has_value("age")': has_value takes one attribute name, such as has_value(days_since_last_purchase)
            bad regex           | {name: r1, when: 'city.matches("(")', offers: [vip]}              | rules[0] (r1): when: 'city.matches("(")': Regex validation failed. Reason: Unclosed group near index 1 ( (column 14)
            unknown offer       | {name: r1, offers: [vip, nope]}                                   | rules.yaml:3: rules[0] (r1): offers[1]: 'nope' is not in the offer catalog offers.yaml; its offers are run-10, run-shoe, golf-15, vip, welcome
            offer twice         | {name: r1, offers: [vip, vip]}                                    | rules[0] (r1): offers[1]: 'vip' is listed twice
            no offers           | {name: r1, offers: []}                                            | rules[0] (r1): offers: must list at least one offer id
            offers not a list   | {name: r1, offers: vip}                                           | rules[0].offers: must be a list
            duplicate name      | {name: r1, offers: [vip]} ;; {name: r1, offers: [vip]}            | rules.yaml:4: rules[1].name: 'r1' is already the name of rules[0]; names must be unique
            group and rule name | {group: g, rules: [{name: r1, offers: [vip]}]} ;; {name: g, offers: [vip]} | rules[1].name: 'g' is already the name of rules[0]
            nested duplicate    | {group: g, rules: [{name: g, offers: [vip]}]}                    | rules[0].rules[0].name: 'g' is already the name of rules[0]
            bad name            | {name: 'loyal golfers', offers: [vip]}                            | rules[0].name: 'loyal golfers' is not a valid name
            reserved name       | {name: default, offers: [vip]}                                    | rules[0].name: 'default' names the answer when no rule matches
            missing name        | {when: 'age > 3', offers: [vip]}                                  | rules[0].name: is required
            empty group         | {group: g, rules: []}                                             | rules[0] (g): rules: a group needs at least one rule
            rule with rules     | {name: g, rules: [{name: r1, offers: [vip]}]}                     | rules[0].rules: an entry with rules is a group
            group with offers   | {group: g, offers: [vip], rules: [{name: r1, offers: [vip]}]}     | rules[0].offers: a group gives no offers
            unknown field       | {name: r1, whne: 'age > 3', offers: [vip]}                        | rules[0].whne: unknown field; the known fields here are name, description, when, enabled, offers
            bad enabled         | {name: r1, enabled: maybe, offers: [vip]}                         | rules[0].enabled: 'maybe' is not true or false
            disabled still checked | {name: r1, enabled: false, when: 'nope', offers: [vip]}        | rules[0] (r1): when: 'nope': undeclared reference to 'nope'
            deep error          | {group: g, rules: [{name: a, offers: [vip]}, {group: h, rules: [{name: b, when: 'age == "x"', offers: [vip]}]}]} | rules[0].rules[1].rules[0] (b): when: 'age == "x"': found no matching overload for '_==_' applied to '(int, string)' (candidates: (%A0, %A0),(double, int),(int, double)) (column 5)
            """)
    void refusesABadEntryNamingIt(String ignoredCase, String entries, String expectedMessage) {
        StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
        for (String entry : entries.split(";;")) {
            yaml.append("  - ").append(entry.strip()).append('\n');
        }
        yaml.append("default: {offers: [welcome]}\n");

        assertThatThrownBy(() -> rules(yaml.toString()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void refusesAMissingOrBadDefaultAndAnUnknownVersion() {
        assertThatThrownBy(() -> rules("version: 1\nrules:\n  - {name: r1, offers: [vip]}\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("rules.yaml:1: default: is required");
        assertThatThrownBy(() -> rules("version: 1\ndefault: {offers: [gone]}\n"))
                .hasMessageContaining("rules.yaml:2: default: offers[0]: 'gone' is not in the offer catalog");
        assertThatThrownBy(() -> rules("version: 1\ndefault: {when: 'age > 3', offers: [vip]}\n"))
                .hasMessageContaining("default.when: unknown field");
        assertThatThrownBy(() -> rules("version: 2\ndefault: {offers: [vip]}\n"))
                .hasMessageContaining("version: version 2 is not supported");
    }

    @Test
    void refusesAConditionLongerThanTheLimit() {
        String longCondition = "age > 1" + " || age > 1".repeat(120);

        assertThatThrownBy(() -> rules("version: 1\nrules:\n  - {name: r1, when: '" + longCondition
                + "', offers: [vip]}\ndefault: {offers: [welcome]}\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("rules[0] (r1): when: 'age > 1 || age > 1")
                .hasMessageEndingWith("...': expression code point size exceeds limit: size: 1327, limit 1000");
    }

    @Test
    void refusesAConditionNestedDeeperThanTheLimit() {
        String deep = "age > 1";
        for (int i = 0; i < 40; i++) {
            deep = "(age > 1 && " + deep + ")";
        }
        String condition = deep;

        assertThatThrownBy(() -> rules("version: 1\nrules:\n  - {name: r1, when: '" + condition
                + "', offers: [vip]}\ndefault: {offers: [welcome]}\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("rules[0] (r1): when:")
                .hasMessageContaining("AST's depth exceeds the configured limit: 32");
    }

    @Test
    void refusesASpecWhoseFeatureTakesTheSegmentsName() {
        var spec = dev.nbo.models.feature.FeatureSpec.parse("f.yaml", """
                version: 1
                features:
                  - {name: segment, entity: customer, source: customers, aggregation: attribute, column: city}
                """);

        assertThatThrownBy(() -> RuleSet.parse("rules.yaml", "version: 1\ndefault: {offers: [vip]}\n", spec,
                RulesFixture.CATALOG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("f.yaml: customer feature 'segment' has the name rules use");
    }
}
