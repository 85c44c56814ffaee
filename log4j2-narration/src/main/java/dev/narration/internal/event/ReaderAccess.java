package dev.narration.internal.event;

/**
 * Lets a layout make the public {@code NarrationReader} that reads events as it writes them (its actors, its context
 * selection, renames and types), which must not take these internal types in a public signature.
 * {@code NarrationReader} grants the one factory when it is loaded (the JDK's "shared secrets" idiom, as
 * {@code EngineAccess}).
 */
public final class ReaderAccess {
    /** Makes a reader of a layout's rules. */
    public interface Factory {
        Object reader(ActorInference actors, ContextSelection selection, KeyRenames renames, ContextTypes types);
    }

    private static volatile Factory factory;

    private ReaderAccess() {}

    /** Called once, by {@code NarrationReader}'s static initializer. */
    public static void grant(final Factory readerOf) {
        if (factory != null) {
            throw new IllegalStateException("the reader factory was granted already");
        }
        factory = readerOf;
    }

    /** A reader of these rules; the caller has loaded {@code NarrationReader}, which granted the factory. */
    public static Object reader(final ActorInference actors, final ContextSelection selection, final KeyRenames renames,
            final ContextTypes types) {
        return factory.reader(actors, selection, renames, types);
    }
}
