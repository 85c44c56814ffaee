package dev.narration.checks;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints a check's warning at a tree, unless a declaration around it says {@code @SuppressWarnings("narration")}
 * or {@code @SuppressWarnings("narration:<check>")}. Mandatory warnings: {@code -Werror} fails the build on them
 * as on plain ones, and {@code -nowarn} does not hide them, which a build may pass without meaning to (Maven's
 * compiler plugin before 3.13 does unless {@code showWarnings} is set).
 */
final class Reporter {
    private final Trees trees;

    Reporter(final Trees trees) {
        this.trees = trees;
    }

    void warn(final Check check, final TreePath at, final String message) {
        if (!suppressed(check, at)) {
            trees.printMessage(Diagnostic.Kind.MANDATORY_WARNING, check.prefix() + message, at.getLeaf(), at.getCompilationUnit());
        }
    }

    private boolean suppressed(final Check check, final TreePath at) {
        for (TreePath path = at; path != null; path = path.getParentPath()) {
            final Tree leaf = path.getLeaf();
            if (leaf instanceof ClassTree || leaf instanceof MethodTree || leaf instanceof VariableTree) {
                final Element declared = trees.getElement(path);
                final SuppressWarnings suppress = declared == null ? null : declared.getAnnotation(SuppressWarnings.class);
                if (suppress != null) {
                    for (final String value : suppress.value()) {
                        if (value.equals(Check.ALL) || value.equals(check.suppression)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
