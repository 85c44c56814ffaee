package dev.narration.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActorRuleTest {
    @Test
    void packageRuleTakesTheInnermostPackage() {
        final ActorInference actors = ActorInference.of(ActorRule.PACKAGE);
        assertThat(actors.actorOf("com.acme.orchestratord.JobAdmission")).isEqualTo("orchestratord");
        assertThat(actors.actorOf("com.acme.orchestratord.JobAdmission$Worker")).isEqualTo("orchestratord");
        assertThat(actors.actorOf("com.acme.pool_managerd")).isEqualTo("pool_managerd");
        assertThat(actors.actorOf("JobAdmission")).isEqualTo("job-admission");
        assertThat(actors.actorOf("")).isEqualTo("root");
        assertThat(actors.actorOf(null)).isEqualTo("root");
    }

    @Test
    void classRuleKebabsTheSimpleName() {
        final ActorInference actors = ActorInference.of(ActorRule.CLASS);
        assertThat(actors.actorOf("com.acme.orchestratord.JobAdmission")).isEqualTo("job-admission");
        assertThat(actors.actorOf("com.acme.HTTPServer$Handler")).isEqualTo("http-server");
        assertThat(actors.actorOf("com.acme.pool")).isEqualTo("pool");
    }

    @Test
    void loggerRuleKeepsTheName() {
        assertThat(ActorInference.of(ActorRule.LOGGER).actorOf("com.acme.Jobs")).isEqualTo("com.acme.Jobs");
    }

    @Test
    void inferenceIsComputedOnceAndShared() {
        final ActorInference actors = ActorInference.of(ActorRule.PACKAGE);
        assertThat(ActorInference.of(ActorRule.PACKAGE)).isSameAs(actors);
        assertThat(actors.actorOf("com.acme.cache.Once")).isSameAs(actors.actorOf("com.acme.cache.Once"));
    }

    @Test
    void parseIsCaseInsensitiveAndRejectsUnknownNames() {
        assertThat(ActorRule.parse(" Class ")).isEqualTo(ActorRule.CLASS);
        assertThat(ActorRule.parse("module")).isNull();
        assertThat(ActorRule.names()).isEqualTo("package, class, logger");
    }
}
