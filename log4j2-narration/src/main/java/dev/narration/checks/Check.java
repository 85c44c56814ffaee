package dev.narration.checks;

/** The checks of the plugin, each named in its warnings and in {@code @SuppressWarnings("narration:<id>")}. */
enum Check {
    LENGTH("length"),
    NEWLINE("newline"),
    BLANK("blank"),
    PLACEHOLDERS("placeholders"),
    CONCATENATION("concatenation"),
    SECRET("secret"),
    ACTION("action"),
    SCOPE("scope");

    /** What {@code @SuppressWarnings} names to silence every check. */
    static final String ALL = "narration";

    final String id;
    /** The value of {@code @SuppressWarnings} that silences this check alone. */
    final String suppression;

    Check(final String id) {
        this.id = id;
        this.suppression = ALL + ':' + id;
    }

    /** The start of every warning of this check, which tools and readers search for. */
    String prefix() {
        return "[" + suppression + "] ";
    }
}
