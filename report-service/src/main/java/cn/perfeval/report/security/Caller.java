package cn.perfeval.report.security;

import cn.perfeval.report.domain.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user of the current request, as the verified bearer token describes them: name, roles and
 * the {@code unit} / {@code county} claims that scope a {@code finance} or {@code evaluator} user.
 *
 * <p>Request-scoped so that resources and {@link AccessPolicy} read the claims once, from the
 * token Quarkus has already verified; nothing here trusts anything but that token.
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

    /** {@code upn}, else {@code sub}; what the audit trail records. */
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

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object v = jwt.getClaim(name);
            String s = v == null ? null : v.toString();
            // a JSON string claim may arrive as a JsonString whose toString() keeps the quotes
            if (s != null && s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
        }
        return Optional.empty();
    }
}
