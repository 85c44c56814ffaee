package dev.narration.internal.correlation;

import dev.narration.NarrationFields;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;

/**
 * The open correlation scopes of one thread ({@code CorrelationScope}, known here only by identity), innermost
 * last, with their ids, and the id the thread had before the first. A list rather than a chain of "previous" ids, so
 * that closing a scope out of order cannot resurrect an id whose scope is already closed.
 */
public final class ScopeStack {
    private static final ThreadLocal<ScopeStack> CURRENT = new ThreadLocal<>();

    private final String idBefore;
    private final List<Object> open = new ArrayList<>(4);
    private final List<String> ids = new ArrayList<>(4);

    private ScopeStack(final String idBefore) {
        this.idBefore = idBefore;
    }

    /** Makes {@code id} the thread's correlation id until {@code scope} is popped. */
    public static void push(final Object scope, final String id) {
        ScopeStack stack = CURRENT.get();
        if (stack == null) {
            stack = new ScopeStack(ThreadContext.get(NarrationFields.CORRELATION_ID));
            CURRENT.set(stack);
        }
        stack.open.add(scope);
        stack.ids.add(id);
        ThreadContext.put(NarrationFields.CORRELATION_ID, id);
    }

    /**
     * Closes {@code scope}: the thread's id becomes the innermost open scope's, or the one it had before them.
     * Returns whether its id left the thread with it, that is whether no other open scope (nor the id the thread
     * had before) carries the same id.
     */
    public static boolean pop(final Object scope) {
        final ScopeStack stack = CURRENT.get();
        final int index = stack == null ? -1 : stack.indexOf(scope);
        // Not on this thread's stack: already closed, or closed from another thread, which cannot change the
        // owner's context. Either way there is nothing to restore here.
        if (index < 0) {
            return false;
        }
        stack.open.remove(index);
        final String id = stack.ids.remove(index);
        if (stack.open.isEmpty()) {
            CURRENT.remove();
            if (stack.idBefore == null) {
                ThreadContext.remove(NarrationFields.CORRELATION_ID);
            } else {
                ThreadContext.put(NarrationFields.CORRELATION_ID, stack.idBefore);
            }
        } else {
            ThreadContext.put(NarrationFields.CORRELATION_ID, stack.ids.get(stack.ids.size() - 1));
        }
        return !id.equals(stack.idBefore) && !stack.ids.contains(id);
    }

    private int indexOf(final Object scope) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i) == scope) {
                return i;
            }
        }
        return -1;
    }

    /** Takes the thread's scopes aside while a propagated task runs, so the task starts with none of them. */
    static ScopeStack detach() {
        final ScopeStack stack = CURRENT.get();
        if (stack != null) {
            CURRENT.remove();
        }
        return stack;
    }

    /** Puts back what {@link #detach()} took, dropping any scope the task left open. */
    static void reattach(final ScopeStack stack) {
        if (stack == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(stack);
        }
    }
}
