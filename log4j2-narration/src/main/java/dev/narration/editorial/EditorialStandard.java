package dev.narration.editorial;

import dev.narration.NarrationFields;
import dev.narration.internal.editorial.StandardLimits;
import dev.narration.internal.event.EventNarration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * The editorial standard (docs/standard.md#editorial-standard) as one immutable value: the {@code human} length
 * limit of each level, and which other rules apply. {@link EditorialFilter} enforces it on live events;
 * {@link #check} applies the very same rules to one event, and the test kit ({@code log4j2-narration-testing},
 * docs/testing.md) to captured narration:
 *
 * <pre>{@code
 * try (NarrationCapture capture = NarrationCapture.attach(context)) {
 *     service.handle(request);
 *     NarrationCapture.assertConforms(EditorialStandard.defaults(), capture.events());
 * }
 * }</pre>
 *
 * <p>Limits count Unicode code points, so an emoji or a CJK character is one. A limit of 0 means unlimited.
 * Rules applied at every level: {@code human} on one line and not blank, and (unless turned off) a correlation
 * id. ERROR events also need an {@code error_kind} or a throwable (unless turned off).
 */
public final class EditorialStandard {
    /** The limit value that means "no length limit". */
    public static final int UNLIMITED = StandardLimits.UNLIMITED;

    private static final int[] DEFAULT_LIMITS = StandardLimits.defaults();
    private static final EditorialStandard DEFAULTS =
            new EditorialStandard(DEFAULT_LIMITS, true, NarrationFields.CORRELATION_ID, true, NarrationFields.ERROR_KIND);

    private final int[] limits;
    private final boolean requireCorrelation;
    private final String correlationKey;
    private final boolean requireErrorKind;
    private final String errorKindKey;

    private EditorialStandard(
            final int[] limits,
            final boolean requireCorrelation,
            final String correlationKey,
            final boolean requireErrorKind,
            final String errorKindKey) {
        this.limits = limits;
        this.requireCorrelation = requireCorrelation;
        this.correlationKey = correlationKey;
        this.requireErrorKind = requireErrorKind;
        this.errorKindKey = errorKindKey;
    }

    /**
     * The standard as docs/standard.md#editorial-standard defines it: INFO 100, WARN 120, DEBUG and ERROR 150 code points, TRACE and FATAL
     * unlimited; correlation id (context key {@code correlation_id}) required; ERROR needs {@code error_kind} or a
     * throwable.
     */
    public static EditorialStandard defaults() {
        return DEFAULTS;
    }

    /** The {@code human} length limit of a level in code points, {@link #UNLIMITED} for none. */
    public int limit(final Level level) {
        return limits[LevelBand.of(Objects.requireNonNull(level, "level"))];
    }

    /**
     * This standard with another limit for a standard level (custom levels follow the next less severe standard
     * level, so they take its limit).
     *
     * @param codePoints the limit, {@link #UNLIMITED} (0) for none
     * @throws IllegalArgumentException if the limit is negative
     */
    public EditorialStandard withLimit(final Level level, final int codePoints) {
        if (codePoints < 0) {
            throw new IllegalArgumentException("limit of " + level + " must be >= 0 (0 = unlimited), not " + codePoints);
        }
        final int[] changed = Arrays.copyOf(limits, limits.length);
        changed[LevelBand.of(Objects.requireNonNull(level, "level"))] = codePoints;
        return new EditorialStandard(changed, requireCorrelation, correlationKey, requireErrorKind, errorKindKey);
    }

    public boolean requiresCorrelation() {
        return requireCorrelation;
    }

    /** This standard with the correlation rule turned on or off (it applies at every level when on). */
    public EditorialStandard withCorrelationRequired(final boolean required) {
        return new EditorialStandard(limits, required, correlationKey, requireErrorKind, errorKindKey);
    }

    /** The context key that holds the correlation id (a {@code Narration}'s own correlation id always counts). */
    public String correlationKey() {
        return correlationKey;
    }

    public EditorialStandard withCorrelationKey(final String key) {
        return new EditorialStandard(limits, requireCorrelation, requireKey(key, "correlationKey"), requireErrorKind, errorKindKey);
    }

    public boolean requiresErrorKind() {
        return requireErrorKind;
    }

    /** This standard with the ERROR rule ({@code error_kind} or a throwable) turned on or off. */
    public EditorialStandard withErrorKindRequired(final boolean required) {
        return new EditorialStandard(limits, requireCorrelation, correlationKey, required, errorKindKey);
    }

    /** The context key or message field that names the kind of an error. */
    public String errorKindKey() {
        return errorKindKey;
    }

    public EditorialStandard withErrorKindKey(final String key) {
        return new EditorialStandard(limits, requireCorrelation, correlationKey, requireErrorKind, requireKey(key, "errorKindKey"));
    }

    private static String requireKey(final String key, final String what) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return key;
    }

    /** Whether the correlation id must be looked up for an event. */
    boolean needsCorrelation() {
        return requireCorrelation;
    }

    /** Whether an event of this level must carry an error kind or a throwable. */
    boolean needsErrorDiagnosis(final int band) {
        return requireErrorKind && band == LevelBand.ERROR;
    }

    /**
     * The rules an event breaks, as a mask of {@link EditorialRule#bit()}s; 0 when it conforms. Line breaks are
     * searched with the JDK's vectorized {@code indexOf}; blankness stops at the first visible character; code
     * points are counted only when the sentence has more chars than the limit, since a sentence never has more code
     * points than chars.
     */
    int violations(final int band, final CharSequence human, final boolean hasCorrelation, final boolean hasErrorDiagnosis) {
        int mask = 0;
        final int length = human.length();
        if (containsLineBreak(human)) {
            mask |= EditorialRule.ONE_LINE.bit();
        }
        if (isBlank(human)) {
            mask |= EditorialRule.NOT_BLANK.bit();
        }
        final int limit = limits[band];
        if (limit != UNLIMITED && length > limit && Character.codePointCount(human, 0, length) > limit) {
            mask |= EditorialRule.LENGTH.bit();
        }
        if (requireCorrelation && !hasCorrelation) {
            mask |= EditorialRule.CORRELATION.bit();
        }
        if (needsErrorDiagnosis(band) && !hasErrorDiagnosis) {
            mask |= EditorialRule.ERROR_KIND.bit();
        }
        return mask;
    }

    private static boolean containsLineBreak(final CharSequence text) {
        if (text instanceof StringBuilder) {
            final StringBuilder builder = (StringBuilder) text;
            return builder.indexOf("\n") >= 0 || builder.indexOf("\r") >= 0;
        }
        if (text instanceof String) {
            final String string = (String) text;
            return string.indexOf('\n') >= 0 || string.indexOf('\r') >= 0;
        }
        for (int i = 0, length = text.length(); i < length; i++) {
            final char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(final CharSequence text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            final char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** What exactly is wrong, for reports: the measured length, the missing key. */
    String detail(final EditorialRule rule, final int band, final CharSequence human) {
        switch (rule) {
            case LENGTH:
                return Character.codePointCount(human, 0, human.length()) + " code points, limit " + limits[band];
            case ONE_LINE:
                return "contains CR or LF";
            case NOT_BLANK:
                return "no sentence";
            case CORRELATION:
                return "no " + correlationKey;
            default:
                return "neither " + errorKindKey + " nor a throwable";
        }
    }

    /**
     * Every rule of this standard that the event breaks, in {@link EditorialRule} order, as an
     * {@link EditorialFilter} with this standard finds them; empty when it conforms (and for an event without a
     * level). The test kit checks captured narration with it.
     */
    public List<EditorialViolation> check(final LogEvent event) {
        final List<EditorialViolation> found = new ArrayList<>();
        if (event.getLevel() == null) {
            return found;
        }
        final int band = LevelBand.of(event.getLevel());
        final StringBuilder human = new StringBuilder();
        final int mask = violations(event, band, human);
        for (int i = 0; i < EditorialRule.count(); i++) {
            final EditorialRule rule = EditorialRule.of(i);
            if ((mask & rule.bit()) != 0) {
                found.add(new EditorialViolation(event.getLoggerName(), event.getLevel(), rule, detail(rule, band, human),
                        human.toString()));
            }
        }
        return found;
    }

    /**
     * The rules an event of the given band breaks, as a mask; its sentence is left in {@code human}. The correlation
     * id is the message's own or the context's under {@link #correlationKey()}; the error kind a message field or a
     * context value under {@link #errorKindKey()}, or a throwable.
     */
    int violations(final LogEvent event, final int band, final StringBuilder human) {
        sentenceOf(event.getMessage(), human);
        final Message message = event.getMessage();
        final ReadOnlyStringMap context = event.getContextData();
        final boolean hasCorrelation = !requireCorrelation
                || present(EventNarration.correlationId(message, context, correlationKey));
        final boolean hasDiagnosis = !needsErrorDiagnosis(band) || event.getThrown() != null
                || EventNarration.carries(message, context, errorKindKey);
        return violations(band, human, hasCorrelation, hasDiagnosis);
    }

    /** An unreadable sentence is a blank one: the rules then say so, rather than the application seeing an error. */
    static void sentenceOf(final Message message, final StringBuilder human) {
        try {
            EventNarration.formatHuman(message, human);
        } catch (RuntimeException e) {
            human.setLength(0);
        }
    }

    static boolean present(final String value) {
        return value != null && !value.isEmpty();
    }

    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder("limits{");
        for (int band = 0; band < limits.length; band++) {
            text.append(band == 0 ? "" : ", ").append(LevelBand.LEVELS[band]).append('=')
                    .append(limits[band] == UNLIMITED ? "unlimited" : Integer.toString(limits[band]));
        }
        return text.append("}, requireCorrelation=").append(requireCorrelation)
                .append(", correlationKey=").append(correlationKey)
                .append(", requireErrorKind=").append(requireErrorKind)
                .append(", errorKindKey=").append(errorKindKey)
                .toString();
    }
}
