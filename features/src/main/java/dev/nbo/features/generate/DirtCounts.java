package dev.nbo.features.generate;

/** How many rows of each kind of dirt a run (or a chunk of it) injected, by wire name. */
public final class DirtCounts extends EnumCounts<DirtKind> {
    DirtCounts() {
        super(DirtKind.class);
    }

    @Override
    String name(DirtKind kind) {
        return kind.wireName();
    }

    void add(DirtKind kind) {
        add(kind, 1);
    }

    public long count(DirtKind kind) {
        return get(kind);
    }
}
