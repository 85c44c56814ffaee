package dev.narration.internal.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Correlation;
import dev.narration.testsupport.Allocations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class CorrelationIdsTest {
    @Test
    void generatedIdIsAValidTimeOrderedUlid() {
        // Not a timing assertion: the id must carry the wall-clock time at which it was generated.
        final long before = System.currentTimeMillis();
        final String id = Correlation.newId();
        assertThat(id).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(Correlation.isValid(id)).isTrue();
        assertThat(decodeMillis(id)).isBetween(before, System.currentTimeMillis());

        // Ids of a later millisecond sort after, whatever their random part: stamped explicitly, no sleeping.
        final long millis = 1_763_708_809_123L;
        final String earlier = CorrelationIds.generate(millis);
        final String later = CorrelationIds.generate(millis + 1);
        assertThat(decodeMillis(earlier)).isEqualTo(millis);
        assertThat(later.substring(0, 10)).isGreaterThan(earlier.substring(0, 10));
    }

    @Test
    void idsAreUniqueAcrossThreads() throws InterruptedException {
        final Set<String> all = ConcurrentHashMap.newKeySet();
        final List<Thread> threads = new ArrayList<>();
        final int perThread = 50_000;
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    all.add(CorrelationIds.generate());
                }
            }));
        }
        threads.forEach(Thread::start);
        for (final Thread thread : threads) {
            thread.join();
        }
        assertThat(all).hasSize(4 * perThread);
    }

    @Test
    void randomPartUsesAllCharactersOfEveryPosition() {
        // Each of the 16 random positions must vary: a stuck position would mean fewer than 80 random bits.
        final List<Set<Character>> seen = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            seen.add(new HashSet<>());
        }
        for (int n = 0; n < 5_000; n++) {
            final String id = CorrelationIds.generate();
            for (int i = 0; i < 16; i++) {
                seen.get(i).add(id.charAt(10 + i));
            }
        }
        assertThat(seen).allSatisfy(position -> assertThat(position).hasSize(32));
    }

    @Test
    void generatingAnIdAllocatesOnlyTheString() {
        final double perCall = Allocations.perCall(200_000, 100_000, CorrelationIds::generate);
        // One String: 24 bytes, with its 26-byte array 16 + 26 padded to 48; nothing else.
        assertThat(perCall).isLessThanOrEqualTo(72);
    }

    @Test
    void validationAcceptsOnlyShortSafeIds() {
        assertThat(Correlation.isValid("req-42")).isTrue();
        assertThat(Correlation.isValid("a.b_c:d-E9")).isTrue();
        assertThat(Correlation.isValid("x".repeat(64))).isTrue();
        assertThat(Correlation.isValid("x".repeat(65))).isFalse();
        assertThat(Correlation.isValid("")).isFalse();
        assertThat(Correlation.isValid(null)).isFalse();
        assertThat(Correlation.isValid("req 42")).isFalse();
        assertThat(Correlation.isValid("req-42\r\n{\"level\":\"INFO\"}")).isFalse();
        assertThat(Correlation.isValid("\"quoted\"")).isFalse();
        assertThat(Correlation.isValid("'single'")).isFalse();
        assertThat(Correlation.isValid("réq-42")).isFalse();
        assertThat(Correlation.isValid("req-😀")).isFalse();
        assertThat(Correlation.isValid("${jndi:ldap://x}")).isFalse();
    }

    private static long decodeMillis(final String id) {
        final String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = (millis << 5) | alphabet.indexOf(id.charAt(i));
        }
        return millis;
    }
}
