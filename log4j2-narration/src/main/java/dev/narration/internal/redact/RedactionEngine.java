package dev.narration.internal.redact;

import dev.narration.internal.docs.DocPages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The redaction engine: finds secrets in text and replaces each with a mask naming the rule that found it
 * ({@code [REDACTED:github-token]} by default). The engine behind a {@code <Redaction>} element or a
 * {@code <RedactionRewritePolicy>}, which build it with the same attributes (docs/redaction.md).
 *
 * <p>Clean text, which is nearly all text, is scanned once and returned as the very same object, without
 * allocation. Only text with a hit is copied. Thread-safe and immutable apart from its counters.
 */
public final class RedactionEngine {
    /** The mask unless {@code mask} says otherwise; {@code {rule}} is replaced by the rule's name. */
    public static final String DEFAULT_MASK = "[REDACTED:{rule}]";
    /** Characters scanned per field unless {@code maxScanLength} says otherwise. */
    public static final int DEFAULT_MAX_SCAN_LENGTH = 1 << 20;
    /** The longest {@code maxScanLength}: hits pack their offsets into 28 bits. */
    public static final int MAX_SCAN_LENGTH = TokenScanner.MAX_OFFSET;
    /**
     * How far back from {@code maxScanLength} the scan of a longer text may end, at the last character no token
     * holds: a secret that crosses the limit is then masked whole with the rest. Longer than any token a rule finds
     * by its format.
     */
    static final int SCAN_END_LOOKBACK = 4096;
    private static final ThreadLocal<ScanBuffer> BUFFERS = ThreadLocal.withInitial(ScanBuffer::new);
    // What redactMessage does with a message's text.
    private static final int SCAN = 0;
    private static final int CONSTANT = 1;
    private static final int CLEAN = 2;

    private final String name;
    private final TokenScanner scanner;
    private final SensitiveNames names;
    private final UserRule[] userRules;
    /** The mask of each rule: built-ins by ordinal, then the user rules. */
    private final String[] masks;
    private final int maxScanLength;
    private final RuleCounts counts;

