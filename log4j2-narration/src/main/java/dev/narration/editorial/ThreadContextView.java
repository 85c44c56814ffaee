package dev.narration.editorial;

import java.util.Map;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.util.BiConsumer;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * The calling thread's {@link ThreadContext} as a read-only map. Log4j's injector for the default context map
 * copies the whole map on each {@code rawContextData()} call; a filter that only looks up two keys per call reads
 * them in place through this view instead.
 */
final class ThreadContextView implements ReadOnlyStringMap {
    private static final long serialVersionUID = 1L;
    static final ThreadContextView INSTANCE = new ThreadContextView();

    private ThreadContextView() {}

    @Override
    public Map<String, String> toMap() {
        return ThreadContext.getImmutableContext();
    }

    @Override
    public boolean containsKey(final String key) {
        return ThreadContext.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void forEach(final BiConsumer<String, ? super V> action) {
        toMap().forEach((key, value) -> action.accept(key, (V) value));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, S> void forEach(final TriConsumer<String, ? super V, S> action, final S state) {
        toMap().forEach((key, value) -> action.accept(key, (V) value, state));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V getValue(final String key) {
        return (V) ThreadContext.get(key);
    }

    @Override
    public boolean isEmpty() {
        return ThreadContext.isEmpty();
    }

    @Override
    public int size() {
        return toMap().size();
    }
}
