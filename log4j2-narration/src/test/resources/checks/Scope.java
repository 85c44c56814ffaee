import dev.narration.Correlation;
import dev.narration.CorrelationScope;
import java.util.function.Function;

/** scope: a correlation scope that is not a try-with-resources resource. */
class Scope {
    CorrelationScope kept;

    void leaks(final String id, final Function<String, String> headers) {
        final CorrelationScope scope = Correlation.open(id); // narration:scope
        scope.close();
        Correlation.openFromHeaders(headers); // narration:scope
        kept = Correlation.open(id); // narration:scope
        final CorrelationScope later = Correlation.open(id); // narration:scope
        try (later) {
            kept = null;
        }
        final CorrelationScope direct = CorrelationScope.open(id); // narration:scope
        direct.close();
    }

    CorrelationScope factory(final String id) {
        return Correlation.open(id); // narration:scope
    }

    void closes(final String id, final Function<String, String> headers) {
        try (CorrelationScope scope = Correlation.open(id)) {
            kept = scope;
        }
        try (var scope = Correlation.openFromHeaders(headers); var inner = (Correlation.open(id))) {
            kept = inner;
        }
        final String current = Correlation.currentId(); // returns no scope
        kept = current == null ? null : kept;
    }
}
