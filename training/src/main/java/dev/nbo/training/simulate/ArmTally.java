package dev.nbo.training.simulate;

/** What the e-mails of one arm earned, counted by the simulator as it draws them. Not thread-safe. */
public final class ArmTally {
    private long sends;
    private long opens;
    private long clicks;
    private long purchases;
    private double revenue;

    void add(EmailOutcome outcome) {
        sends++;
        if (outcome.opened()) {
            opens++;
        }
        clicks += outcome.clicks().size();
        purchases += outcome.purchases();
        revenue += outcome.revenue();
    }

    public long sends() {
        return sends;
    }

    public long opens() {
        return opens;
    }

    public long clicks() {
        return clicks;
    }

    public long purchases() {
        return purchases;
    }

    public double revenue() {
        return revenue;
    }
}
