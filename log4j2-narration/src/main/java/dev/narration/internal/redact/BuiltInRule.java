package dev.narration.internal.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in detections. Each has the name shown in the mask ({@code [REDACTED:github-token]}), used in the
 * counters and in the {@code disable}/{@code enable} attributes. The ordinal is the rule's index in the counters;
 * user rules follow the built-ins.
 */
public enum BuiltInRule {
    AWS_ACCESS_KEY_ID("aws-access-key-id"),
    AWS_SECRET_KEY("aws-secret-key"),
    GITHUB_TOKEN("github-token"),
    GITLAB_TOKEN("gitlab-token"),
    SLACK_TOKEN("slack-token"),
    SLACK_WEBHOOK("slack-webhook"),
    STRIPE_KEY("stripe-key"),
    GOOGLE_API_KEY("google-api-key"),
    OPENAI_KEY("openai-key"),
    ANTHROPIC_KEY("anthropic-key"),
    TWILIO_API_KEY("twilio-api-key"),
    SENDGRID_KEY("sendgrid-key"),
    NPM_TOKEN("npm-token"),
    PYPI_TOKEN("pypi-token"),
    HUGGINGFACE_TOKEN("huggingface-token"),
    VAULT_TOKEN("vault-token"),
    JWT("jwt"),
    PRIVATE_KEY("private-key"),
    AZURE_STORAGE_KEY("azure-storage-key"),
    AZURE_SAS_SIGNATURE("azure-sas-signature"),
    URL_CREDENTIALS("url-credentials"),
    AUTHORIZATION("authorization"),
    COOKIE("cookie"),
    SESSION_ID("session-id"),
    PASSWORD("password"),
    SECRET("secret"),
    TOKEN("token"),
    API_KEY("api-key"),
    CREDENTIAL("credential"),
    /** A context or field key named in {@code sensitiveKeys}. */
    SENSITIVE_KEY("sensitive-key"),
    EMAIL("email", true),
    CARD_NUMBER("card-number", true),
    /** The fail-safe: the part of a field beyond {@code maxScanLength}. */
    SCAN_LIMIT("scan-limit"),
    /** The fail-safe: redaction itself failed, so the event's text was replaced. */
    REDACTION_ERROR("redaction-error");

    static final BuiltInRule[] ALL = values();

    final String ruleName;
    private final boolean optional;

    BuiltInRule(final String ruleName) {
        this(ruleName, false);
    }

    BuiltInRule(final String ruleName, final boolean optional) {
        this.ruleName = ruleName;
        this.optional = optional;
    }

    /** Off unless named in {@code enable}: rules whose matches are personal data rather than credentials. */
    public boolean optional() {
        return optional;
    }

    /** Fail-safe rules cannot be disabled: they are what keeps a secret out when detection cannot run. */
    public boolean failSafe() {
        return this == SCAN_LIMIT || this == REDACTION_ERROR;
    }

    /** Which rules are on when the configuration names none in {@code enable} or {@code disable}, by ordinal. */
    public static boolean[] enabledByDefault() {
        final boolean[] enabled = new boolean[ALL.length];
        for (final BuiltInRule rule : ALL) {
            enabled[rule.ordinal()] = !rule.optional;
        }
        return enabled;
    }

    /** The rule of this name, as the {@code enable} and {@code disable} attributes spell it, or {@code null}. */
    public static BuiltInRule named(final String name) {
        for (final BuiltInRule rule : ALL) {
            if (rule.ruleName.equals(name)) {
                return rule;
            }
        }
        return null;
    }

    /** Every rule's name, in counter order. */
    public static List<String> names() {
        final List<String> names = new ArrayList<>(ALL.length);
        for (final BuiltInRule rule : ALL) {
            names.add(rule.ruleName);
        }
        return names;
    }
}
