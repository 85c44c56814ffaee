package dev.narration.internal.event;

import java.util.Arrays;
import org.apache.logging.log4j.Marker;

/**
 * The tags of an event: its marker's name, then its parents' names, depth first, each name once and at most
 * {@value #MAX_NAMES} of them, whatever the marker graph holds (a cycle, a diamond, a deep chain). A marker's name is
 * chosen by code, like a logger's: no surface of redaction, never cut.
 *
 * <p>Reading a marker without parents allocates nothing; Log4j's {@code Marker.getParents()} returns a copy of its
 * parents, so a marker with parents costs that copy. Reusable and not thread-safe: one per writing thread.
 */
public final class MarkerNames {
    public static final int MAX_NAMES = 16;

    private final String[] names = new String[MAX_NAMES];
    private int size;

    /** Reads the names of a marker and its parents; {@code null} gives none. Returns this. */
    public MarkerNames read(final Marker marker) {
        clear();
        if (marker != null) {
            add(marker);
        }
        return this;
    }

    private void add(final Marker marker) {
        final String name = marker.getName();
        if (size == MAX_NAMES || name == null || contains(name)) {
            // A name already read has had its parents read too: this also ends a cycle.
            return;
        }
        names[size++] = name;
        if (marker.hasParents()) {
            final Marker[] parents = marker.getParents();
            for (int i = 0; parents != null && i < parents.length && size < MAX_NAMES; i++) {
                if (parents[i] != null) {
                    add(parents[i]);
                }
            }
        }
    }

    private boolean contains(final String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    public String name(final int index) {
        return names[index];
    }

    public void clear() {
        Arrays.fill(names, 0, size, null);
        size = 0;
    }
}
