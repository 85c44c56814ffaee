package dev.narration.internal.event;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code <Rename from to/>} elements of a layout: the key each structured field or context entry is written
 * under (docs/layout.md#renaming-keys). Built once at configuration and immutable; a look-up is a hash map's, with the
 * key's cached hash, and allocates nothing.
 */
public final class KeyRenames {
    public static final KeyRenames NONE = new KeyRenames(Map.of());

    private final Map<String, String> to;
    private final Map<String, String> from;

    private KeyRenames(final Map<String, String> renames) {
        this.to = Map.copyOf(renames);
        final Map<String, String> reverse = new HashMap<>();
        renames.forEach((old, renamed) -> reverse.put(renamed, old));
        this.from = Map.copyOf(reverse);
    }

    /** The renames of a map from old key to new key, whose new keys are distinct. */
    public static KeyRenames of(final Map<String, String> renames) {
        return renames.isEmpty() ? NONE : new KeyRenames(renames);
    }

    public boolean isEmpty() {
        return to.isEmpty();
    }

    /** The key to write for {@code key}: its rename, or itself. */
    public String renamed(final String key) {
        final String renamed = to.get(key);
        return renamed == null ? key : renamed;
    }

    /** The key that is renamed to {@code key}, or {@code null}. */
    public String renamedFrom(final String key) {
        return from.get(key);
    }
}
