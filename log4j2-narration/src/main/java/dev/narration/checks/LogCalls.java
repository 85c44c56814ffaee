package dev.narration.checks;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.narration.internal.editorial.StandardLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Recognises Log4j's logging calls and reads their level and message: {@code Logger}'s {@code trace} to
 * {@code fatal} and {@code log(Level, …)}, with or without a {@code Marker}, and the fluent
 * {@code logger.atInfo()…log(…)}, whose level is read back along the chain ({@code atTrace} to {@code atFatal},
 * {@code atLevel(Level)}, {@code always()}) through {@code withMarker}, {@code withThrowable} and
 * {@code withLocation}.
 */
final class LogCalls {
    private final Trees trees;
    private final KnownTypes known;

    LogCalls(final Trees trees, final KnownTypes known) {
        this.trees = trees;
        this.known = known;
    }

    /** Whether the method is one that logs: a level method or {@code log} of a Logger, {@code log} of a LogBuilder. */
    boolean logs(final ExecutableElement method) {
        final String name = method.getSimpleName().toString();
        final boolean levelOrLog = name.equals("log") || isLevelMethod(name);
        return levelOrLog && known.isLogger(KnownTypes.ownerOf(method))
                || name.equals("log") && known.isLogBuilder(KnownTypes.ownerOf(method));
    }

    /** The standard level a logging call logs at, or {@link MessageCall#UNKNOWN_LEVEL}. */
    int levelOf(final TreePath call, final ExecutableElement method) {
        final MethodInvocationTree invocation = (MethodInvocationTree) call.getLeaf();
        final String name = method.getSimpleName().toString();
        if (known.isLogBuilder(KnownTypes.ownerOf(method))) {
            return levelOfChain(call, invocation.getMethodSelect());
        }
        if (isLevelMethod(name)) {
            return StandardLimits.indexOf(name);
        }
        final List<? extends VariableElement> parameters = method.getParameters();
        return !parameters.isEmpty() && KnownTypes.is(parameters.get(0).asType(), KnownTypes.LEVEL)
                ? levelNamed(argument(call, 0)) : MessageCall.UNKNOWN_LEVEL;
    }

    /** The level set at the start of a LogBuilder chain that ends in the call selected here. */
    private int levelOfChain(final TreePath call, final ExpressionTree select) {
        TreePath at = call;
        ExpressionTree selected = select;
        while (selected instanceof MemberSelectTree) {
            final ExpressionTree receiver = ((MemberSelectTree) selected).getExpression();
            if (!(receiver instanceof MethodInvocationTree)) {
                return MessageCall.UNKNOWN_LEVEL;
            }
            at = new TreePath(new TreePath(at, selected), receiver);
            final Element element = trees.getElement(at);
            if (!(element instanceof ExecutableElement)) {
                return MessageCall.UNKNOWN_LEVEL;
            }
            final ExecutableElement method = (ExecutableElement) element;
            final String name = method.getSimpleName().toString();
            if (known.isLogger(KnownTypes.ownerOf(method))) {
                if (name.equals("always")) {
                    return StandardLimits.indexOf("FATAL"); // Level.OFF, which Log4j ranks with FATAL and above
                }
                if (name.equals("atLevel")) {
                    return levelNamed(argument(at, 0));
                }
                return name.startsWith("at") ? StandardLimits.indexOf(name.substring(2)) : MessageCall.UNKNOWN_LEVEL;
            }
            if (!known.isLogBuilder(KnownTypes.ownerOf(method))) {
                return MessageCall.UNKNOWN_LEVEL;
            }
            selected = ((MethodInvocationTree) receiver).getMethodSelect();
        }
        return MessageCall.UNKNOWN_LEVEL;
    }

    /** The level an expression names when it is one of {@code Level}'s constants, else unknown. */
    private int levelNamed(final TreePath expression) {
        final Element element = trees.getElement(expression);
        if (!(element instanceof VariableElement) || !KnownTypes.is(KnownTypes.ownerOf(element), KnownTypes.LEVEL)) {
            return MessageCall.UNKNOWN_LEVEL;
        }
        final String name = element.getSimpleName().toString();
        if (name.equals("OFF")) {
            return StandardLimits.indexOf("FATAL");
        }
        return name.equals("ALL") ? StandardLimits.indexOf("TRACE") : StandardLimits.indexOf(name);
    }

    /**
     * The message of a call whose parameters are an optional {@code Level}, an optional {@code Marker}, then a
     * {@code String} pattern and what fills it; {@code null} when the call takes no {@code String} message there
     * (a {@code Message}, a {@code Supplier}, an {@code Object}).
     */
    MessageCall messageCall(final TreePath call, final ExecutableElement method, final int level) {
        final List<? extends VariableElement> parameters = method.getParameters();
        int index = 0;
        if (index < parameters.size() && KnownTypes.is(parameters.get(index).asType(), KnownTypes.LEVEL)) {
            index++;
        }
        if (index < parameters.size() && KnownTypes.is(parameters.get(index).asType(), KnownTypes.MARKER)) {
            index++;
        }
        if (index >= parameters.size() || !KnownTypes.is(parameters.get(index).asType(), KnownTypes.STRING)) {
            return null;
        }
        return new MessageCall(call, argument(call, index), arguments(call, method, index + 1), level);
    }

    private List<TreePath> arguments(final TreePath call, final ExecutableElement method, final int first) {
        final List<? extends VariableElement> parameters = method.getParameters();
        final List<? extends ExpressionTree> given = ((MethodInvocationTree) call.getLeaf()).getArguments();
        if (parameters.size() == first + 1 && KnownTypes.is(parameters.get(first).asType(), KnownTypes.THROWABLE)) {
            return List.of();
        }
        if (method.isVarArgs() && given.size() == parameters.size()) {
            final TypeMirror last = trees.getTypeMirror(argument(call, given.size() - 1));
            if (last != null && known.isAssignable(last, parameters.get(parameters.size() - 1).asType())) {
                return null;
            }
        }
        final List<TreePath> arguments = new ArrayList<>();
        for (int i = first; i < given.size(); i++) {
            arguments.add(argument(call, i));
        }
        return arguments;
    }

    static TreePath argument(final TreePath call, final int index) {
        return new TreePath(call, ((MethodInvocationTree) call.getLeaf()).getArguments().get(index));
    }

    private static boolean isLevelMethod(final String name) {
        return StandardLimits.indexOf(name) >= 0 && name.equals(name.toLowerCase(Locale.ROOT));
    }
}
