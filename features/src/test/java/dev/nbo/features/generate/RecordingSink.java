package dev.nbo.features.generate;

import java.util.ArrayList;
import java.util.List;

/** Keeps every row the simulator emits, for tests that look at a world without writing files. */
final class RecordingSink implements WarehouseSink {
    final List<CustomerRow> customers = new ArrayList<>();
    final List<OrderRow> orders = new ArrayList<>();
    final List<OrderItemRow> items = new ArrayList<>();
    final List<EventRow> events = new ArrayList<>();

    @Override
    public void customer(CustomerRow row) {
        customers.add(row);
    }

    @Override
    public void order(OrderRow row) {
        orders.add(row);
    }

    @Override
    public void orderItem(OrderItemRow row) {
        items.add(row);
    }

    @Override
    public void event(EventRow row) {
        events.add(row);
    }

    /** Simulates customers {@code from} to {@code to - 1} of a world, clean (no dirt). */
    static RecordingSink simulate(World world, int from, int to) {
        RecordingSink sink = new RecordingSink();
        for (int index = from; index < to; index++) {
            new CustomerTimeline(world, world.customer(index), sink, world.seed()).run();
        }
        return sink;
    }

    /** Rows that went through the dirt injector, and what it counted. */
    record Dirty(RecordingSink rows, DirtCounts dirt) {
    }

    /** Simulates customers through the dirt injector, as the generator does. */
    static Dirty simulateWithDirt(World world, int from, int to) {
        RecordingSink sink = new RecordingSink();
        Dirt dirt = new Dirt(sink, world);
        for (int index = from; index < to; index++) {
            dirt.startCustomer(index);
            new CustomerTimeline(world, world.customer(index), dirt, world.seed()).run();
        }
        return new Dirty(sink, dirt.counts());
    }
}