    /**
     * An engine with the given built-in rules on ({@code enabled}, by {@link BuiltInRule} ordinal), extra sensitive
     * key names, mask template, scan limit and user rules; {@code secondStage} counts the scanner's second-stage
     * entries for diagnostics, or is {@code null}.
     */
    public RedactionEngine(
            final String name,
            final boolean[] enabled,
            final List<String> sensitiveKeys,
            final String mask,
            final int maxScanLength,
            final List<UserRule> userRules,
            final LongAdder secondStage) {
        this.name = name;
        this.names = SensitiveNames.of(enabled, sensitiveKeys);
        this.scanner = new TokenScanner(enabled, names, secondStage);
        this.userRules = userRules.toArray(new UserRule[0]);
        this.maxScanLength = maxScanLength;
        final List<String> ruleNames = new ArrayList<>(BuiltInRule.names());
        for (final UserRule rule : userRules) {
            ruleNames.add(rule.name());
        }
        this.masks = new String[ruleNames.size()];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = mask.replace("{rule}", ruleNames.get(i));
        }
        this.counts = new RuleCounts(ruleNames);
    }

    public String name() {
        return name;
    }

    /** What this engine has masked, per rule. */
    public RuleCounts counts() {
        return counts;
    }

    /** The text with its secrets masked: the same instance when there was nothing to mask. */
    public String redact(final String text) {
        if (text == null) {
            return null;
        }
        final int limit = Math.min(text.length(), maxScanLength);
        final char[] chars = buffer().fill(text, limit);
        final int end = scanEnd(text, chars, limit);
        final long first = firstHit(chars, end);
        if (isClean(text, first)) {
            return text;
        }
        final StringBuilder out = new StringBuilder(text.length() + 32);
        return redactSlow(text, chars, end, first, out) ? out.toString() : text;
    }

    /**
     * Redacts into a caller's buffer, for encoders that reuse buffers: returns {@code text} itself when there was
     * nothing to mask, else {@code out}, cleared and holding the redacted text. {@code out} must not be
     * {@code text}.
     */
    public CharSequence redact(final CharSequence text, final StringBuilder out) {
        return redact(text, out, buffer());
    }

    /** As {@link #redact(CharSequence, StringBuilder)}, scanning in the caller's buffer. */
    public CharSequence redact(final CharSequence text, final StringBuilder out, final ScanBuffer buffer) {
        final int limit = Math.min(text.length(), maxScanLength);
        final char[] chars = buffer.fill(text, limit);
        final int end = scanEnd(text, chars, limit);
        final long first = firstHit(chars, end);
        if (isClean(text, first)) {
            return text;
        }
        out.setLength(0);
        return redactSlow(text, chars, end, first, out) ? out : text;
    }

    /**
     * As {@link #redact(CharSequence, StringBuilder, ScanBuffer)}, for a value that recurs as the same
     * {@code String} object on many events, such as a context value: once found clean it is remembered by identity
     * in the buffer and not scanned again (a string's content cannot change).
     */
    public CharSequence redactRecurring(final CharSequence text, final StringBuilder out, final ScanBuffer buffer) {
        if (buffer.remembers(this, text, false)) {
            return text;
        }
        final CharSequence result = redact(text, out, buffer);
        if (result == text) {
            buffer.remember(this, text, false);
        }
        return result;
    }

    /**
     * As {@link #redact(CharSequence, StringBuilder, ScanBuffer)}, for the formatted text of a message, which is
     * often scanned only in part:
     * <ul>
     * <li>A constant message, whose {@link Message#getFormat() format} has no {@code {}} placeholder, such as
     *     {@code logger.info("Cache warmed")}, formats to its format, the same {@code String} object on every event.
     *     When the text has the format's content, the format is treated as a recurring value, and a clean one is
     *     not scanned again.
     * <li>A parameterized message, such as {@code logger.info("Job {} queued at {}", id, position)}, is scanned
     *     around its arguments only: where the text is found to hold the pieces of the format between them, only
     *     the positions of interest the format shows there are looked at (see {@code MessageTemplate}).
     * </ul>
     * Both shortcuts check the text's content, so they are exact whatever the message type: a text that is not
     * shown clean this way is scanned in full.
     */
    public CharSequence redactMessage(
            final Message message, final CharSequence text, final StringBuilder out, final ScanBuffer buffer) {
        final String format = formatOf(message);
        switch (shortcut(format, text, buffer)) {
            case CONSTANT:
                return redactRecurring(format, out, buffer);
            case CLEAN:
                return text;
            default:
                return redact(text, out, buffer);
        }
    }

    /** {@link #isClean(CharSequence, ScanBuffer)} for a message's formatted text, as {@link #redactMessage}. */
    public boolean isCleanMessage(final Message message, final CharSequence text, final ScanBuffer buffer) {
        final String format = formatOf(message);
        switch (shortcut(format, text, buffer)) {
            case CONSTANT:
                return isCleanRecurring(format, buffer);
            case CLEAN:
                return true;
            default:
                return isClean(text, buffer);
        }
    }

    /**
     * Which of {@link #redactMessage}'s shortcuts applies: {@link #CONSTANT} when the text has the content of a
     * format without placeholders, {@link #CLEAN} when it is shown clean around its arguments, else {@link #SCAN}.
     */
    private int shortcut(final String format, final CharSequence text, final ScanBuffer buffer) {
        if (format == null) {
            return SCAN;
        }
        final MessageTemplate template = buffer.template(format);
        if (template == null || !template.splits()) {
            return buffer.sameContent(format, text) ? CONSTANT : SCAN;
        }
        return text.length() <= maxScanLength && template.provesClean(scanner, text, buffer)
                && isClean(text, TokenScanner.NONE) ? CLEAN : SCAN;
    }

    /** The message's format; {@code null} when it has none or fails to give it, so that its text is scanned whole. */
    static String formatOf(final Message message) {
        try {
            return message == null ? null : message.getFormat();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether a context or field key is sensitive, so that its whole value is masked without scanning. */
    public boolean isSensitiveKey(final CharSequence key) {
        return isSensitiveKey(key, buffer());
    }

    /** As {@link #isSensitiveKey(CharSequence)}, using the caller's buffer. */
    public boolean isSensitiveKey(final CharSequence key, final ScanBuffer buffer) {
        return key != null && ruleOfKey(key, buffer) >= 0;
    }

    /**
     * The mask for the value of a sensitive key, counted as masked; {@code null} when the key is not sensitive.
     * Callers mask non-empty values only.
     */
    public String maskForKey(final CharSequence key) {
        return maskForKey(key, buffer());
    }

    /** As {@link #maskForKey(CharSequence)}, using the caller's buffer. */
    public String maskForKey(final CharSequence key, final ScanBuffer buffer) {
        if (key == null) {
            return null;
        }
        final int rule = ruleOfKey(key, buffer);
        if (rule < 0) {
            return null;
        }
        counts.increment(rule);
        return masks[rule];
    }

    /** The fail-safe mask used when redaction itself failed, counted. */
    public String failureMask() {
        counts.increment(BuiltInRule.REDACTION_ERROR.ordinal());
        return masks[BuiltInRule.REDACTION_ERROR.ordinal()];
    }

    /**
     * Whether the text has nothing to mask: the check without the copy, and without counting. The caller's
     * buffer saves a thread-local look-up per value.
     */
    public boolean isClean(final CharSequence text, final ScanBuffer buffer) {
        // A text over the limit is never clean: what lies beyond the limit is masked.
        return text.length() <= maxScanLength && isClean(text, firstHit(buffer.fill(text, text.length()), text.length()));
    }

    /**
     * {@link #isClean(CharSequence, ScanBuffer)} for values that recur as the same object on many events, such as
     * context values: a string found clean is remembered by identity and not scanned again.
     */
    public boolean isCleanRecurring(final CharSequence text, final ScanBuffer buffer) {
        if (buffer.remembers(this, text, false)) {
            return true;
        }
        final boolean clean = isClean(text, buffer);
        if (clean) {
            buffer.remember(this, text, false);
        }
        return clean;
    }

    private int ruleOfKey(final CharSequence key, final ScanBuffer buffer) {
        if (buffer.remembers(this, key, true)) {
            return -1;
        }
        final int rule = names.ruleOf(buffer.fill(key, key.length()), 0, key.length());
        if (rule < 0) {
            buffer.remember(this, key, true);
        }
        return rule;
    }

    private static ScanBuffer buffer() {
        return Constants.ENABLE_THREADLOCALS ? BUFFERS.get() : new ScanBuffer();
    }

    /**
     * Where the scan of a text ends: its end, or, past {@code maxScanLength}, right after the last character before
     * the limit that no token holds (anything but a letter, a digit, {@code + / = _ - . %}), looking back at most
     * {@link #SCAN_END_LOOKBACK} characters, else that far back. Everything from there on is masked as
     * {@code scan-limit}, so that a token crossing the limit is masked whole rather than shown in part.
     */
    private int scanEnd(final CharSequence text, final char[] chars, final int limit) {
        if (text.length() <= limit || !isTokenCharacter(text.charAt(limit))) {
            return limit;
        }
        final int earliest = Math.max(0, limit - SCAN_END_LOOKBACK);
        for (int i = limit - 1; i >= earliest; i--) {
            if (!isTokenCharacter(chars[i])) {
                return i + 1;
            }
        }
        return earliest;
    }

    /** Whether a character may be part of a token a rule finds by its format: a letter, a digit, {@code + / = _ - . %}. */
    private static boolean isTokenCharacter(final char c) {
        return CharClasses.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-' || c == '.'
                || c == '%';
    }

    /** The first hit that masks something; placeholders ({@link TokenScanner#SKIP}) are passed over. */
    private long firstHit(final char[] chars, final int limit) {
        long hit = scanner.find(chars, 0, limit);
        while (hit != TokenScanner.NONE && TokenScanner.rule(hit) == TokenScanner.SKIP) {
            hit = scanner.find(chars, TokenScanner.end(hit), limit);
        }
        return hit;
    }

    private boolean isClean(final CharSequence text, final long first) {
        if (first != TokenScanner.NONE || text.length() > maxScanLength) {
            return false;
        }
        for (final UserRule rule : userRules) {
            if (rule.mayMatch(text)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the redacted text to {@code out}, its first {@code limit} characters scanned and the rest, if any,
     * masked; returns whether anything was masked.
     */
    private boolean redactSlow(
            final CharSequence text, final char[] chars, final int limit, final long first, final StringBuilder out) {
        final int start = out.length();
        boolean changed = false;
        int copied = 0;
        for (long hit = first; hit != TokenScanner.NONE; hit = scanner.find(chars, TokenScanner.end(hit), limit)) {
            final int rule = TokenScanner.rule(hit);
            if (rule == TokenScanner.SKIP) {
                continue;
            }
            copied = mask(text, copied, hit, out);
            changed = true;
            if (rule == BuiltInRule.AWS_ACCESS_KEY_ID.ordinal()) {
                final long secret = scanner.awsSecretAfter(chars, TokenScanner.end(hit), limit);
                if (secret != TokenScanner.NONE) {
                    copied = mask(text, copied, secret, out);
                    hit = secret;
                }
            }
        }
        out.append(text, copied, limit);
        if (text.length() > maxScanLength) {
            out.append(masks[BuiltInRule.SCAN_LIMIT.ordinal()]);
            counts.increment(BuiltInRule.SCAN_LIMIT.ordinal());
            changed = true;
        }
        return applyUserRules(out, start) || changed;
    }

    private int mask(final CharSequence text, final int copied, final long hit, final StringBuilder out) {
        final int rule = TokenScanner.rule(hit);
        out.append(text, copied, TokenScanner.start(hit)).append(masks[rule]);
        counts.increment(rule);
        return TokenScanner.end(hit);
    }

    /**
     * Runs the user rules over {@code out[start..]}, which holds the text after the built-in rules. Each run reads
     * the text through a step budget ({@link BudgetedText}); a rule that spends it masks the whole text with its own
     * mask, counted under its name (fail closed), and is reported once.
     */
    private boolean applyUserRules(final StringBuilder out, final int start) {
        boolean changed = false;
        for (int r = 0; r < userRules.length; r++) {
            final UserRule rule = userRules[r];
            if (!rule.mayMatch(out, start)) {
                continue;
            }
            final int ruleIndex = BuiltInRule.ALL.length + r;
            final BudgetedText current = new BudgetedText(out, start, out.length());
            final Matcher matcher = rule.pattern().matcher(current);
            StringBuilder replaced = null;
            int copied = 0;
            try {
                while (matcher.find()) {
                    if (matcher.end() == matcher.start()) {
                        continue;
                    }
                    if (replaced == null) {
                        replaced = new StringBuilder(current.length());
                    }
                    replaced.append(out, start + copied, start + matcher.start()).append(masks[ruleIndex]);
                    counts.increment(ruleIndex);
                    copied = matcher.end();
                }
            } catch (BudgetedText.Exhausted e) {
                reportBudget(rule, current.length());
                out.setLength(start);
                out.append(masks[ruleIndex]);
                counts.increment(ruleIndex);
                changed = true;
                continue;
            }
            if (replaced != null) {
                replaced.append(out, start + copied, out.length());
                out.setLength(start);
                out.append(replaced);
                changed = true;
            }
        }
        return changed;
    }

    private void reportBudget(final UserRule rule, final int length) {
        if (rule.firstBudgetExhaustion()) {
            StatusLogger.getLogger().warn("RedactionRule name=\"{}\" of {}: pattern=\"{}\" read a text of {} characters more "
                    + "than {} times per character and was stopped; the text was masked whole. Rewrite the pattern "
                    + "without nested quantifiers, and give it keywords (" + DocPages.REDACTION + "#user-rules). Reported once.",
                    rule.name(), name, rule.pattern(), length, BudgetedText.STEPS_PER_CHAR);
        }
    }

    @Override
    public String toString() {
        return "RedactionEngine{name=" + name + ", userRules=" + userRules.length + ", maxScanLength=" + maxScanLength + '}';
    }
}
