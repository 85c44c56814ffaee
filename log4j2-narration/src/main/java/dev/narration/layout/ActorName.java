package dev.narration.layout;

import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;

/**
 * The actor of every logger under a prefix, nested in {@code <NarrationJsonLayout>} (or
 * {@code <NarrationOpenTelemetry>}), for libraries whose package names say which part of the library spoke:
 *
 * <pre>{@code
 * <NarrationJsonLayout>
 *   <Actor prefix="org.springframework" name="spring"/>
 *   <Actor prefix="org.hibernate" name="hibernate"/>
 * </NarrationJsonLayout>
 * }</pre>
 *
 * <p>The longest matching prefix wins; a prefix matches at a package or class boundary only (docs/layout.md, "Actor
 * names for other people's loggers"). The element that holds it checks the values and reports a bad one through
 * the status logger, naming itself.
 */
@Plugin(name = ActorName.ELEMENT, category = Node.CATEGORY, printObject = true)
public final class ActorName {
    static final String ELEMENT = "Actor";

    private final String prefix;
    private final String name;

    private ActorName(final String prefix, final String name) {
        this.prefix = prefix;
        this.name = name;
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The logger name prefix, as configured ({@code null} when missing). */
    public String getPrefix() {
        return prefix;
    }

    /** The actor to write, as configured ({@code null} when missing). */
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return "<" + ELEMENT + " prefix=\"" + prefix + "\" name=\"" + name + "\"/>";
    }

    /** Builds an {@link ActorName}; both attributes are required, and checked by the element that holds it. */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<ActorName> {
        @PluginBuilderAttribute
        private String prefix;

        @PluginBuilderAttribute
        private String name;

        private Builder() {}

        /** A package or logger name, such as {@code org.springframework}. */
        public Builder setPrefix(final String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** The actor of its loggers, such as {@code spring}. */
        public Builder setName(final String name) {
            this.name = name;
            return this;
        }

        @Override
        public ActorName build() {
            return new ActorName(prefix, name);
        }
    }
}
