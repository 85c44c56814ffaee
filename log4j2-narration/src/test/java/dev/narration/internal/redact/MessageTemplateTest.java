package dev.narration.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.redact.RedactionCorpusTest;
import dev.narration.redact.Redactor;
import dev.narration.testsupport.SecretCorpus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.junit.jupiter.api.Test;

/**
 * A parameterized message is scanned only around its arguments ({@link MessageTemplate}). Every line of the secret
 * corpus and every look-alike is cut at random into a format and arguments of each kind (known and unknown
 * rendered length), as a {@code ParameterizedMessage} and as a reusable one: the template must find clean exactly
 * the texts a full scan finds clean, and redaction must give what it gives for the whole text, also when the
 * message's format and arguments do not belong to its text.
 */
class MessageTemplateTest {
    private static final boolean[] ALL_RULES = allRules();
    private static final TokenScanner SCANNER = new TokenScanner(ALL_RULES, SensitiveNames.of(ALL_RULES, List.of()), null);

    @Test
    void theTemplateFindsCleanExactlyTheTextsAFullScanFindsClean() {
        final Random random = new Random(2026_11_21L);
        final ScanBuffer buffer = new ScanBuffer();
        int exact = 0;
        int provenClean = 0;
        for (final String line : lines()) {
            for (int round = 0; round < 6; round++) {
                final Message message = cut(line, random);
                final String text = message.getFormattedMessage();
                final MessageTemplate template = new MessageTemplate();
                template.prepare(message.getFormat());
                final boolean proven = template.provesClean(SCANNER, new StringBuilder(text), buffer);
                final boolean clean = SCANNER.find(text.toCharArray(), 0, text.length()) == TokenScanner.NONE;
                if (proven) {
                    assertThat(clean).as("proven clean, but a full scan finds a token in: %s", text).isTrue();
                    provenClean++;
                }
                if (text.equals(line) && placeholders(message.getFormat()) == placeholdersFilled(message)
                        && message.getFormat().indexOf('\\') < 0) {
                    assertThat(proven).as("format %s, text %s", message.getFormat(), text).isEqualTo(clean);
                    exact++;
                }
            }
        }
        assertThat(exact).isGreaterThan(8_000);
        assertThat(provenClean).isGreaterThan(1_000);
    }

