package dev.nbo.training.data;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feature name → column position, shared by every row of a table, so that a row stores only an array of values
 * and still reads as a map of feature values.
 */
public final class FeatureIndex {
    private final List<String> names;
    private final Map<String, Integer> positions = new HashMap<>();

    public FeatureIndex(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < this.names.size(); i++) {
            if (positions.put(this.names.get(i), i) != null) {
                throw new IllegalArgumentException("feature " + this.names.get(i) + " appears twice");
            }
        }
    }

    public List<String> names() {
        return names;
    }

    public Integer position(String name) {
        return positions.get(name);
    }

    /** A read-only map over one row's values (no copy). */
    public Map<String, Object> view(Object[] values) {
        return new AbstractMap<>() {
            @Override
            public Object get(Object key) {
                Integer i = positions.get(key);
                return i == null ? null : values[i];
            }

            @Override
            public boolean containsKey(Object key) {
                return positions.containsKey(key);
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Object>> iterator() {
                        Iterator<String> it = names.iterator();
                        return new Iterator<>() {
                            int i;

                            @Override
                            public boolean hasNext() {
                                return it.hasNext();
                            }

                            @Override
                            public Entry<String, Object> next() {
                                String name = it.next();
                                return new SimpleImmutableEntry<>(name, values[i++]);
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return names.size();
                    }
                };
            }
        };
    }
}
