package dev.narration.redact;

import dev.narration.internal.docs.DocPages;
import dev.narration.internal.redact.BuiltInRule;
import dev.narration.internal.redact.UserRule;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * A user's own detection, nested in {@code <RedactionRewritePolicy>} or {@code <Redaction>}:
 *
 * <pre>{@code
 * <RedactionRule name="ticket-secret" pattern="TKS-[0-9A-F]{24}" keywords="TKS-"/>
 * }</pre>
 *
 * <p>Every match of {@code pattern} (a {@link java.util.regex.Pattern}) is replaced by the mask naming the rule.
 * With {@code keywords} (comma-separated literals, case-sensitive), the pattern runs only on text that contains
 * one of them, so a clean event pays a fast literal search instead of a regex run: give keywords whenever the
 * secret has a fixed part. A rule with a missing name or an invalid pattern is reported through the status logger
 * and ignored; the other rules keep working. Each run of a pattern on a text has a step budget proportional to the
 * text's length: a pattern that spends it masks the whole text (fail closed); a pattern with nested quantifiers,
 * the usual cause, is warned about at start-up.
 */
@Plugin(name = RedactionRule.ELEMENT, category = Node.CATEGORY, printObject = true)
public final class RedactionRule {
    static final String ELEMENT = "RedactionRule";

    private final String name;
    /** The rule as the engine runs it; {@code null} for an invalid rule. */
    private final UserRule rule;

    private RedactionRule(final String name, final UserRule rule) {
        this.name = name;
        this.rule = rule;
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The name shown in the mask and the counters. */
    public String getName() {
        return name;
    }

    /** Whether the rule is usable (it had a name and a valid pattern). */
    public boolean isValid() {
        return rule != null;
    }

    /** The rule as the engine runs it; {@code null} for an invalid rule. */
    UserRule userRule() {
        return rule;
    }

    @Override
    public String toString() {
        return ELEMENT + "{name=" + name + (rule == null ? ", invalid}" : ", " + rule + '}');
    }

    /** Builds a {@link RedactionRule}; {@code name} and {@code pattern} are required. */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<RedactionRule> {
        @PluginBuilderAttribute
        private String name;

        @PluginBuilderAttribute
        private String pattern;

        @PluginBuilderAttribute
        private String keywords;

        private Builder() {}

        public Builder setName(final String name) {
            this.name = name;
            return this;
        }

        /** A {@link java.util.regex.Pattern}; every match is masked. */
        public Builder setPattern(final String pattern) {
            this.pattern = pattern;
            return this;
        }

        /** Comma-separated literals; the pattern runs only on text containing one of them. */
        public Builder setKeywords(final String keywords) {
            this.keywords = keywords;
            return this;
        }

        @Override
        public RedactionRule build() {
            final String[] literals = RedactorBuilder.list(keywords).toArray(new String[0]);
            if (name == null || name.isBlank()) {
                StatusLogger.getLogger().error("{}: missing name attribute (pattern=\"{}\"); the rule is ignored.",
                        ELEMENT, pattern);
                return new RedactionRule(null, null);
            }
            if (BuiltInRule.named(name.trim()) != null) {
                StatusLogger.getLogger().error("{}: name=\"{}\" is a built-in rule's name; choose another. The rule is ignored.",
                        ELEMENT, name);
                return new RedactionRule(null, null);
            }
            if (pattern == null || pattern.isEmpty()) {
                StatusLogger.getLogger().error("{} name=\"{}\": missing pattern attribute; the rule is ignored.", ELEMENT, name);
                return new RedactionRule(name.trim(), null);
            }
            try {
                final Pattern compiled = Pattern.compile(pattern);
                if (UserRule.hasNestedQuantifier(pattern)) {
                    StatusLogger.getLogger().warn("{} name=\"{}\": pattern=\"{}\" repeats a group that holds a repetition (a "
                            + "nested quantifier), which can take exponential time on some texts. Each run of the rule "
                            + "is stopped after a step budget and the text masked whole (" + DocPages.REDACTION + "#user-rules); "
                            + "rewrite the pattern without the nested repetition.", ELEMENT, name, pattern);
                }
                return new RedactionRule(name.trim(), new UserRule(name.trim(), compiled, literals));
            } catch (PatternSyntaxException e) {
                StatusLogger.getLogger().error("{} name=\"{}\": invalid pattern=\"{}\": {}; the rule is ignored.",
                        ELEMENT, name, pattern, e.getDescription());
                return new RedactionRule(name.trim(), null);
            }
        }
    }
}