    @Test
    void aParameterizedMessageIsRedactedExactlyAsItsWholeText() {
        final Random random = new Random(42);
        final List<String> lines = lines();
        for (final RedactionEngine redactor : List.of(EngineAccess.of(Redactor.defaults()),
                EngineAccess.of(Redactor.newBuilder().setName("template-all-rules").setEnable("email,card-number").build()))) {
            final ScanBuffer buffer = new ScanBuffer();
            final StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                final Message message = cut(lines.get(i), random);
                // Its own text, then another line's text under the same format and arguments.
                for (final String text : List.of(message.getFormattedMessage(),
                        lines.get(random.nextInt(lines.size())))) {
                    final String whole = redactor.redact(text);
                    final CharSequence result = redactor.redactMessage(message, new StringBuilder(text), out, buffer);
                    assertThat(result.toString()).as("format %s", message.getFormat()).isEqualTo(whole);
                    if (whole == text) {
                        assertThat(result).isNotSameAs(out);
                    }
                }
            }
        }
    }

    /**
     * One format over many events, as a service logs it: arguments of the same and of other lengths, clean and
     * secret, so that a layout is reused, laid out anew, and reused with other text, on plain and async-style
     * (reusable) messages alike.
     */
    @Test
    void aFormatReusedWithManyArgumentsIsRedactedExactlyAsTheWholeText() {
        final Random random = new Random(7);
        final List<SecretCorpus.Sample> samples = SecretCorpus.samples(99, 2);
        final RedactionEngine redactor = EngineAccess.of(Redactor.defaults());
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder out = new StringBuilder();
        final String[] formats = {"Accepted job {} from {}; queued at position {} of 17", "{}={}", "user {} logged in",
            "connecting to {} with {} after {} ms", "token: {}", "{}", "retry {} of {}: {}"};
        int clean = 0;
        for (int event = 0; event < 20_000; event++) {
            final String format = formats[random.nextInt(formats.length)];
            final Object[] arguments = new Object[3];
            for (int k = 0; k < arguments.length; k++) {
                final SecretCorpus.Sample sample = samples.get(random.nextInt(samples.size()));
                switch (random.nextInt(6)) {
                    case 0:
                        arguments[k] = sample.value;
                        break;
                    case 1:
                        arguments[k] = sample.key;
                        break;
                    case 2:
                        arguments[k] = new StringBuilder("pool-").append(random.nextInt(3));
                        break;
                    default:
                        arguments[k] = random.nextInt(random.nextBoolean() ? 10 : 100_000);
                }
            }
            final Message message = random.nextBoolean() ? new ParameterizedMessage(format, arguments)
                    : new ReusableParameterizedMessage().set(format, arguments);
            final StringBuilder text = new StringBuilder(message.getFormattedMessage());
            final String whole = redactor.redact(text.toString());
            final CharSequence result = redactor.redactMessage(message, text, out, buffer);
            assertThat(result.toString()).as("%s", text).isEqualTo(whole);
            if (result == text) {
                clean++;
            }
        }
        assertThat(clean).isGreaterThan(5_000);
    }

    @Test
    void aSecretSplitBetweenTheFormatAndAnArgumentIsMasked() {
        final RedactionEngine redactor = EngineAccess.of(Redactor.defaults());
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder out = new StringBuilder();
        final String token = SecretCorpus.githubToken("ghp_", "a".repeat(30));
        for (int round = 0; round < 3; round++) {
            assertThat(redactor.redactMessage(new ParameterizedMessage("pushing with ghp_{} now", token.substring(4)),
                    new StringBuilder("pushing with " + token + " now"), out, buffer).toString())
                    .isEqualTo("pushing with [REDACTED:github-token] now");
            assertThat(redactor.redactMessage(new ParameterizedMessage("{} {}={} now", "applying", "password", 42),
                    new StringBuilder("applying password=42 now"), out, buffer).toString())
                    .isEqualTo("applying password=[REDACTED:password] now");
        }
    }

    /**
     * A token starts where its first three characters say it may ({@link TokenScanner#mayFindAt} reads the boundary
     * and three characters after it), so a piece that ends one, two or three characters into a token leaves the
     * boundary before it to be looked at with the argument.
     */
    @Test
    void aTokenWhoseFirstCharactersEndAPieceIsMasked() {
        final RedactionEngine redactor = EngineAccess.of(Redactor.defaults());
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder out = new StringBuilder();
        final String token = SecretCorpus.githubToken("ghp_", "b".repeat(30));
        for (int cut = 1; cut <= 4; cut++) {
            final String format = "pushing with " + token.substring(0, cut) + "{} now";
            for (int round = 0; round < 3; round++) {
                assertThat(redactor.redactMessage(new ParameterizedMessage(format, token.substring(cut)),
                        new StringBuilder("pushing with " + token + " now"), out, buffer).toString())
                        .as("format %s", format).isEqualTo("pushing with [REDACTED:github-token] now");
            }
        }
    }

    /**
     * Arguments that nearly repeat a piece make the search for the pieces give up and the text be scanned whole
     * (so the work stays linear); one that holds the next piece whole puts it first where it occurs. Either way
     * the result is the full scan's.
     */
    @Test
    void piecesNearlyRepeatedByTheArgumentsAreSearchedWithinALimitAndRedactedExactly() {
        final RedactionEngine redactor = EngineAccess.of(Redactor.defaults());
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder out = new StringBuilder();
        final String format = "start {}" + "a".repeat(40) + "b {} token={} end";
        for (final String filler : List.of("a".repeat(7_000), "a".repeat(40) + "b and " + "a".repeat(40) + "b", "x")) {
            for (int round = 0; round < 2; round++) {
                final Message message = new ParameterizedMessage(format, filler, "mid", "s3cr3t-value");
                final String text = message.getFormattedMessage();
                assertThat(redactor.redactMessage(message, new StringBuilder(text), out, buffer).toString())
                        .isEqualTo(redactor.redact(text)).doesNotContain("s3cr3t-value");
            }
        }
        // A clean text: proven clean around its arguments unless the search gave up.
        final String clean = "start {}" + "a".repeat(40) + "b {} value {} end";
        final MessageTemplate template = new MessageTemplate();
        template.prepare(clean);
        for (final String filler : List.of("a".repeat(7_000), "a".repeat(40) + "b and " + "a".repeat(40) + "b", "x")) {
            final String text = new ParameterizedMessage(clean, filler, "mid", "42").getFormattedMessage();
            assertThat(SCANNER.find(text.toCharArray(), 0, text.length())).isEqualTo(TokenScanner.NONE);
            assertThat(template.provesClean(SCANNER, new StringBuilder(text), buffer))
                    .as("filler of %d characters", filler.length()).isEqualTo(filler.length() < 7_000);
        }
    }

    /** A format is split from its second event in its slot on: one that only passes by costs no split. */
    @Test
    void aFormatIsSplitWhenItComesASecondTimeAndAConstantNever() {
        final ScanBuffer buffer = new ScanBuffer();
        final String format = new String("Accepted job {} from {}");
        assertThat(buffer.template(format)).isNull();
        final MessageTemplate template = buffer.template(format);
        assertThat(template).isNotNull();
        assertThat(template.splits()).isTrue();
        assertThat(buffer.template(format)).isSameAs(template);
        final String constant = new String("Cache warmed");
        buffer.template(constant);
        assertThat(buffer.template(constant).splits()).isFalse();
    }

    /**
     * A buffer's split formats serve every engine that uses it (a thread may write to a layout and a policy with
     * different rules); each engine's positions of interest are found for its own scanner. Engines taking turns on
     * texts of one format must each redact exactly as it redacts the whole text.
     */
    @Test
    void enginesWithOtherRulesTakingTurnsOnOneBufferEachRedactExactly() {
        final RedactionEngine withEmail = EngineAccess.of(Redactor.newBuilder().setName("with-email").setEnable("email").build());
        final RedactionEngine plain = EngineAccess.of(Redactor.newBuilder().setName("plain").build());
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder out = new StringBuilder();
        final String format = "mail bob@example.com about job {} (try {})";
        int emailMasked = 0;
        for (int event = 0; event < 40; event++) {
            // The engine with fewer positions of interest first, so that the other must find its own.
            final RedactionEngine redactor = event / 2 % 2 == 0 ? plain : withEmail;
            final String argument = event % 5 == 0 ? "password=hunter" + event : Integer.toString(event % 10);
            final Message message = new ParameterizedMessage(format, event, argument);
            final String text = message.getFormattedMessage();
            final String result = redactor.redactMessage(message, new StringBuilder(text), out, buffer).toString();
            assertThat(result).as("event %d by %s", event, redactor.name()).isEqualTo(redactor.redact(text));
            if (redactor == withEmail) {
                assertThat(result).doesNotContain("bob@example.com");
                emailMasked++;
            } else {
                assertThat(result).contains("bob@example.com");
            }
        }
        assertThat(emailMasked).isEqualTo(20);
    }

    /** Every kind of secret alone and in the corpus's text contexts, the look-alikes, and clean sentences. */
    private static List<String> lines() {
        final List<String> lines = new ArrayList<>();
        for (final SecretCorpus.Sample sample : SecretCorpus.samples(7_11, 2)) {
            lines.add(sample.value); // a token at the very start of the text, with no boundary before it
            for (final RedactionCorpusTest.Embedding embedding : RedactionCorpusTest.Embedding.values()) {
                final String line = embedding.line(sample.key, sample.value);
                if (line != null && !(embedding.keyless && sample.kind.keyed)) {
                    lines.add(line);
                }
            }
        }
        lines.addAll(SecretCorpus.lookAlikes(7));
        lines.add("Accepted request for job-123 from pool-a; queued at position 3 of 17, predicted start in 420 ms");
        lines.add("user bob@example.com paid with 4111 1111 1111 1111 at 12:30");
        lines.add("");
        return lines;
    }

    /**
     * The line as a message: cut at up to six random points into a format's pieces and the arguments between
     * them, each argument of a random kind (a trailing throwable sometimes), plain or reusable.
     */
    private static Message cut(final String line, final Random random) {
        final int[] points = new int[2 * (1 + random.nextInt(3))];
        for (int k = 0; k < points.length; k++) {
            points[k] = random.nextInt(line.length() + 1);
        }
        Arrays.sort(points);
        final StringBuilder format = new StringBuilder();
        final List<Object> arguments = new ArrayList<>();
        int copied = 0;
        for (int k = 0; k < points.length; k += 2) {
            format.append(line, copied, points[k]).append("{}");
            arguments.add(argument(line.substring(points[k], points[k + 1]), random));
            copied = points[k + 1];
        }
        format.append(line, copied, line.length());
        if (random.nextInt(8) == 0) {
            arguments.add(new IllegalStateException("not rendered"));
        }
        final Object[] array = arguments.toArray();
        return random.nextBoolean()
                ? new ParameterizedMessage(format.toString(), array)
                : new ReusableParameterizedMessage().set(format.toString(), array);
    }

    private static Object argument(final String text, final Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return text;
            case 1:
                return new StringBuilder(text);
            case 2:
                try {
                    final long number = Long.parseLong(text);
                    return Long.toString(number).equals(text) ? (Object) number : text;
                } catch (NumberFormatException e) {
                    return text;
                }
            default:
                return new Object() {
                    @Override
                    public String toString() {
                        return text;
                    }
                };
        }
    }

    private static int placeholders(final String format) {
        int count = 0;
        for (int i = format.indexOf("{}"); i >= 0; i = format.indexOf("{}", i + 2)) {
            count++;
        }
        return count;
    }

    private static int placeholdersFilled(final Message message) {
        int count = 0;
        for (final Object parameter : message.getParameters()) {
            if (!(parameter instanceof Throwable)) {
                count++;
            }
        }
        return count;
    }

    private static boolean[] allRules() {
        final boolean[] enabled = new boolean[BuiltInRule.ALL.length];
        Arrays.fill(enabled, true);
        return enabled;
    }
}
