package cn.perfeval.scoring.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The authenticated user of the current request, read from the verified bearer token: the roles
 * ({@code groups}), the budget unit of a {@code finance} user ({@code unit}) and the county of an
 * {@code evaluator} ({@code county}). Resources are {@code @Authenticated}, so an instance only
 * ever sees a verified token.
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

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The {@code unit} claim, or null. */
    public String unit() {
        return claim("unit");
    }

    /** The {@code county} claim, or null. */
    public String county() {
        return claim("county");
    }

    /** The user: {@code upn}, else {@code sub}, else the principal's name. */
    public String name() {
        Principal p = identity.getPrincipal();
        if (p instanceof JsonWebToken jwt) {
            String upn = jwt.getClaim("upn");
            if (upn != null && !upn.isBlank()) {
                return upn;
            }
            if (jwt.getSubject() != null) {
                return jwt.getSubject();
            }
        }
        return p == null ? "anonymous" : p.getName();
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public Actor actor() {
        return new Actor(name(), List.copyOf(roles()));
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value instanceof jakarta.json.JsonString s) {
                return s.getString();
            }
            return value == null ? null : value.toString();
        }
        return null;
    }
}
