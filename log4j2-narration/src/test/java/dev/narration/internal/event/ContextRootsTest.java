package dev.narration.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.NarrationFields;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.Test;

/**
 * The root values read in one pass (small contexts) or by key (large ones) are those {@link EventNarration#context}
 * gives for each key, whatever else the context holds.
 */
class ContextRootsTest {
    private static final List<String> ROOT_KEYS = List.of(FieldKeys.ACTOR, FieldKeys.ACTION, FieldKeys.TARGET,
            FieldKeys.CORRELATION_ID, FieldKeys.TRACE_ID, FieldKeys.SPAN_ID, NarrationFields.TRACE_FLAGS);

    @Test
    void smallAndLargeContextsGiveWhatALookUpByKeyGives() {
        final ContextRoots roots = new ContextRoots();
        for (int others = 0; others <= 12; others++) {
            for (int present = 0; present <= ROOT_KEYS.size(); present++) {
                final StringMap context = ContextDataFactory.createContextData();
                for (int i = 0; i < others; i++) {
                    context.putValue("entry_" + i, "v" + i);
                }
                for (int k = 0; k < present; k++) {
                    // One value that is no String, converted as a look-up converts it.
                    context.putValue(ROOT_KEYS.get(k), k == 2 ? (Object) 42 : "value of " + ROOT_KEYS.get(k));
                }
                final LogEvent event = Log4jLogEvent.newBuilder().setMessage(new SimpleMessage("m"))
                        .setContextData(context).build();
                roots.read(event.getContextData());
                assertThat(values(roots)).as("%d other entries, %d root keys", others, present)
                        .isEqualTo(ROOT_KEYS.stream().map(key -> EventNarration.context(event, key)).toList());
            }
        }
    }

    @Test
    void anEmptyOrMissingContextAndClearLeaveNoValue() {
        final ContextRoots roots = new ContextRoots();
        final StringMap context = ContextDataFactory.createContextData();
        context.putValue(FieldKeys.ACTOR, "scheduler");
        roots.read(context);
        assertThat(roots.actor()).isEqualTo("scheduler");
        roots.read(null);
        assertThat(values(roots)).containsOnlyNulls();
        roots.read(context);
        roots.read(ContextDataFactory.createContextData());
        assertThat(values(roots)).containsOnlyNulls();
        roots.read(context);
        roots.clear();
        assertThat(values(roots)).containsOnlyNulls();
    }

    private static List<String> values(final ContextRoots roots) {
        return Arrays.asList(roots.actor(), roots.action(), roots.target(), roots.correlationId(),
                roots.traceId(), roots.spanId(), roots.traceFlags());
    }
}
