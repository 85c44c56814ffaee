package dev.narration.internal.event;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Infers actors from logger names, once per logger name: by the {@link ActorNames} of the configuration when a
 * prefix matches, else by one {@link ActorRule}. Later look-ups of the same name are a map hit that allocates
 * nothing, whatever the number of prefixes.
 */
public final class ActorInference {
    private static final ConcurrentHashMap<Key, ActorInference> SHARED = new ConcurrentHashMap<>();

    private final ActorRule rule;
    private final ActorNames names;
    private final ConcurrentHashMap<String, String> actors = new ConcurrentHashMap<>();

    private ActorInference(final Key key) {
        this.rule = key.rule;
        this.names = key.names;
    }

    /** The process-wide inference for a rule without prefixes. */
    public static ActorInference of(final ActorRule rule) {
        return of(rule, ActorNames.NONE);
    }

    /** The process-wide inference for a rule and prefixes; layouts, resolvers and captures that agree share its cache. */
    public static ActorInference of(final ActorRule rule, final ActorNames names) {
        return SHARED.computeIfAbsent(new Key(rule, names), ActorInference::new);
    }

    public ActorRule rule() {
        return rule;
    }

    public ActorNames names() {
        return names;
    }

    /** The actor for a logger name. */
    public String actorOf(final String loggerName) {
        final String key = loggerName == null ? "" : loggerName;
        final String cached = actors.get(key);
        return cached != null ? cached : actors.computeIfAbsent(key, this::infer);
    }

    private String infer(final String loggerName) {
        final String named = names.nameOf(loggerName);
        return named != null ? named : rule.infer(loggerName);
    }

    /** {@code package} or {@code package, org.springframework=spring}: the rule and the prefixes, for toString(). */
    public String describe() {
        final String ruleName = rule.name().toLowerCase(Locale.ROOT);
        return names.isEmpty() ? ruleName : ruleName + ", " + names;
    }

    private static final class Key {
        final ActorRule rule;
        final ActorNames names;

        Key(final ActorRule rule, final ActorNames names) {
            this.rule = Objects.requireNonNull(rule, "rule");
            this.names = Objects.requireNonNull(names, "names");
        }

        @Override
        public boolean equals(final Object other) {
            return other instanceof Key && ((Key) other).rule == rule && ((Key) other).names.equals(names);
        }

        @Override
        public int hashCode() {
            return 31 * rule.hashCode() + names.hashCode();
        }
    }
}
