package dev.nbo.models.rules;

import static dev.nbo.models.rules.RulesFixture.customer;
import static dev.nbo.models.rules.RulesFixture.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nbo.models.id.OfferId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetEvaluationTest {
    /** A decision list with a group that has no catch-all, so that fall-through shows. */
    private static final String DECISION_LIST = """
            version: 1
            rules:
              - name: runners
                when: '"running" in interests'
                offers: [run-shoe, run-10]
              - name: switched-off
                enabled: false
                offers: [golf-15]
              - group: loyal
                when: 'orders_365d >= 3'
                rules:
                  - name: loyal-golfers
                    when: 'age > 50 && last_category_viewed == "golf"'
                    offers: [golf-15]
                  - name: loyal-big-spenders
                    when: 'spend_365d > 1000'
                    offers: [vip]
              - name: recent-buyers
                when: 'days_since_last_purchase < 30'
                offers: [vip, welcome]
            default:
              offers: [welcome]
            """;

    @Test
    void theFirstMatchingRuleInFileOrderAnswers() {
        RuleSet list = rules(DECISION_LIST);
        Map<String, Object> runnerAndRecentBuyer = customer();
        runnerAndRecentBuyer.put("interests", List.of("yoga", "running"));

        RuleMatch match = list.evaluate(runnerAndRecentBuyer);

        assertThat(match).isEqualTo(new RuleMatch("runners", "rules[0]",
                List.of(OfferId.of("run-shoe"), OfferId.of("run-10")), false));
    }

    @Test
    void aGroupAnswersWithItsFirstMatchingRule() {
        RuleSet list = rules(DECISION_LIST);
        Map<String, Object> loyalGolfer = customer();
        loyalGolfer.putAll(Map.of("orders_365d", 4L, "age", 61L, "last_category_viewed", "golf", "spend_365d", 5000.0));

        assertThat(list.evaluate(loyalGolfer).path()).isEqualTo("rules[2].rules[0]");
        assertThat(list.evaluate(loyalGolfer).name()).isEqualTo("loyal-golfers");
    }

    @Test
    void aGroupWhoseRulesDoNotMatchFallsThroughToTheNextEntry() {
        RuleSet list = rules(DECISION_LIST);
        Map<String, Object> loyalButNeitherRule = customer();
        loyalButNeitherRule.putAll(Map.of("orders_365d", 4L, "spend_365d", 200.0, "days_since_last_purchase", 3.0));

        assertThat(list.evaluate(loyalButNeitherRule).name()).isEqualTo("recent-buyers");
        RuleStats loyal = list.stats().get(1);
        assertThat(loyal.name()).isEqualTo("loyal");
        assertThat(loyal.matched()).isEqualTo(1);
    }

    @Test
    void aGroupWhoseConditionDoesNotHoldSkipsItsRules() {
        RuleSet list = rules(DECISION_LIST);
        Map<String, Object> bigSpenderWithFewOrders = customer();
        bigSpenderWithFewOrders.putAll(Map.of("orders_365d", 1L, "spend_365d", 5000.0, "days_since_last_purchase", 90.0));

        RuleMatch match = list.evaluate(bigSpenderWithFewOrders);

        assertThat(match.isDefault()).isTrue();
        assertThat(match).isEqualTo(list.defaultMatch());
        assertThat(match.offers()).containsExactly(OfferId.of("welcome"));
    }

    @Test
    void aDisabledRuleNeverAnswers() {
        RuleSet list = rules(DECISION_LIST);
        Map<String, Object> nobody = customer();
        nobody.put("days_since_last_purchase", 400.0);

        assertThat(list.evaluate(nobody).isDefault()).isTrue();
        assertThat(list.stats()).extracting(RuleStats::name).doesNotContain("switched-off");
    }

    @ParameterizedTest(name = "{0} with interests {1}, city {2}")
    @CsvSource(delimiter = '|', textBlock = """
            '"golf" in interests'                      | golf;yoga | Chicago | true
            '"golf" in interests'                      | yoga      | Chicago | false
            '"golf" in interests'                      | ''        | Chicago | false
            '!("golf" in interests)'                   | ''        | Chicago | true
            'city in ["NYC", "Boston"]'                | yoga      | Boston  | true
            'city in ["NYC", "Boston"]'                | yoga      | Chicago | false
            'interests.exists(i, i.startsWith("go"))'  | yoga;golf | Chicago | true
            'size(interests) >= 2'                     | yoga;golf | Chicago | true
            'size(interests) >= 2'                     | yoga      | Chicago | false
            """)
    void testsMembershipInListsAndSets(String condition, String interests, String city, boolean expected) {
        Map<String, Object> someone = customer();
        someone.put("interests", interests.isEmpty() ? List.of() : List.of(interests.split(";")));
        someone.put("city", city);

        assertThat(matches(condition, someone)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with orders {1}, spend {2}")
    @CsvSource(delimiter = '|', textBlock = """
            spend_365d > 100              | 1 | 100.5 | true
            spend_365d > 100              | 1 | 100.0 | false
            spend_365d >= 100             | 1 | 100.0 | true
            orders_365d > 2.5             | 3 | 0.0   | true
            orders_365d < spend_365d      | 3 | 3.5   | true
            spend_365d == 0               | 1 | 0.0   | true
            spend_365d == 0               | 1 | 0.5   | false
            spend_365d != 0               | 1 | 0.5   | true
            orders_365d == 3.0            | 3 | 0.0   | true
            orders_365d != 3.0            | 3 | 0.0   | false
            double(orders_365d) * 2.5 > 7 | 3 | 0.0   | true
            """)
    void comparesIntsWithDoublesNumerically(String condition, long orders, double spend, boolean expected) {
        Map<String, Object> someone = customer();
        someone.put("orders_365d", orders);
        someone.put("spend_365d", spend);

        assertThat(matches(condition, someone)).isEqualTo(expected);
    }

    @Test
    void acceptsIntegersForIntsAndAnyNumberForDoubles() {
        Map<String, Object> someone = customer();
        someone.put("age", 51);
        someone.put("spend_365d", 300);
        someone.put("segment_id", 7);

        assertThat(matches("age > 50 && spend_365d == 300.0 && segment_id == 7", someone)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            days_since_last_purchase < 30                          | false
            days_since_last_purchase >= 30                         | false
            !(days_since_last_purchase < 30)                       | false
            days_since_last_purchase != 3.0                        | false
            has_value(days_since_last_purchase)                    | false
            !has_value(days_since_last_purchase)                   | true
            has_value(orders_365d)                                 | true
            'orders_365d >= 1 || days_since_last_purchase < 30'    | true
            orders_365d > 5 && days_since_last_purchase < 30       | false
            '!has_value(days_since_last_purchase) || days_since_last_purchase > 90' | true
            """)
    void aConditionThatNeedsAMissingValueDoesNotHold(String condition, boolean expected) {
        Map<String, Object> neverBought = customer();
        neverBought.remove("days_since_last_purchase");
        Map<String, Object> explicitNull = customer();
        explicitNull.put("days_since_last_purchase", null);
        Map<String, Object> notANumber = customer();
        notANumber.put("days_since_last_purchase", Double.NaN);

        RuleSet set = oneRule(condition);

        assertThat(matches(set, neverBought)).as("absent").isEqualTo(expected);
        assertThat(matches(set, explicitNull)).as("null").isEqualTo(expected);
        assertThat(matches(set, notANumber)).as("NaN").isEqualTo(expected);
    }

    @Test
    void countsConditionsUndecidedForLackOfAValue() {
        RuleSet set = rules("""
                version: 1
                rules:
                  - {name: recent, when: 'days_since_last_purchase < 30', offers: [vip]}
                default: {offers: [welcome]}
                """);
        Map<String, Object> neverBought = customer();
        neverBought.remove("days_since_last_purchase");

        set.evaluate(neverBought);
        set.evaluate(customer());

        assertThat(set.stats()).containsExactly(
                new RuleStats("rules[0]", "recent", 1, 1, 0, ""),
                new RuleStats("default", "default", 1, 0, 0, ""));
    }

    @Test
    void seesTheSegmentAndIgnoresKeysThatAreNotVariables() {
        Map<String, Object> someone = customer();
        someone.put("segment", "golfers");
        someone.put("offer_value", "not a customer feature, ignored");

        assertThat(matches("segment == \"golfers\" && segment_id == 2", someone)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '100 / (orders_365d - 1) > 10'             | by zero
            'interests.exists(i, i == "zzz")'          | Iteration budget exceeded: 1000
            'city.matches("(a|b)*c{1,600}")'           | Regex pattern exceeds allowed program size. Allowed: 1000
            """)
    void aConditionThatFailsAtRunTimeFallsThroughAndIsCounted(String condition, String error) {
        RuleSet set = rules("""
                version: 1
                rules:
                  - {name: failing, when: '%s', offers: [vip]}
                  - {name: next, offers: [golf-15]}
                default: {offers: [welcome]}
                """.formatted(condition));
        Map<String, Object> longInterests = customer();
        longInterests.put("interests", Collections.nCopies(1_500, "yoga"));

        RuleMatch match = set.evaluate(longInterests);

        assertThat(match.name()).isEqualTo("next");
        assertThat(set.errors()).isEqualTo(1);
        RuleStats failing = set.stats().get(0);
        assertThat(failing.errors()).isEqualTo(1);
        assertThat(failing.matched()).isZero();
        assertThat(failing.lastError()).contains(error);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            age                  | text       | attribute 'age' is a int in rule conditions and takes a Long or Integer, not String 'text'
            age                  | 3.5        | attribute 'age' is a int in rule conditions and takes a Long or Integer, not Double '3.5'
            spend_365d           | text       | attribute 'spend_365d' is a double in rule conditions and takes a Double (or any Number), not String 'text'
            marketing_consent    | yes        | attribute 'marketing_consent' is a bool in rule conditions and takes a Boolean, not String 'yes'
            city                 | 12         | attribute 'city' is a string in rule conditions and takes a String, not Integer '12'
            interests            | golf       | attribute 'interests' is a list(string) in rule conditions and takes a List of non-null Strings, not String 'golf'
            """)
    void refusesAValueOfTheWrongJavaTypeAsTheCallersError(String attribute, String value, String expected) {
        RuleSet list = rules(DECISION_LIST);
        Map<String, Object> someone = customer();
        someone.put(attribute, switch (value) {
            case "3.5" -> 3.5;
            case "12" -> 12;
            default -> value;
        });

        assertThatThrownBy(() -> list.evaluate(someone))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected);
    }

    @Test
    void parallelEvaluationGivesTheSerialAnswers() throws Exception {
        RuleSet list = rules(DECISION_LIST);
        List<Map<String, Object>> customers = randomCustomers(2_000, 42);
        List<RuleMatch> serial = customers.stream().map(list::evaluate).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RuleMatch>> futures = new ArrayList<>();
            for (Map<String, Object> c : customers) {
                futures.add(pool.submit(() -> list.evaluate(c)));
            }
            List<RuleMatch> parallel = new ArrayList<>();
            for (Future<RuleMatch> future : futures) {
                parallel.add(future.get());
            }
            assertThat(parallel).isEqualTo(serial);
        } finally {
            pool.shutdownNow();
        }
        assertThat(serial).extracting(RuleMatch::name)
                .contains("runners", "loyal-golfers", "loyal-big-spenders", "recent-buyers", "default");
        long answered = list.stats().stream().filter(s -> !s.name().equals("loyal")).mapToLong(RuleStats::matched).sum();
        assertThat(answered).as("every evaluation counted once, whichever thread ran it").isGreaterThanOrEqualTo(
                2L * customers.size());
    }

    private static boolean matches(String condition, Map<String, ?> attributes) {
        return matches(oneRule(condition), attributes);
    }

    private static RuleSet oneRule(String condition) {
        return rules("version: 1\nrules:\n  - name: r\n    when: '" + condition.replace("'", "''")
                + "'\n    offers: [vip]\ndefault: {offers: [welcome]}\n");
    }

    private static boolean matches(RuleSet set, Map<String, ?> attributes) {
        RuleMatch match = set.evaluate(attributes);
        assertThat(set.errors()).as("evaluation errors").isZero();
        return !match.isDefault();
    }

    private static List<Map<String, Object>> randomCustomers(int count, long seed) {
        Random random = new Random(seed);
        String[] categories = {"running", "golf", "yoga", "home"};
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> c = customer();
            c.put("orders_365d", (long) random.nextInt(6));
            c.put("spend_365d", random.nextDouble() * 2000);
            c.put("days_since_last_purchase", random.nextInt(4) == 0 ? null : random.nextDouble() * 200);
            c.put("age", 18L + random.nextInt(60));
            c.put("last_category_viewed", categories[random.nextInt(categories.length)]);
            c.put("interests", random.nextInt(5) == 0 ? List.of("running") : List.of("yoga"));
            customers.add(c);
        }
        return customers;
    }
}
