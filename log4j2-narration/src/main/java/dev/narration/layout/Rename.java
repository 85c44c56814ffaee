package dev.narration.layout;

import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;

/**
 * Writes a structured field or context entry under another key, nested in {@code <NarrationJsonLayout>}:
 *
 * <pre>{@code
 * <NarrationJsonLayout>
 *   <Rename from="userId" to="user.id"/>
 * </NarrationJsonLayout>
 * }</pre>
 *
 * <p>The new key follows the collision rule as the old one did: a reserved key is never overwritten
 * (docs/layout.md#renaming-keys). The element that holds it checks the values and reports a bad one through the
 * status logger, naming itself.
 */
@Plugin(name = Rename.ELEMENT, category = Node.CATEGORY, printObject = true)
public final class Rename {
    static final String ELEMENT = "Rename";

    private final String from;
    private final String to;

    private Rename(final String from, final String to) {
        this.from = from;
        this.to = to;
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The key as the event has it, as configured ({@code null} when missing). */
    public String getFrom() {
        return from;
    }

    /** The key to write, as configured ({@code null} when missing). */
    public String getTo() {
        return to;
    }

    @Override
    public String toString() {
        return "<" + ELEMENT + " from=\"" + from + "\" to=\"" + to + "\"/>";
    }

    /** Builds a {@link Rename}; both attributes are required, and checked by the element that holds it. */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<Rename> {
        @PluginBuilderAttribute
        private String from;

        @PluginBuilderAttribute
        private String to;

        private Builder() {}

        /** The key of a field or context entry, such as {@code userId}. */
        public Builder setFrom(final String from) {
            this.from = from;
            return this;
        }

        /** The key to write it under, such as {@code user.id}. */
        public Builder setTo(final String to) {
            this.to = to;
            return this;
        }

        @Override
        public Rename build() {
            return new Rename(from, to);
        }
    }
}
