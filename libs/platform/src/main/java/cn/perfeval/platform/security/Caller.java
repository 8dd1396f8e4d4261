package cn.perfeval.platform.security;

import cn.perfeval.platform.audit.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The claims of the verified token of the current request (docs/security.md): the user, the roles
 * ({@code groups}) and the {@code unit} / {@code county} claims. What each role may do is the
 * service's own access policy.
 */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";
    public static final String FINANCE = "finance";
    public static final String EVALUATOR = "evaluator";
    public static final String VIEWER = "viewer";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** {@code upn}, else {@code sub}, else the principal's name; what the audit trail records. */
    public String name() {
        return Actor.nameOf(identity);
    }

    /** The roles ({@code groups} claim), sorted. */
    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The {@code unit} claim of a finance user, when the token has one. */
    public Optional<String> unit() {
        return claim("unit");
    }

    /** The {@code county} claim of an evaluator, when the token has one. */
    public Optional<String> county() {
        return claim("county");
    }

    /** This caller as the audit trail records them. */
    public Actor actor() {
        return new Actor(name(), roles());
    }

    /** A text claim of the token; blank counts as absent. */
    public Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object v = jwt.getClaim(name);
            String s = v instanceof jakarta.json.JsonString js ? js.getString() : v == null ? null : v.toString();
            // a JSON string claim may arrive as a JsonString whose toString() keeps the quotes
            if (s != null && s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
        }
        return Optional.empty();
    }
}
