package dev.narration.internal.json;

import dev.narration.internal.event.Renderings;
import dev.narration.internal.event.ThrowableChain;

/**
 * A short hash of what makes a failure the same failure: the class of each throwable of the chain and, per frame,
 * its class and method, without messages, line numbers or filtered frames (which vary between builds, requests and
 * proxies), as logstash-logback-encoder's error hash leaves them out. Computed from {@link String#charAt} with 32-bit
 * FNV-1a, whose result the JDK does not change between runs, so the same failure has the same hash across events and
 * restarts (docs/layout.md#stack-traces). Hashes at most {@link StackTraceLimits#maxFrames()} frames: bounded work.
 */
public final class StackTraceHash {
    private static final int OFFSET = 0x811c9dc5;
    private static final int PRIME = 0x01000193;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private StackTraceHash() {}

    /** The hash of the walked chain. */
    public static int of(final ThrowableChain chain, final StackTraceShape shape, final StackTraceLimits limits) {
        int hash = OFFSET;
        int framesLeft = limits.maxFrames();
        for (int i = 0, n = chain.size(); i < n; i++) {
            if (chain.sameAs(i) >= 0) {
                continue;
            }
            final Throwable throwable = chain.throwable(i);
            hash = mix(mix(hash, Renderings.classNameOf(throwable)), '\n');
            final StackTraceElement[] frames = throwable.getStackTrace();
            for (int f = 0; frames != null && f < frames.length && framesLeft > 0; f++) {
                final String className = frames[f].getClassName();
                if (!shape.filters(className)) {
                    hash = mix(mix(mix(hash, className), '.'), frames[f].getMethodName());
                    framesLeft--;
                }
            }
        }
        return hash;
    }

    /** Writes the hash as 8 lower-case hex digits. */
    public static void writeHex(final JsonLine out, final int hash) {
        for (int shift = 28; shift >= 0; shift -= 4) {
            out.append(HEX[(hash >>> shift) & 0xf]);
        }
    }

    private static int mix(final int hash, final String text) {
        int h = hash;
        if (text != null) {
            for (int i = 0, n = text.length(); i < n; i++) {
                final char c = text.charAt(i);
                h = (h ^ (c & 0xff)) * PRIME;
                h = (h ^ (c >>> 8)) * PRIME;
            }
        }
        return h;
    }

    private static int mix(final int hash, final char c) {
        return ((hash ^ c) * PRIME);
    }
}
