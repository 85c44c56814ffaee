package dev.narration.testsupport;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads logfmt text strictly, as a log tool would: {@code key=value} pairs separated by one space; a quoted key or
 * value may hold {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX}. Anything
 * else (a raw control character, a bare quote, an unknown escape, a missing {@code =}) fails the test.
 */
public final class LogfmtPairs {
    private final String text;
    private int at;

    private LogfmtPairs(final String text) {
        this.text = text;
    }

    /** The pairs in order, values decoded. */
    public static List<Map.Entry<String, String>> parse(final String text) {
        final LogfmtPairs reader = new LogfmtPairs(text);
        final List<Map.Entry<String, String>> pairs = new ArrayList<>();
        while (reader.at < text.length()) {
            if (!pairs.isEmpty()) {
                reader.expect(' ');
            }
            final String key = reader.token();
            reader.expect('=');
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(key, reader.token()));
        }
        return pairs;
    }

    private void expect(final char c) {
        if (at >= text.length() || text.charAt(at) != c) {
            throw new AssertionError("expected '" + c + "' at " + at + " in: " + text);
        }
        at++;
    }

    private String token() {
        final StringBuilder token = new StringBuilder();
        if (at < text.length() && text.charAt(at) == '"') {
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw new AssertionError("unterminated quote in: " + text);
                }
                final char c = text.charAt(at++);
                if (c == '"') {
                    return token.toString();
                }
                if (c == '\\') {
                    token.append(escape());
                } else {
                    token.append(plain(c));
                }
            }
        }
        while (at < text.length() && text.charAt(at) != ' ' && text.charAt(at) != '=') {
            final char c = text.charAt(at++);
            if (c == '"' || c == '\\') {
                throw new AssertionError("unquoted '" + c + "' at " + (at - 1) + " in: " + text);
            }
            token.append(plain(c));
        }
        if (token.length() == 0) {
            throw new AssertionError("empty unquoted token at " + at + " in: " + text);
        }
        return token.toString();
    }

    private char plain(final char c) {
        if (c < ' ' || c >= '\u007f' && c <= '\u009f' || c == '\u2028' || c == '\u2029') {
            throw new AssertionError(String.format("raw control character U+%04X at %d in: %s", (int) c, at - 1, text));
        }
        return c;
    }

    private char escape() {
        if (at >= text.length()) {
            throw new AssertionError("dangling backslash in: " + text);
        }
        final char c = text.charAt(at++);
        switch (c) {
            case '"':
            case '\\':
                return c;
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (at + 4 > text.length()) {
                    throw new AssertionError("short \\u escape in: " + text);
                }
                at += 4;
                return (char) Integer.parseInt(text.substring(at - 4, at), 16);
            default:
                throw new AssertionError("unknown escape \\" + c + " in: " + text);
        }
    }
}
