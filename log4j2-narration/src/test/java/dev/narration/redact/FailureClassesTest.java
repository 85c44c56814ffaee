package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renderings of secrets that real code and configuration write and that a key rule must follow (operators of
 * several languages, padding before the operator, keys with suffixes and camelCase words, typed declarations,
 * indexed assignments), and references that stand in for a secret under a sensitive key. Each is logged through
 * {@code <RedactionRewritePolicy/>} at its defaults as the message, as a {@code {}} argument, as a context value
 * and as an exception's message: the secret must be gone from each, a reference must pass unchanged. The vendor
 * formats come from {@code redaction/vendor-formats.tsv}: a token of each format and a look-alike of it.
 */
class FailureClassesTest {
    private static final String SECRET = "Zq7vRt2mWx9KpL4s";

    private final RedactionRewritePolicy policy = RedactionRewritePolicy.newBuilder().setName("failure-classes").build();

    /** The text each channel writes for {@code line}, once redacted. */
    private List<String> channels(final String line) {
        final List<String> out = new ArrayList<>();
        out.add(rewrite(event(new SimpleMessage(line))).getMessage().getFormattedMessage());
        out.add(rewrite(event(new ParameterizedMessage("config {} loaded", line))).getMessage().getFormattedMessage());
        final StringMap context = ContextDataFactory.createContextData(1);
        context.putValue("note", line);
        out.add(rewrite(event(new SimpleMessage("loaded")).setContextData(context)).getContextData().getValue("note"));
        out.add(rewrite(event(new SimpleMessage("failed")).setThrown(new IllegalStateException(line)))
                .getThrown().getMessage());
        return out;
    }

    private LogEvent rewrite(final Log4jLogEvent.Builder builder) {
        return policy.rewrite(builder.build());
    }

