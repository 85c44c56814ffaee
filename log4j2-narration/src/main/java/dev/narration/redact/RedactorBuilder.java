package dev.narration.redact;

import dev.narration.internal.redact.BuiltInRule;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.redact.UserRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The attributes and nested rules shared by {@code <RedactionRewritePolicy>} and {@code <Redaction>} (inside
 * {@code <NarrationJsonLayout>}), so both accept exactly the same syntax. Log4j injects the annotated fields of
 * this base class into either subclass's builder, and the setters are public through them.
 *
 * @param <B> the concrete builder, returned by the setters for chaining
 */
abstract class RedactorBuilder<B extends RedactorBuilder<B>> {
    static final String DEFAULT_MASK = RedactionEngine.DEFAULT_MASK;
    static final int DEFAULT_MAX_SCAN_LENGTH = RedactionEngine.DEFAULT_MAX_SCAN_LENGTH;

    @PluginBuilderAttribute
    private String name;

    @PluginBuilderAttribute
    private String mask = DEFAULT_MASK;

    @PluginBuilderAttribute
    private String disable;

    @PluginBuilderAttribute
    private String enable;

    @PluginBuilderAttribute
    private String sensitiveKeys;

    @PluginBuilderAttribute
    private int maxScanLength = DEFAULT_MAX_SCAN_LENGTH;

    @PluginElement(RedactionRule.ELEMENT)
    private RedactionRule[] rules;

    RedactorBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Names the engine's metrics and its JMX bean; defaults to the element's name. */
    public B setName(final String name) {
        this.name = name;
        return self();
    }

    /** The text that replaces a secret; {@code {rule}} is replaced by the rule's name. */
    public B setMask(final String mask) {
        this.mask = mask;
        return self();
    }

    /** Comma-separated built-in rule names to turn off. */
    public B setDisable(final String disable) {
        this.disable = disable;
        return self();
    }

    /** Comma-separated optional rules to turn on: {@code email}, {@code card-number}. */
    public B setEnable(final String enable) {
        this.enable = enable;
        return self();
    }

    /** Comma-separated extra sensitive key names, compared as the built-in ones (see {@code docs/redaction.md}). */
    public B setSensitiveKeys(final String sensitiveKeys) {
        this.sensitiveKeys = sensitiveKeys;
        return self();
    }

    /** Characters scanned per field; beyond them the rest of the field is masked as {@code scan-limit}. */
    public B setMaxScanLength(final int maxScanLength) {
        this.maxScanLength = maxScanLength;
        return self();
    }

    /** The user's own rules. */
    public B setRules(final RedactionRule... rules) {
        this.rules = rules;
        return self();
    }

    /**
     * Builds the engine, reporting every invalid attribute through the status logger with the element's name and
     * falling back to the default for it: a broken setting never disables redaction.
     */
    Redactor buildRedactor(final String element) {
        final StatusLogger status = StatusLogger.getLogger();
        final boolean[] enabled = BuiltInRule.enabledByDefault();
        for (final String ruleName : list(enable)) {
            final BuiltInRule rule = BuiltInRule.named(ruleName);
            if (rule == null) {
                status.error("{}: unknown rule \"{}\" in enable=\"{}\"; known rules: {}.", element, ruleName, enable,
                        BuiltInRule.names());
            } else {
                enabled[rule.ordinal()] = true;
            }
        }
        for (final String ruleName : list(disable)) {
            final BuiltInRule rule = BuiltInRule.named(ruleName);
            if (rule == null) {
                status.error("{}: unknown rule \"{}\" in disable=\"{}\"; known rules: {}.", element, ruleName, disable,
                        BuiltInRule.names());
            } else if (rule.failSafe()) {
                status.error("{}: rule \"{}\" in disable=\"{}\" is a fail-safe and cannot be disabled.", element, ruleName,
                        disable);
            } else {
                enabled[rule.ordinal()] = false;
            }
        }
        String maskTemplate = mask;
        if (maskTemplate == null || maskTemplate.isEmpty()) {
            status.error("{}: invalid mask=\"{}\"; it must not be empty. Using {}.", element, mask, DEFAULT_MASK);
            maskTemplate = DEFAULT_MASK;
        }
        int scanLength = maxScanLength;
        if (scanLength <= 0 || scanLength > RedactionEngine.MAX_SCAN_LENGTH) {
            status.error("{}: invalid maxScanLength=\"{}\"; expected 1 to {}. Using {}.", element, maxScanLength,
                    RedactionEngine.MAX_SCAN_LENGTH, DEFAULT_MAX_SCAN_LENGTH);
            scanLength = DEFAULT_MAX_SCAN_LENGTH;
        }
        final List<UserRule> valid = new ArrayList<>();
        if (rules != null) {
            for (final RedactionRule rule : rules) {
                if (rule != null && rule.isValid()) {
                    valid.add(rule.userRule());
                }
            }
        }
        final String engineName = name == null || name.isBlank() ? element : name.trim();
        return new Redactor(new RedactionEngine(engineName, enabled, list(sensitiveKeys), maskTemplate, scanLength, valid, null));
    }

    /** The non-blank, trimmed items of a comma-separated attribute. */
    static List<String> list(final String commaSeparated) {
        final List<String> items = new ArrayList<>();
        if (commaSeparated != null) {
            for (final String item : commaSeparated.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }
}
