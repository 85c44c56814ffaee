package dev.narration.checks;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Compile-time constants (JLS 15.29) among expressions: which ones are, and the text of those the checks read —
 * literals, {@code static final} constants (resolved through the model, also from other classes) and
 * {@code +} concatenations of them.
 */
final class ConstantValues {
    private final Trees trees;

    ConstantValues(final Trees trees) {
        this.trees = trees;
    }

    /** The expression's text as string conversion renders it, or {@code null} when it is no constant read here. */
    String text(final TreePath path) {
        final Object value = value(path);
        return value == null ? null : String.valueOf(value);
    }

    private Object value(final TreePath path) {
        final Tree tree = path.getLeaf();
        if (tree instanceof LiteralTree) {
            return ((LiteralTree) tree).getValue();
        }
        switch (tree.getKind()) {
            case PARENTHESIZED:
                return value(child(path, ((ParenthesizedTree) tree).getExpression()));
            case IDENTIFIER:
            case MEMBER_SELECT:
                return constantOf(trees.getElement(path));
            case PLUS:
                if (!isString(path)) {
                    return null;
                }
                final BinaryTree plus = (BinaryTree) tree;
                final Object left = value(child(path, plus.getLeftOperand()));
                final Object right = left == null ? null : value(child(path, plus.getRightOperand()));
                return right == null ? null : String.valueOf(left) + right;
            default:
                return null;
        }
    }

    /** Whether the expression is a constant expression, whether or not its value is read here. */
    boolean isConstant(final TreePath path) {
        final Tree tree = path.getLeaf();
        if (tree instanceof LiteralTree) {
            return tree.getKind() != Tree.Kind.NULL_LITERAL;
        }
        if (tree instanceof BinaryTree) {
            final BinaryTree binary = (BinaryTree) tree;
            return isConstant(child(path, binary.getLeftOperand())) && isConstant(child(path, binary.getRightOperand()));
        }
        if (tree instanceof UnaryTree) {
            return isConstant(child(path, ((UnaryTree) tree).getExpression()));
        }
        switch (tree.getKind()) {
            case PARENTHESIZED:
                return isConstant(child(path, ((ParenthesizedTree) tree).getExpression()));
            case TYPE_CAST:
                final TypeMirror target = trees.getTypeMirror(path);
                return target != null && (target.getKind().isPrimitive() || KnownTypes.is(target, KnownTypes.STRING))
                        && isConstant(child(path, ((TypeCastTree) tree).getExpression()));
            case CONDITIONAL_EXPRESSION:
                final ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
                return isConstant(child(path, conditional.getCondition()))
                        && isConstant(child(path, conditional.getTrueExpression()))
                        && isConstant(child(path, conditional.getFalseExpression()));
            case IDENTIFIER:
            case MEMBER_SELECT:
                return constantOf(trees.getElement(path)) != null;
            default:
                return false;
        }
    }

    /** Whether the expression is a string concatenation with {@code +}. */
    boolean isConcatenation(final TreePath path) {
        return path.getLeaf().getKind() == Tree.Kind.PLUS && isString(path);
    }

    /**
     * The operands of a string concatenation in order, nested concatenations spread out, so {@code "a" + b + "c"}
     * gives three; an operand that is not itself a string (as {@code i + j} in {@code i + j + "s"}) stays whole.
     */
    List<TreePath> operands(final TreePath concatenation) {
        final List<TreePath> operands = new ArrayList<>();
        spread(concatenation, operands);
        return operands;
    }

    private void spread(final TreePath path, final List<TreePath> operands) {
        if (isConcatenation(path)) {
            final BinaryTree plus = (BinaryTree) path.getLeaf();
            spread(child(path, plus.getLeftOperand()), operands);
            spread(child(path, plus.getRightOperand()), operands);
        } else {
            operands.add(path);
        }
    }

    private boolean isString(final TreePath path) {
        final TypeMirror type = trees.getTypeMirror(path);
        return type != null && KnownTypes.is(type, KnownTypes.STRING);
    }

    private static Object constantOf(final Element element) {
        return element instanceof VariableElement ? ((VariableElement) element).getConstantValue() : null;
    }

    static TreePath child(final TreePath parent, final ExpressionTree expression) {
        return new TreePath(parent, expression);
    }
}
