package dev.narration.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Correlation;
import dev.narration.Narration;
import dev.narration.CorrelationScope;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogBuilder;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.junit.jupiter.api.Test;

/** The plugin names the types it looks for as text, so that it loads none of them: the names must stay true. */
class KnownTypesTest {
    @Test
    void theNamesAreThoseOfTheTypes() {
        assertThat(KnownTypes.LOGGER).isEqualTo(Logger.class.getName());
        assertThat(KnownTypes.LOG_BUILDER).isEqualTo(LogBuilder.class.getName());
        assertThat(KnownTypes.LEVEL).isEqualTo(Level.class.getName());
        assertThat(KnownTypes.MARKER).isEqualTo(Marker.class.getName());
        assertThat(KnownTypes.NARRATION).isEqualTo(Narration.class.getName());
        assertThat(KnownTypes.CORRELATION).isEqualTo(Correlation.class.getName());
        assertThat(KnownTypes.CORRELATION_SCOPE).isEqualTo(CorrelationScope.class.getName());
    }

    /** The scope check knows a scope's openers as the static methods that return one. */
    @Test
    void everyMethodThatOpensAScopeIsStatic() {
        final Method[] openers = Arrays.stream(Correlation.class.getMethods())
                .filter(m -> m.getReturnType() == CorrelationScope.class).toArray(Method[]::new);
        assertThat(openers).extracting(Method::getName).containsExactlyInAnyOrder("open", "openFromHeaders");
        assertThat(openers).allMatch(m -> Modifier.isStatic(m.getModifiers()));
    }
}
