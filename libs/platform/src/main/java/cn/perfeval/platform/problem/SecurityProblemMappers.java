package cn.perfeval.platform.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * 401 and 403 as problem+json (docs/security.md). Authentication is lazy
 * ({@code quarkus.http.auth.proactive=false}), so a missing, malformed, expired, foreign or badly
 * signed token surfaces here as an exception instead of an empty 401 from the HTTP layer.
 */
public class SecurityProblemMappers {

    public static final String UNAUTHORIZED_DETAIL = "需要本县身份提供方签发的有效令牌（Authorization: Bearer …）";

    /** The roles of docs/security.md as a person names them. */
    private final SecurityIdentity identity;

    public SecurityProblemMappers(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * No token where one is needed, or one that is not acceptable: malformed, expired, of another
     * issuer or badly signed.
     */
    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class}, priority = Priorities.USER - 100)
    public Response unauthenticated(UriInfo uri) {
        return unauthorized(uri);
    }

    /** A {@code @RolesAllowed} refusal: names the roles the operation requires and those the token has. */
    @ServerExceptionMapper(value = ForbiddenException.class, priority = Priorities.USER - 100)
    public Response forbidden(UriInfo uri, ResourceInfo resource) {
        if (identity.isAnonymous()) {
            return unauthorized(uri);
        }
        String detail = "此操作需要以下角色之一：" + required(resource)
                + "；" + RoleNames.ofToken(identity.getRoles());
        return Response.status(403).type(ProblemDetail.MEDIA_TYPE)
                .entity(ProblemType.FORBIDDEN.problem(detail, uri.getPath()))
                .build();
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.status(401).type(ProblemDetail.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(ProblemType.UNAUTHORIZED.problem(UNAUTHORIZED_DETAIL, uri.getPath()))
                .build();
    }

    private static String required(ResourceInfo resource) {
        Method m = resource == null ? null : resource.getResourceMethod();
        RolesAllowed allowed = m == null ? null : m.getAnnotation(RolesAllowed.class);
        if (allowed == null && resource != null && resource.getResourceClass() != null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? "（无）" : RoleNames.of(Arrays.asList(allowed.value()));
    }
}
