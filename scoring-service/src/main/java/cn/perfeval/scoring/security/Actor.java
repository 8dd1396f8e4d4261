package cn.perfeval.scoring.security;

import java.util.List;

/**
 * Who made a change, as the audit trail records it: the user ({@code upn}, else {@code sub}) and
 * the roles of the token, or {@code system:<consumer>} for changes driven by events.
 */
public record Actor(String name, List<String> roles) {

    public Actor {
        roles = List.copyOf(roles);
    }

    /** The actor of changes an event consumer makes, e.g. {@code system:budget-events}. */
    public static Actor system(String consumer) {
        return new Actor("system:" + consumer, List.of("system"));
    }
}
