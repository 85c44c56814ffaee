package dev.narration.internal.layout;

import dev.narration.internal.event.FieldKeys;
import dev.narration.internal.json.JsonLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The service identity of every line: {@code service.name}, {@code service.version}, {@code service.instance.id}
 * and {@code deployment.environment.name}. A value configured on the layout wins; otherwise it comes from the
 * environment the way OpenTelemetry SDKs read it ({@code OTEL_SERVICE_NAME}, then
 * {@code OTEL_RESOURCE_ATTRIBUTES}); {@code service.name} finally defaults to OpenTelemetry's
 * {@code unknown_service:java}. Resolved once, when the layout is built.
 */
public final class ServiceIdentity {
    public static final String DEFAULT_SERVICE_NAME = "unknown_service:java";

    private final String name;
    private final String version;
    private final String instanceId;
    private final String environment;

    private ServiceIdentity(final String name, final String version, final String instanceId, final String environment) {
        this.name = name;
        this.version = version;
        this.instanceId = instanceId;
        this.environment = environment;
    }

    /** Resolves the identity from configured values (any may be null or blank) and the given environment. */
    public static ServiceIdentity resolve(
            final String name,
            final String version,
            final String instanceId,
            final String environment,
            final Map<String, String> env) {
        final Map<String, String> resource = parseResourceAttributes(env.get("OTEL_RESOURCE_ATTRIBUTES"));
        return new ServiceIdentity(
                first(name, env.get("OTEL_SERVICE_NAME"), resource.get("service.name"), DEFAULT_SERVICE_NAME),
                first(version, resource.get("service.version")),
                first(instanceId, resource.get("service.instance.id")),
                // deployment.environment is the attribute's name before OpenTelemetry semantic conventions 1.27.
                first(environment, resource.get("deployment.environment.name"), resource.get("deployment.environment")));
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String instanceId() {
        return instanceId;
    }

    public String environment() {
        return environment;
    }

    /** The identity as JSON members, each preceded by a comma, ready to be appended to every line. */
    public String toJsonMembers() {
        final JsonLine out = new JsonLine(128);
        member(out, FieldKeys.SERVICE_NAME, name);
        member(out, FieldKeys.SERVICE_VERSION, version);
        member(out, FieldKeys.SERVICE_INSTANCE_ID, instanceId);
        member(out, FieldKeys.DEPLOYMENT_ENVIRONMENT, environment);
        return out.toString();
    }

    private static void member(final JsonLine out, final String key, final String value) {
        if (value != null) {
            out.append(",\"").append(key).append("\":\"").escaped(value).append('"');
        }
    }

    private static String first(final String... candidates) {
        for (final String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return null;
    }

    /** Parses {@code key1=value1,key2=value2} with percent-encoded values, as the OpenTelemetry spec defines. */
    static Map<String, String> parseResourceAttributes(final String attributes) {
        final Map<String, String> parsed = new java.util.LinkedHashMap<>();
        if (attributes == null) {
            return parsed;
        }
        for (final String pair : attributes.split(",")) {
            final int equals = pair.indexOf('=');
            if (equals > 0) {
                parsed.put(pair.substring(0, equals).trim(), percentDecode(pair.substring(equals + 1).trim()));
            }
        }
        return parsed;
    }

    private static String percentDecode(final String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        int plain = 0;
        for (int i = 0; i + 2 < value.length(); i++) {
            if (value.charAt(i) == '%' && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
                bytes.writeBytes(value.substring(plain, i).getBytes(StandardCharsets.UTF_8));
                bytes.write(hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
                i += 2;
                plain = i + 1;
            }
        }
        bytes.writeBytes(value.substring(plain).getBytes(StandardCharsets.UTF_8));
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private static int hex(final char c) {
        return Character.digit(c, 16);
    }
}