    private static Log4jLogEvent.Builder event(final org.apache.logging.log4j.message.Message message) {
        return Log4jLogEvent.newBuilder().setLoggerName("com.acme.Config").setLevel(Level.INFO).setMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // 1. Operators of Go, make, BNF and PHP: the whole value goes, not the operator's second character.
        "password := SECRET",
        "password ::= SECRET",
        "password :::= SECRET",
        "password ?= SECRET",
        "password += SECRET",
        "$password .= 'SECRET';",
        "apiToken:=SECRET",
        // 2. Padding before the operator.
        "password      = SECRET",
        "password\t= SECRET",
        "password\t\t: SECRET",
        "`\"client_secret\"    :   \"SECRET\"`",
        // 3. Values with spaces under a scheme or inside quotes.
        "Authorization: FlyV1 fm2_SECRET,fm2_SECRET",
        "`\"token\": \"abc SECRET def\"`",
        // 4. Key names with suffixes, digits and camelCase words.
        "api_token1=SECRET",
        "some_api_token_123=SECRET",
        "mySecretString=SECRET",
        "clientSecret=SECRET",
        "creds=SECRET",
        "user_auth=SECRET",
        "DB_PASSWORD_2: SECRET",
        "passwordValue=SECRET",
        // 5. Renderings: typed declarations, indexed assignments, shell exports.
        "`var apiToken string = \"SECRET\"`",
        "`os.environ[\"API_TOKEN\"] = \"SECRET\"`",
        "`config[:password] = 'SECRET'`",
        "export DB_PASSWORD=SECRET",
        "`System.setProperty(\"db.password\", \"SECRET\")`",
        "`os.Setenv(\"API_TOKEN\", 'SECRET')`",
        "`let apiKey: string = \"SECRET\"`",
        "`val apiKey: String = \"SECRET\"`",
        "`let api_key: &str = \"SECRET\";`",
        "`<add key=\"ApiKey\" value=\"SECRET\"/>`",
        "`<property name=\"password\" value=\"SECRET\"/>`",
        "<apiToken>SECRET</apiToken>",
        "`<password> SECRET </password>`",
        "curl -u admin:SECRET https://api.example.com",
        "curl --user admin:SECRET https://api.example.com",
        "`curl --user='admin:SECRET' https://api.example.com`",
        // 7. A vendor token of the right prefix and length whose checksum does not hold: made up, mistyped.
        "push with ghp_SECRETSECRETabcd ok",
        "token ghs_SECRETSECRETabcdZq9",
    })
    void aSecretInEveryRenderingIsMaskedOnEveryChannel(final String template) {
        final String line = template.replace("\\t", "\t").replace("SECRET", SECRET);
        for (final String written : channels(line)) {
            assertThat(written).as("written for <%s>", line).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 8));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // 8. References and templates under sensitive keys stand for a secret; they are none.
        "password: {{ .Values.password }}",
        "password=${DB_PASSWORD}",
        "password=$(cat /run/secrets/db)",
        "password = var.db_password",
        "password: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:k=,type:str]",
        "password=<password>",
        "password: null",
        "token=new",
        "password_policy=strict tokens_in=512 secret_name=db",
        "secretName := db-credentials",
        "call hf_hub_download(repo_id) then",
        "-----BEGIN RSA PRIVATE KEY-----",
        "export it as glpat-XXXXXXXXXXXXXXXXXXXX",
        "`VAULT_TOKEN hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxx`",
        "key AKIAIOSFODNN7EXAMPLE from the AWS guide",
        "paste glpat-your-token-here-0123456789 into the form",
        "stripe sk_live_EXAMPLE0123456789abcdef",
        "try it with Stripe's sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "ssh key loaded from -----BEGIN OPENSSH PRIVATE KEY----- file",
        "`fields [\"password\", \"username\"] are required`",
        "`System.setProperty(\"password.policy\", \"strict\")`",
        "enter <token> to continue",
        "<password>${DB_PASSWORD}</password>",
        "curl -u admin https://api.example.com",
        "sort -u names.txt",
        "docker run -u 1000:1000 app",
        "`<add key=\"Timeout\" value=\"30\"/>`",
        "`{\"password\": \"string\"}`",
        "docker exec -u www-data:www-data app",
    })
    void aReferenceOrPlaceholderPassesUnchangedOnEveryChannel(final String line) {
        for (final String written : channels(line)) {
            assertThat(written).as("written for <%s>", line).contains(line);
        }
    }

    /** A Kubernetes {@code Secret} manifest, as {@code kubectl get secret -o yaml} prints it and as JSON. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`apiVersion: v1\ndata:\n  username: YWRtaW4=\n  host: SECRET\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque`",
        "`apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  url: SECRET\n`",
        "`{\"apiVersion\":\"v1\",\"data\":{\"host\":\"SECRET\"},\"kind\":\"Secret\"}`",
    })
    void aKubernetesSecretsDataIsMaskedOnEveryChannel(final String template) {
        final String manifest = template.replace("\\n", "\n").replace("SECRET", SECRET);
        for (final String written : channels(manifest)) {
            assertThat(written).as("written for <%s>", manifest).doesNotContain(SECRET).doesNotContain("YWRtaW4=")
                    .contains("kind");
        }
    }

    @Test
    void aConfigMapsDataPassesUnchanged() {
        final String manifest = "apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: INFO\n  host: db.example.com\n";
        for (final String written : channels(manifest)) {
            assertThat(written).contains(manifest);
        }
    }

    @Test
    void aBase64EncodedJwtIsMasked() {
        final String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0." + SECRET + SECRET;
        final String encoded = java.util.Base64.getEncoder().encodeToString(jwt.getBytes(StandardCharsets.US_ASCII));
        for (final String written : channels("session " + encoded + " restored")) {
            assertThat(written).doesNotContain(encoded.substring(8, 40)).contains("[REDACTED:jwt]");
        }
    }

    /** 6. Each vendor format: a token of it is masked under its rule, a look-alike passes, on every channel. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("vendorFormats")
    void aVendorTokenIsMaskedAndItsLookAlikePassesOnEveryChannel(
            final String rule, final String format, final String token, final String lookAlike) {
        for (final String written : channels("using " + token + " now")) {
            assertThat(written).as("written for %s", token).doesNotContain(token).contains("[REDACTED:" + rule + "]");
        }
        for (final String written : channels("using " + lookAlike + " now")) {
            assertThat(written).as("written for %s", lookAlike).contains(lookAlike);
        }
    }

    /** The vendor table of docs/redaction.md lists each format of the corpus under its rule, and no other. */
    @Test
    void theDocsVendorTableListsEveryFormat() throws IOException {
        final Set<String> documented = new LinkedHashSet<>();
        final String docs = Files.readString(ProjectFiles.file("docs/redaction.md"), StandardCharsets.UTF_8);
        final int table = docs.indexOf("\n## Vendor formats");
        assertThat(table).as("a section \"## Vendor formats\" in docs/redaction.md").isPositive();
        final Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\| `([^`]+)` \\|").matcher(docs.substring(table));
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }
        final Set<String> tested = new LinkedHashSet<>();
        vendorFormats().forEach(arguments -> tested.add(arguments.get()[0] + " " + arguments.get()[1]));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(tested);
    }

    static Stream<Arguments> vendorFormats() throws IOException {
        final List<Arguments> rows = new ArrayList<>();
        try (InputStream in = FailureClassesTest.class.getResourceAsStream("/redaction/vendor-formats.tsv")) {
            for (final String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    final String[] cells = line.split("\t");
                    rows.add(Arguments.of(cells[0], cells[1], cells[2], cells[3]));
                }
            }
        }
        return rows.stream();
    }
}
