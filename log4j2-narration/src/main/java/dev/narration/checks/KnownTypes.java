package dev.narration.checks;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The types the checks look for, known by their qualified names through the compiler's model: the plugin never
 * loads a Log4j class (it runs with the bundle alone on the processor path), nor a class of the bundle that
 * needs one.
 */
final class KnownTypes {
    static final String STRING = "java.lang.String";
    static final String THROWABLE = "java.lang.Throwable";
    static final String LOGGER = "org.apache.logging.log4j.Logger";
    static final String LOG_BUILDER = "org.apache.logging.log4j.LogBuilder";
    static final String LEVEL = "org.apache.logging.log4j.Level";
    static final String MARKER = "org.apache.logging.log4j.Marker";
    static final String NARRATION = "dev.narration.Narration";
    static final String CORRELATION = "dev.narration.Correlation";
    static final String CORRELATION_SCOPE = "dev.narration.CorrelationScope";

    private final Types types;
    /** {@code null} when the compilation has no Log4j API on its class path: then no call is a Log4j call. */
    private final TypeMirror logger;
    private final TypeMirror logBuilder;
    private final TypeMirror throwable;
    private final Map<TypeElement, Boolean> loggers = new HashMap<>();
    private final Map<TypeElement, Boolean> logBuilders = new HashMap<>();

    KnownTypes(final Elements elements, final Types types) {
        this.types = types;
        this.logger = erasureOf(elements, LOGGER);
        this.logBuilder = erasureOf(elements, LOG_BUILDER);
        this.throwable = erasureOf(elements, THROWABLE);
    }

    private TypeMirror erasureOf(final Elements elements, final String name) {
        final TypeElement type = elements.getTypeElement(name);
        return type == null ? null : types.erasure(type.asType());
    }

    /** Whether the type declaring a method is Log4j's {@code Logger} or one of its subtypes. */
    boolean isLogger(final TypeElement owner) {
        return isSubtype(owner, logger, loggers);
    }

    /** Whether the type declaring a method is Log4j's {@code LogBuilder} (the {@code atInfo()} chain) or a subtype. */
    boolean isLogBuilder(final TypeElement owner) {
        return isSubtype(owner, logBuilder, logBuilders);
    }

    private boolean isSubtype(final TypeElement owner, final TypeMirror supertype, final Map<TypeElement, Boolean> seen) {
        if (supertype == null || owner == null) {
            return false;
        }
        return seen.computeIfAbsent(owner, type -> types.isSubtype(types.erasure(type.asType()), supertype));
    }

    /** Whether a value of this static type may be a {@code Throwable}: one, or the type of {@code null}. */
    boolean mayBeThrowable(final TypeMirror type) {
        return type.getKind() == TypeKind.NULL
                || throwable != null && type.getKind() == TypeKind.DECLARED && types.isSubtype(types.erasure(type), throwable);
    }

    /** Whether a value of this type can be passed for the parameter as it is, not wrapped in a varargs array. */
    boolean isAssignable(final TypeMirror type, final TypeMirror parameter) {
        return types.isAssignable(type, parameter);
    }

    static boolean is(final TypeMirror type, final String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    static boolean is(final TypeElement type, final String qualifiedName) {
        return type != null && type.getQualifiedName().contentEquals(qualifiedName);
    }

    /** The type that declares a method or field; {@code null} for a local variable or parameter. */
    static TypeElement ownerOf(final Element member) {
        final Element enclosing = member.getEnclosingElement();
        return enclosing instanceof TypeElement ? (TypeElement) enclosing : null;
    }
}
