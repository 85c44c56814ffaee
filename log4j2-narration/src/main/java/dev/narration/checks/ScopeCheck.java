package dev.narration.checks;

import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * {@code scope}: a correlation scope opened ({@code Correlation.open(…)}, {@code Correlation.openFromHeaders(…)},
 * any static method of {@code Correlation} or {@code CorrelationScope} that returns a scope) must be a resource of
 * the try-with-resources it is opened in; otherwise an exception, or a forgotten {@code close()}, leaves the id on
 * the thread for whatever runs on it next.
 */
final class ScopeCheck {
    private final Reporter reporter;

    ScopeCheck(final Reporter reporter) {
        this.reporter = reporter;
    }

    static boolean opensScope(final ExecutableElement method) {
        final TypeElement owner = KnownTypes.ownerOf(method);
        return method.getModifiers().contains(Modifier.STATIC)
                && KnownTypes.is(method.getReturnType(), KnownTypes.CORRELATION_SCOPE)
                && (KnownTypes.is(owner, KnownTypes.CORRELATION) || KnownTypes.is(owner, KnownTypes.CORRELATION_SCOPE));
    }

    void check(final TreePath call, final ExecutableElement method) {
        TreePath at = call;
        while (at.getParentPath().getLeaf().getKind() == Tree.Kind.PARENTHESIZED) {
            at = at.getParentPath();
        }
        final Tree parent = at.getParentPath().getLeaf();
        final Tree grandparent = at.getParentPath().getParentPath().getLeaf();
        final boolean resource = parent instanceof VariableTree && ((VariableTree) parent).getInitializer() == at.getLeaf()
                && grandparent instanceof TryTree && ((TryTree) grandparent).getResources().contains(parent);
        if (!resource) {
            final String name = KnownTypes.ownerOf(method).getSimpleName() + "." + method.getSimpleName();
            reporter.warn(Check.SCOPE, call, "the correlation scope that " + name + " opens is not a try-with-resources "
                    + "resource, so an exception leaves its id on the thread: write try (var scope = " + name
                    + "(…)) { … }");
        }
    }
}
