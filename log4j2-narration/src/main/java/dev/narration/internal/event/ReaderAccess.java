package dev.narration.internal.event;

import java.util.function.BiFunction;

/**
 * Lets a layout make the public {@code NarrationReader} that reads events as it writes them (its actors, its context
 * types), which must not take these internal types in a public signature. {@code NarrationReader} grants the one
 * factory when it is loaded (the JDK's "shared secrets" idiom, as {@code EngineAccess}).
 */
public final class ReaderAccess {
    private static volatile BiFunction<ActorInference, ContextTypes, Object> factory;

    private ReaderAccess() {}

    /** Called once, by {@code NarrationReader}'s static initializer. */
    public static void grant(final BiFunction<ActorInference, ContextTypes, Object> readerOf) {
        if (factory != null) {
            throw new IllegalStateException("the reader factory was granted already");
        }
        factory = readerOf;
    }

    /** A reader of these rules; the caller has loaded {@code NarrationReader}, which granted the factory. */
    public static Object reader(final ActorInference actors, final ContextTypes types) {
        return factory.apply(actors, types);
    }
}
