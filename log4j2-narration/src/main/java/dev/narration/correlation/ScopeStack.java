package dev.narration.correlation;

import dev.narration.NarrationFields;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;

/**
 * The open {@link CorrelationScope}s of one thread, innermost last, and the id the thread had before the first.
 * A list rather than a chain of "previous" ids, so that closing a scope out of order cannot resurrect an id
 * whose scope is already closed.
 */
final class ScopeStack {
    private static final ThreadLocal<ScopeStack> CURRENT = new ThreadLocal<>();

    private final String idBefore;
    private final List<CorrelationScope> open = new ArrayList<>(4);

    private ScopeStack(final String idBefore) {
        this.idBefore = idBefore;
    }

    static void push(final CorrelationScope scope) {
        ScopeStack stack = CURRENT.get();
        if (stack == null) {
            stack = new ScopeStack(ThreadContext.get(NarrationFields.CORRELATION_ID));
            CURRENT.set(stack);
        }
        stack.open.add(scope);
        ThreadContext.put(NarrationFields.CORRELATION_ID, scope.id());
    }

    /**
     * Takes the scope off this thread's stack; returns whether its id left the thread with it, that is whether no
     * other open scope (nor the id the thread had before) carries the same id.
     */
    static boolean pop(final CorrelationScope scope) {
        final ScopeStack stack = CURRENT.get();
        // Not on this thread's stack: already closed, or closed from another thread, which cannot change the
        // owner's context. Either way there is nothing to restore here.
        if (stack == null || !stack.open.remove(scope)) {
            return false;
        }
        if (stack.open.isEmpty()) {
            CURRENT.remove();
            if (stack.idBefore == null) {
                ThreadContext.remove(NarrationFields.CORRELATION_ID);
            } else {
                ThreadContext.put(NarrationFields.CORRELATION_ID, stack.idBefore);
            }
        } else {
            ThreadContext.put(NarrationFields.CORRELATION_ID, stack.open.get(stack.open.size() - 1).id());
        }
        return !scope.id().equals(stack.idBefore) && !stack.carries(scope.id());
    }

    private boolean carries(final String id) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).id().equals(id)) {
                return true;
            }
        }
        return false;
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
