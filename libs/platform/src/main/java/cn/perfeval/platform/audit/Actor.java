package cn.perfeval.platform.audit;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Who made a change, as the audit trail records it: the user ({@code upn}, else {@code sub}, else
 * the principal's name) and the roles of the token, sorted; or {@code system:<consumer>} for changes
 * driven by events.
 */
public record Actor(String name, List<String> roles) {

    public Actor(String name, Collection<String> roles) {
        this(name, List.copyOf(new TreeSet<>(roles)));
    }

    public Actor {
        roles = List.copyOf(new TreeSet<>(roles));
    }

    /** The actor of changes an event consumer makes, e.g. {@code system:budget-events}. */
    public static Actor system(String consumer) {
        return new Actor("system:" + consumer, List.of("system"));
    }

    /** The user of a verified token. */
    public static Actor of(SecurityIdentity identity) {
        return new Actor(nameOf(identity), identity.getRoles());
    }

    /** {@code upn}, else {@code sub}, else the principal's name; "anonymous" without a token. */
    public static String nameOf(SecurityIdentity identity) {
        Principal p = identity.getPrincipal();
        if (p instanceof JsonWebToken jwt) {
            Object upn = jwt.getClaim("upn");
            if (upn != null && !upn.toString().isBlank()) {
                return upn instanceof jakarta.json.JsonString s ? s.getString() : upn.toString();
            }
            if (jwt.getSubject() != null) {
                return jwt.getSubject();
            }
        }
        return p == null || identity.isAnonymous() ? "anonymous" : p.getName();
    }
}
