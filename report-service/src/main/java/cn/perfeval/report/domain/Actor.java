package cn.perfeval.report.domain;

import java.util.Set;

/**
 * Who made a change, as the audit trail records it: a user ({@code upn}/{@code sub} and roles) or,
 * for changes driven by events, {@code system:<topic>}.
 */
public record Actor(String name, Set<String> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** The consumer of {@code topic}, for read-model updates driven by its events. */
    public static Actor system(String topic) {
        return new Actor("system:" + topic, Set.of("system"));
    }
}
