package dev.narration.editorial;

import dev.narration.NarrationFields;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Reads {@code <EditorialFilter>}'s attributes into a standard. A bad value is reported through the status logger,
 * naming the attribute, and replaced by its default, so a typo never disables the filter.
 */
final class EditorialAttributes {
    private static final String SEQUENCE_COMPONENT = EditorialFilter.class.getName() + ".sequence";
    /** The levels whose limits the attributes {@code trace} … {@code fatal} set, in that order. */
    private static final Level[] LIMITED = {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.FATAL};
    static final long DEFAULT_REPORT_INTERVAL_SECONDS = 60;

    private EditorialAttributes() {}

    /** The default standard with the given rules and keys, and the limits given as text, TRACE to FATAL. */
    static EditorialStandard standard(
            final boolean requireCorrelation,
            final String correlationKey,
            final boolean requireErrorKind,
            final String errorKindKey,
            final String[] limits) {
        EditorialStandard standard = EditorialStandard.defaults()
                .withCorrelationRequired(requireCorrelation)
                .withErrorKindRequired(requireErrorKind)
                .withCorrelationKey(key("correlationKey", correlationKey, NarrationFields.CORRELATION_ID))
                .withErrorKindKey(key("errorKindKey", errorKindKey, NarrationFields.ERROR_KIND));
        for (int i = 0; i < LIMITED.length; i++) {
            standard = limit(standard, LIMITED[i], limits[i]);
        }
        return standard;
    }

    static long reportInterval(final long seconds) {
        if (seconds < 0) {
            invalid("reportIntervalSeconds", Long.toString(seconds), "must be >= 0",
                    Long.toString(DEFAULT_REPORT_INTERVAL_SECONDS));
            return DEFAULT_REPORT_INTERVAL_SECONDS;
        }
        return seconds;
    }

    /** The given name, or {@code EditorialFilter-<n>} counting up per configuration. */
    static String filterName(final String name, final Configuration configuration) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (configuration == null) {
            return EditorialFilter.PLUGIN_NAME;
        }
        configuration.addComponent(SEQUENCE_COMPONENT, new AtomicInteger());
        final AtomicInteger sequence = configuration.getComponent(SEQUENCE_COMPONENT);
        return EditorialFilter.PLUGIN_NAME + '-' + sequence.incrementAndGet();
    }

    private static EditorialStandard limit(final EditorialStandard standard, final Level level, final String value) {
        if (value == null) {
            return standard;
        }
        try {
            final int limit = Integer.parseInt(value.trim());
            if (limit >= 0) {
                return standard.withLimit(level, limit);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        final int fallback = standard.limit(level);
        invalid(level.name().toLowerCase(Locale.ROOT), value,
                "must be a whole number of code points >= 0 (0 = unlimited)",
                fallback == EditorialStandard.UNLIMITED ? "unlimited" : Integer.toString(fallback));
        return standard;
    }

    private static String key(final String attribute, final String value, final String fallback) {
        if (value == null || value.isBlank()) {
            invalid(attribute, String.valueOf(value), "must not be blank", fallback);
            return fallback;
        }
        return value;
    }

    private static void invalid(final String attribute, final String value, final String rule, final String fallback) {
        StatusLogger.getLogger().error("{} attribute {}=\"{}\" is invalid: it {}; using the default {}",
                EditorialFilter.PLUGIN_NAME, attribute, value, rule, fallback);
    }
}
