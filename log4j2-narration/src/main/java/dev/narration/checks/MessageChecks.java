package dev.narration.checks;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.narration.internal.editorial.StandardLimits;
import dev.narration.internal.redact.ConstantSecrets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * The checks of one message pattern: {@code concatenation} when it is built with {@code +} at run time; when it is
 * a constant, {@code placeholders}, and on the text Log4j will write — constant arguments put in, the others
 * counted as nothing — {@code length}, {@code newline}, {@code blank} and {@code secret}. A message known only at
 * run time has its constant arguments checked for secrets.
 */
final class MessageChecks {
    /** The longest suggested rewrite of a concatenation a warning quotes. */
    private static final int MAX_SUGGESTION = 160;

    private final Trees trees;
    private final KnownTypes known;
    private final ConstantValues constants;
    private final Reporter reporter;
    private final int[] limits;

    MessageChecks(final Trees trees, final KnownTypes known, final ConstantValues constants, final Reporter reporter,
            final int[] limits) {
        this.trees = trees;
        this.known = known;
        this.constants = constants;
        this.reporter = reporter;
        this.limits = limits;
    }

    void check(final MessageCall call) {
        if (constants.isConcatenation(call.message) && !constants.isConstant(call.message)) {
            reporter.warn(Check.CONCATENATION, call.message, "the message is built with + from a value known only at run "
                    + "time, so it is formatted even when the level is off and no check can read it: use placeholders, "
                    + suggestion(call.message));
            return;
        }
        final String pattern = constants.text(call.message);
        if (pattern == null) {
            secretsInArguments(call);
            return;
        }
        placeholders(call, pattern);
        final List<String> pieces = LogPattern.knownPieces(pattern, argumentTexts(call));
        length(call, pieces);
        lineBreak(call, pieces);
        if (pieces.size() == 1 && isBlank(pieces.get(0))) {
            reporter.warn(Check.BLANK, call.message, "the message is blank: say in one sentence what happened");
        }
        for (final String piece : pieces) {
            final String rule = ConstantSecrets.ruleMasking(piece);
            if (rule != null) {
                reporter.warn(Check.SECRET, call.message, secretFound(rule));
                break;
            }
        }
    }

    private void placeholders(final MessageCall call, final String pattern) {
        if (call.arguments == null) {
            return;
        }
        final int placeholders = LogPattern.placeholders(pattern);
        final int arguments = call.arguments.size();
        if (arguments == 0) {
            if (placeholders > 0) {
                reporter.warn(Check.PLACEHOLDERS, call.message, count(placeholders, "{} placeholder")
                        + " but no argument, so Log4j writes the message as it is, {} included: pass the value after the "
                        + "message (an exception given alone fills no {}), or remove the {}");
            }
            return;
        }
        final TypeMirror last = trees.getTypeMirror(call.arguments.get(arguments - 1));
        final boolean lastIsException = last != null && known.mayBeThrowable(last);
        if (placeholders != arguments && !(lastIsException && placeholders == arguments - 1)) {
            reporter.warn(Check.PLACEHOLDERS, call.message, count(placeholders, "{} placeholder") + " but "
                    + count(arguments, "argument") + ": give each {} one argument (a last Throwable without a {} of its "
                    + "own is the exception)");
        }
    }

    private void length(final MessageCall call, final List<String> pieces) {
        if (call.level == MessageCall.UNKNOWN_LEVEL) {
            return;
        }
        final int limit = limits[call.level];
        int codePoints = 0;
        for (final String piece : pieces) {
            codePoints += piece.codePointCount(0, piece.length());
        }
        if (limit != StandardLimits.UNLIMITED && codePoints > limit) {
            final String level = StandardLimits.levelName(call.level);
            reporter.warn(Check.LENGTH, call.message, "this " + level + " message is " + codePoints + " code points long, "
                    + (pieces.size() > 1 ? "not counting its arguments, " : "") + "over the " + level + " limit of "
                    + limit + ": shorten the sentence and move the details into arguments or fields");
        }
    }

    private void lineBreak(final MessageCall call, final List<String> pieces) {
        for (final String piece : pieces) {
            if (piece.indexOf('\n') >= 0 || piece.indexOf('\r') >= 0) {
                reporter.warn(Check.NEWLINE, call.message, "the message contains a line break: keep it on one line "
                        + "(a line break is how log lines are forged) and put multi-line detail into a field");
                return;
            }
        }
    }

    private static boolean isBlank(final String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** The text of each argument, {@code null} for one not constant; {@code null} when their count is not known. */
    private List<String> argumentTexts(final MessageCall call) {
        if (call.arguments == null) {
            return null;
        }
        final List<String> texts = new ArrayList<>();
        for (final TreePath argument : call.arguments) {
            texts.add(constants.text(argument));
        }
        return texts;
    }

    private void secretsInArguments(final MessageCall call) {
        if (call.arguments == null) {
            return;
        }
        for (final TreePath argument : call.arguments) {
            checkSecret(argument);
        }
    }

    /** Warns when the expression is a constant in which the redaction engine would mask something. */
    void checkSecret(final TreePath expression) {
        final String text = constants.text(expression);
        final String rule = text == null ? null : ConstantSecrets.ruleMasking(text);
        if (rule != null) {
            reporter.warn(Check.SECRET, expression, secretFound(rule));
        }
    }

    static String secretFound(final String rule) {
        return "the redaction engine would mask part of this constant as " + rule + ": a secret written in the code is "
                + "leaked already; take it out (read it from configuration) and log what identifies it, not its value";
    }

    /** The concatenation rewritten with placeholders: its constants stay in the pattern, the rest become arguments. */
    private String suggestion(final TreePath concatenation) {
        final StringBuilder pattern = new StringBuilder("\"");
        final StringBuilder arguments = new StringBuilder();
        for (final TreePath operand : constants.operands(concatenation)) {
            final String text = constants.text(operand);
            if (text == null) {
                pattern.append("{}");
                arguments.append(", ").append(source(operand));
            } else {
                appendJavaString(text, pattern);
            }
        }
        final String suggestion = pattern.append('"').append(arguments).toString();
        return suggestion.length() <= MAX_SUGGESTION ? suggestion : suggestion.substring(0, MAX_SUGGESTION) + "…";
    }

    private String source(final TreePath expression) {
        final CompilationUnitTree unit = expression.getCompilationUnit();
        final Tree tree = expression.getLeaf();
        final SourcePositions positions = trees.getSourcePositions();
        final long start = positions.getStartPosition(unit, tree);
        final long end = positions.getEndPosition(unit, tree);
        try {
            final CharSequence content = unit.getSourceFile().getCharContent(true);
            if (start >= 0 && end <= content.length() && start < end) {
                return content.subSequence((int) start, (int) end).toString();
            }
        } catch (IOException e) {
            // The suggestion is a courtesy: without the source it names the argument by its place.
        }
        return "…";
    }

    /** The text as it would be written inside a Java string literal of a message pattern. */
    private static void appendJavaString(final String text, final StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '{':
                    out.append(i + 1 < text.length() && text.charAt(i + 1) == '}' ? "\\\\{" : "{");
                    break;
                default:
                    out.append(c);
            }
        }
    }

    private static String count(final int n, final String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
