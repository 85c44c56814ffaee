package dev.narration.bench;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.StringMap;

/**
 * The baseline RedactionBenchmark compares against: what a redaction policy written the obvious way does — the
 * built-in rules' formats as {@code java.util.regex} patterns, run one after another over the formatted message,
 * every context value and every exception message. It detects the same kinds (not the look-alike exemptions).
 */
final class NaiveRegexRedactionPolicy implements RewritePolicy {
    private static final Pattern[] PATTERNS = {
        Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b"),
        Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}"),
        Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{40,}"),
        Pattern.compile("\\bgl(?:pat|dt|rt|ptt|cbt|ft|imt|soat|oas)-[A-Za-z0-9_-]{20,}"),
        Pattern.compile("\\bxox[baposre]-[A-Za-z0-9-]{20,}"),
        Pattern.compile("https://hooks\\.slack\\.com/\\S+"),
        Pattern.compile("\\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}"),
        Pattern.compile("\\bAIza[A-Za-z0-9_-]{35}"),
        Pattern.compile("\\bsk-(?:ant-)?[A-Za-z0-9_-]{32,}"),
        Pattern.compile("\\bSK[0-9a-f]{32}\\b"),
        Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{40,}"),
        Pattern.compile("\\bnpm_[A-Za-z0-9]{36,}"),
        Pattern.compile("\\bpypi-[A-Za-z0-9_-]{50,}"),
        Pattern.compile("\\bhf_[A-Za-z0-9]{30,}"),
        Pattern.compile("\\bhv[sbr]\\.[A-Za-z0-9_-]{24,}"),
        Pattern.compile("\\beyJ[A-Za-z0-9_-]{7,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*"),
        Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
        Pattern.compile("://[^/\\s:@]*:[^/\\s@]+@"),
        Pattern.compile("(?i)\\bauthorization\\s*[:=]\\s*(?:bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]+"),
        Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{16,}"),
        Pattern.compile("(?i)(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|accountkey|sig"
                + "|cookie|sessionid|credentials?)[\"']?\\s*[:=]>?\\s*[\"']?[^\\s\"',;&)\\]}]+"),
        Pattern.compile("(?i)^(?:.*[_.-])?(?:password|passwd|pwd|secret|token|apikey|api_key|authorization|cookie)$"),
    };
    private static final Pattern SENSITIVE_KEY = PATTERNS[PATTERNS.length - 1];

    @Override
    public LogEvent rewrite(final LogEvent event) {
        final String message = event.getMessage().getFormattedMessage();
        final String redactedMessage = redact(message);
        StringMap context = null;
        final Map<String, String> entries = event.getContextData().toMap();
        for (final Map.Entry<String, String> entry : entries.entrySet()) {
            final String value = SENSITIVE_KEY.matcher(entry.getKey()).matches() ? "[REDACTED]" : redact(entry.getValue());
            if (!value.equals(entry.getValue())) {
                if (context == null) {
                    context = ContextDataFactory.createContextData(event.getContextData());
                }
                context.putValue(entry.getKey(), value);
            }
        }
        boolean thrownDirty = false;
        for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
            final String text = t.getMessage();
            thrownDirty |= text != null && !redact(text).equals(text);
        }
        if (redactedMessage.equals(message) && context == null && !thrownDirty) {
            return event;
        }
        final Log4jLogEvent.Builder copy = new Log4jLogEvent.Builder(event).setMessage(new SimpleMessage(redactedMessage));
        if (context != null) {
            copy.setContextData(context);
        }
        return copy.build();
    }

    private static String redact(final String text) {
        String out = text;
        for (int i = 0; i < PATTERNS.length - 1; i++) {
            final Matcher matcher = PATTERNS[i].matcher(out);
            if (matcher.find()) {
                out = matcher.replaceAll("[REDACTED]");
            }
        }
        return out;
    }
}
