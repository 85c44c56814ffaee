package dev.narration.layout;

import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;

/**
 * The JSON type of a string context value (an MDC entry, an SLF4J 2 key-value), nested in
 * {@code <NarrationJsonLayout>}:
 *
 * <pre>{@code
 * <NarrationJsonLayout>
 *   <FieldType key="user_id" type="long"/>
 * </NarrationJsonLayout>
 * }</pre>
 *
 * <p>The value is written as that type when its text is one, and as the string otherwise, so it is never lost
 * (docs/layout.md#typed-context-values). The element that holds it checks the values and reports a bad one through
 * the status logger, naming itself.
 */
@Plugin(name = FieldType.ELEMENT, category = Node.CATEGORY, printObject = true)
public final class FieldType {
    static final String ELEMENT = "FieldType";

    private final String key;
    private final String type;

    private FieldType(final String key, final String type) {
        this.key = key;
        this.type = type;
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The key as the event has it, as configured ({@code null} when missing). */
    public String getKey() {
        return key;
    }

    /** The type's name, as configured ({@code null} when missing). */
    public String getType() {
        return type;
    }

    @Override
    public String toString() {
        return "<" + ELEMENT + " key=\"" + key + "\" type=\"" + type + "\"/>";
    }

    /** Builds a {@link FieldType}; both attributes are required, and checked by the element that holds it. */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<FieldType> {
        @PluginBuilderAttribute
        private String key;

        @PluginBuilderAttribute
        private String type;

        private Builder() {}

        /** The context key, as the event has it (before any {@code <Rename>}), such as {@code user_id}. */
        public Builder setKey(final String key) {
            this.key = key;
            return this;
        }

        /** {@code long}, {@code double}, {@code boolean} or {@code string} (never typed, even by {@code typeContext}). */
        public Builder setType(final String type) {
            this.type = type;
            return this;
        }

        @Override
        public FieldType build() {
            return new FieldType(key, type);
        }
    }
}
