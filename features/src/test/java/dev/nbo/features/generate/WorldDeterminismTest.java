package dev.nbo.features.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorldDeterminismTest {
    @Test
    void theSameSeedAndIndexGiveTheSameLatentCustomer() {
        World first = Worlds.of(42, 500, 90);
        World second = Worlds.of(42, 500, 90);
        for (int index = 0; index < 500; index += 7) {
            assertSameTraits(first.customer(index), second.customer(index));
            assertThat(first.customer(index).id()).isEqualTo(second.customer(index).id());
        }
    }

    @Test
    void aCustomersTraitsDoNotDependOnHowManyCustomersTheWorldHas() {
        World small = Worlds.of(42, 20, 90);
        World large = Worlds.of(42, 20_000, 90);
        for (int index = 0; index < 20; index++) {
            assertSameTraits(small.customer(index), large.customer(index));
        }
        assertThat(small.customer(3).id()).isEqualTo("C04");
        assertThat(large.customer(3).id()).isEqualTo("C00004");
    }

    @Test
    void anotherSeedGivesOtherCustomersAndProducts() {
        World first = Worlds.of(42, 200, 90);
        World other = Worlds.of(43, 200, 90);
        int differentSignups = 0;
        for (int index = 0; index < 200; index++) {
            if (first.customer(index).signupMicros() != other.customer(index).signupMicros()) {
                differentSignups++;
            }
        }
        assertThat(differentSignups).isEqualTo(200);
        assertThat(first.products().all().stream().map(Product::price).toList())
                .isNotEqualTo(other.products().all().stream().map(Product::price).toList());
    }

    @Test
    void aCustomersRowsAreTheSameAloneOrAfterOthers() {
        World world = Worlds.of(7, 300, 120);
        RecordingSink alone = RecordingSink.simulateWithDirt(world, 250, 251).rows();
        RecordingSink afterOthers = RecordingSink.simulateWithDirt(world, 200, 251).rows();
        String id = world.customerId(250);
        assertThat(alone.events).isNotEmpty();
        assertThat(afterOthers.events.stream().filter(e -> e.eventId().startsWith("E" + id.substring(1) + "-")))
                .containsExactlyElementsOf(alone.events);
        assertThat(afterOthers.customers.stream().filter(c -> c.customerId().equals(id)))
                .containsExactlyElementsOf(alone.customers);
        assertThat(afterOthers.orders.stream().filter(o -> o.customerId().equals(id)))
                .containsExactlyElementsOf(alone.orders);
    }

    @Test
    void theSameWorldSimulatesTheSameRowsTwice() {
        World world = Worlds.of(11, 100, 60);
        RecordingSink first = RecordingSink.simulateWithDirt(world, 0, 100).rows();
        RecordingSink second = RecordingSink.simulateWithDirt(Worlds.of(11, 100, 60), 0, 100).rows();
        assertThat(first.events).hasSizeGreaterThan(500).isEqualTo(second.events);
        assertThat(first.items).isEqualTo(second.items);
        assertThat(first.customers).isEqualTo(second.customers);
    }

    private static void assertSameTraits(LatentCustomer a, LatentCustomer b) {
        assertThat(a.city()).isEqualTo(b.city());
        assertThat(a.birthYear()).isEqualTo(b.birthYear());
        assertThat(a.signupMicros()).isEqualTo(b.signupMicros());
        assertThat(a.interests()).isEqualTo(b.interests());
        assertThat(a.marketingConsent()).isEqualTo(b.marketingConsent());
        assertThat(a.basePreferences()).containsExactly(b.basePreferences());
        assertThat(a.missionRate()).isEqualTo(b.missionRate());
        assertThat(a.conversion()).isEqualTo(b.conversion());
        assertThat(a.openRate()).isEqualTo(b.openRate());
        assertThat(a.clickRate()).isEqualTo(b.clickRate());
        assertThat(a.priceSensitivity()).isEqualTo(b.priceSensitivity());
    }
}
