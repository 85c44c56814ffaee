package dev.narration.internal.redact;

import java.util.List;

/**
 * The built-in rules at their defaults, asked about text known before run time: the javac plugin's {@code secret}
 * check ({@code dev.narration.checks}) runs them on constant messages and arguments. Only the scanner is reached
 * from here, which needs no Log4j class, as the plugin runs with the bundle alone on the processor path. User
 * {@code <Rule>}s are configuration, so they are a run-time matter. Not an API for applications.
 */
public final class ConstantSecrets {
    private static final SensitiveNames NAMES = SensitiveNames.of(BuiltInRule.enabledByDefault(), List.of());
    private static final TokenScanner SCANNER = new TokenScanner(BuiltInRule.enabledByDefault(), NAMES, null);

    private ConstantSecrets() {}

    /**
     * The name of the first rule ({@code github-token}, {@code password}, …) that would mask part of the text, or
     * {@code null} when the engine would leave it as it is.
     */
    public static String ruleMasking(final String text) {
        final char[] chars = text.toCharArray();
        long hit = SCANNER.find(chars, 0, chars.length);
        while (hit != TokenScanner.NONE && TokenScanner.rule(hit) == TokenScanner.SKIP) {
            hit = SCANNER.find(chars, TokenScanner.end(hit), chars.length);
        }
        return hit == TokenScanner.NONE ? null : BuiltInRule.ALL[TokenScanner.rule(hit)].ruleName;
    }

    /** The name of the rule that masks every value of a field or context key of this name, or {@code null}. */
    public static String ruleOfKey(final String key) {
        final int rule = NAMES.ruleOf(key.toCharArray(), 0, key.length());
        return rule < 0 ? null : BuiltInRule.ALL[rule].ruleName;
    }
}
