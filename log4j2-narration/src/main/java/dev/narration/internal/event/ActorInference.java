package dev.narration.internal.event;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Infers actors from logger names by one {@link ActorRule}, once per logger name: later look-ups of the same
 * name are a map hit that allocates nothing.
 */
public final class ActorInference {
    private static final ConcurrentHashMap<ActorRule, ActorInference> SHARED = new ConcurrentHashMap<>();

    private final ActorRule rule;
    private final ConcurrentHashMap<String, String> actors = new ConcurrentHashMap<>();

    private ActorInference(final ActorRule rule) {
        this.rule = rule;
    }

    /** The process-wide inference for a rule; layouts, resolvers and captures share its cache. */
    public static ActorInference of(final ActorRule rule) {
        return SHARED.computeIfAbsent(rule, ActorInference::new);
    }

    public ActorRule rule() {
        return rule;
    }

    /** The actor for a logger name. */
    public String actorOf(final String loggerName) {
        final String key = loggerName == null ? "" : loggerName;
        final String cached = actors.get(key);
        return cached != null ? cached : actors.computeIfAbsent(key, rule::infer);
    }
}
