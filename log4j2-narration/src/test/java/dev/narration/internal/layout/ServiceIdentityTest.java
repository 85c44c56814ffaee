package dev.narration.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceIdentityTest {
    @Test
    void configuredValuesWin() {
        final ServiceIdentity identity = ServiceIdentity.resolve("orchestratord", "1.0", "i-1", "prod",
                Map.of("OTEL_SERVICE_NAME", "from-env", "OTEL_RESOURCE_ATTRIBUTES", "service.version=9,deployment.environment.name=dev"));
        assertThat(identity.name()).isEqualTo("orchestratord");
        assertThat(identity.version()).isEqualTo("1.0");
        assertThat(identity.instanceId()).isEqualTo("i-1");
        assertThat(identity.environment()).isEqualTo("prod");
    }

    @Test
    void openTelemetryEnvironmentFillsTheGapsAsTheSdkWould() {
        final ServiceIdentity identity = ServiceIdentity.resolve(null, " ", null, null, Map.of(
                "OTEL_SERVICE_NAME", "pool-managerd",
                "OTEL_RESOURCE_ATTRIBUTES",
                "service.name=ignored-when-OTEL_SERVICE_NAME-is-set, service.version=2.1.0,service.instance.id=pod%2D7%20a,deployment.environment=staging,broken"));
        assertThat(identity.name()).isEqualTo("pool-managerd");
        assertThat(identity.version()).isEqualTo("2.1.0");
        assertThat(identity.instanceId()).isEqualTo("pod-7 a");
        assertThat(identity.environment()).isEqualTo("staging");
        assertThat(identity.toJsonMembers()).isEqualTo(",\"service.name\":\"pool-managerd\",\"service.version\":\"2.1.0\""
                + ",\"service.instance.id\":\"pod-7 a\",\"deployment.environment.name\":\"staging\"");
    }

    @Test
    void resourceAttributesAloneAndTheFinalDefault() {
        assertThat(ServiceIdentity.resolve(null, null, null, null,
                Map.of("OTEL_RESOURCE_ATTRIBUTES", "service.name=worker%E2%9C%A8,deployment.environment.name=prod")).name())
                .isEqualTo("worker✨");
        final ServiceIdentity bare = ServiceIdentity.resolve(null, null, null, null, Map.of());
        assertThat(bare.name()).isEqualTo("unknown_service:java");
        assertThat(bare.toJsonMembers()).isEqualTo(",\"service.name\":\"unknown_service:java\"");
    }
}
