package dev.narration.checks;

import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.narration.internal.redact.ConstantSecrets;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * The checks of the bundle's {@code Narration} builder: {@code action} on {@code Narration.action(…)}; the message
 * checks on {@code human(…)}, at the level of the logging call the narration is handed to; {@code secret} on every
 * other constant text it is given, and on a constant text given to a field whose name the engine treats as
 * sensitive ({@code field("password", "…")}).
 */
final class NarrationCalls {
    private final Trees trees;
    private final ConstantValues constants;
    private final LogCalls logCalls;
    private final MessageChecks messages;
    private final Reporter reporter;

    NarrationCalls(final Trees trees, final ConstantValues constants, final LogCalls logCalls, final MessageChecks messages,
            final Reporter reporter) {
        this.trees = trees;
        this.constants = constants;
        this.logCalls = logCalls;
        this.messages = messages;
        this.reporter = reporter;
    }

    void check(final TreePath call, final ExecutableElement method) {
        final String name = method.getSimpleName().toString();
        if (name.equals("human")) {
            final MessageCall message = logCalls.messageCall(call, method, levelOfChain(call));
            if (message != null) {
                messages.check(message);
            }
            return;
        }
        if (name.equals("action")) {
            checkAction(LogCalls.argument(call, 0));
            return;
        }
        final List<? extends VariableElement> parameters = method.getParameters();
        if (name.equals("field") && parameters.size() == 2 && KnownTypes.is(parameters.get(1).asType(), KnownTypes.STRING)
                && checkSensitiveField(call)) {
            return;
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (KnownTypes.is(parameters.get(i).asType(), KnownTypes.STRING)) {
                messages.checkSecret(LogCalls.argument(call, i));
            }
        }
    }

    private void checkAction(final TreePath argument) {
        final String action = constants.text(argument);
        if (action != null && !isSnakeCase(action)) {
            final String snake = snakeCase(action);
            reporter.warn(Check.ACTION, argument, "the action \"" + action + "\" is not snake_case: name the verb in "
                    + "lower-case words joined by _" + (snake.isEmpty() ? ", such as accept or dispatch_job" : ", here \"" + snake + "\""));
        }
    }

    /** Whether the call gives a constant value to a sensitive field name, and if so warns. */
    private boolean checkSensitiveField(final TreePath call) {
        final String name = constants.text(LogCalls.argument(call, 0));
        final TreePath value = LogCalls.argument(call, 1);
        final String text = constants.text(value);
        final String rule = name == null || text == null || text.isEmpty() ? null : ConstantSecrets.ruleOfKey(name);
        if (rule != null) {
            reporter.warn(Check.SECRET, value, "the field \"" + name + "\" has a name whose values the redaction engine "
                    + "masks (" + rule + "), and this one is written in the code: take the secret out (read it from "
                    + "configuration) and log what identifies it, not its value");
        }
        return rule != null;
    }

    /**
     * The level of the logging call that a chain of builder calls on a narration is handed to, as in
     * {@code log.info(Narration.action("accept").human("…").field(…))}; unknown when the narration is kept in a
     * variable or passed elsewhere.
     */
    private int levelOfChain(final TreePath call) {
        TreePath at = call;
        while (true) {
            final TreePath parent = at.getParentPath();
            final Tree leaf = parent.getLeaf();
            if (leaf.getKind() == Tree.Kind.PARENTHESIZED) {
                at = parent;
            } else if (leaf instanceof MemberSelectTree && parent.getParentPath().getLeaf() instanceof MethodInvocationTree
                    && isNarrationMethod(parent.getParentPath())) {
                at = parent.getParentPath();
            } else if (leaf instanceof MethodInvocationTree && ((MethodInvocationTree) leaf).getArguments().contains(at.getLeaf())) {
                final Element element = trees.getElement(parent);
                return element instanceof ExecutableElement && logCalls.logs((ExecutableElement) element)
                        ? logCalls.levelOf(parent, (ExecutableElement) element) : MessageCall.UNKNOWN_LEVEL;
            } else {
                return MessageCall.UNKNOWN_LEVEL;
            }
        }
    }

    private boolean isNarrationMethod(final TreePath call) {
        final Element element = trees.getElement(call);
        return element instanceof ExecutableElement && KnownTypes.is(KnownTypes.ownerOf(element), KnownTypes.NARRATION);
    }

    /** Lower-case letters and digits in words joined by single underscores, starting with a letter. */
    static boolean isSnakeCase(final String text) {
        if (text.isEmpty() || text.charAt(0) < 'a' || text.charAt(0) > 'z' || text.endsWith("_")) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            final char c = text.charAt(i);
            final boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!word && (c != '_' || text.charAt(i - 1) == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The text in snake_case: {@code AcceptJob}, {@code accept-job} and {@code accept job} become {@code accept_job}. */
    static String snakeCase(final String text) {
        final StringBuilder snake = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (i > 0 && (Character.isLowerCase(text.charAt(i - 1)) || Character.isDigit(text.charAt(i - 1)))) {
                    separate(snake);
                }
                snake.append((char) (c + ('a' - 'A')));
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                snake.append(c);
            } else {
                separate(snake);
            }
        }
        while (snake.length() > 0 && snake.charAt(snake.length() - 1) == '_') {
            snake.setLength(snake.length() - 1);
        }
        while (snake.length() > 0 && (snake.charAt(0) == '_' || Character.isDigit(snake.charAt(0)))) {
            snake.deleteCharAt(0);
        }
        return snake.toString();
    }

    private static void separate(final StringBuilder snake) {
        if (snake.length() > 0 && snake.charAt(snake.length() - 1) != '_') {
            snake.append('_');
        }
    }
}
