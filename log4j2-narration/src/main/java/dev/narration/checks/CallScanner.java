package dev.narration.checks;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/** Walks a class after the compiler has analysed it and hands every call the checks care about to its checks. */
final class CallScanner extends TreePathScanner<Void, Void> {
    private final Trees trees;
    private final KnownTypes known;
    private final LogCalls logCalls;
    private final MessageChecks messages;
    private final NarrationCalls narrations;
    private final ScopeCheck scopes;

    CallScanner(final Trees trees, final KnownTypes known, final Reporter reporter, final int[] limits) {
        this.trees = trees;
        this.known = known;
        final ConstantValues constants = new ConstantValues(trees);
        this.logCalls = new LogCalls(trees, known);
        this.messages = new MessageChecks(trees, known, constants, reporter, limits);
        this.narrations = new NarrationCalls(trees, constants, logCalls, messages, reporter);
        this.scopes = new ScopeCheck(reporter);
    }

    @Override
    public Void visitMethodInvocation(final MethodInvocationTree invocation, final Void unused) {
        final TreePath call = getCurrentPath();
        final Element element = trees.getElement(call);
        if (element instanceof ExecutableElement) {
            check(call, (ExecutableElement) element);
        }
        return super.visitMethodInvocation(invocation, unused);
    }

    private void check(final TreePath call, final ExecutableElement method) {
        if (logCalls.logs(method)) {
            final MessageCall message = logCalls.messageCall(call, method, logCalls.levelOf(call, method));
            if (message != null) {
                messages.check(message);
            }
        } else if (KnownTypes.is(KnownTypes.ownerOf(method), KnownTypes.NARRATION)) {
            narrations.check(call, method);
        } else if (ScopeCheck.opensScope(method)) {
            scopes.check(call, method);
        }
    }
}
