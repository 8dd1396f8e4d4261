package cn.perfeval.report.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Maps every failure to problem+json; no stack trace or class name reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    /**
     * No token (anonymous caller on an authenticated resource). Proactive authentication is off,
     * so this and the next two failures reach JAX-RS and get the same problem+json as any other
     * error, whatever format the client asked for.
     */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri, "a bearer token is required");
    }

    /** A malformed, expired, badly signed or foreign-issuer token. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri, "the bearer token is invalid: malformed, expired, not signed by the county's "
                + "identity provider or issued by another");
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthorized(uri, "the bearer token could not be verified");
    }

    /** A role check of Quarkus itself (the policy of this service throws {@link ApiException#forbidden}). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new ProblemDetail(ProblemDetail.type("forbidden"), "Forbidden", 403,
                "the token's roles do not allow this operation", uri.getPath(), List.of()));
    }

    private static Response unauthorized(UriInfo uri, String detail) {
        ProblemDetail p = new ProblemDetail(ProblemDetail.type("unauthorized"), "Unauthorized", 401, detail,
                uri.getPath(), List.of());
        return Response.status(401).type(ProblemDetail.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(p).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ProblemDetail.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new ProblemDetail.FieldError(fieldOf(v), v.getMessage(), rejected(v)))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new ProblemDetail(ProblemDetail.type("validation"), "Invalid request", 400,
                detail, uri.getPath(), errors));
    }

    /** Wrong types ("lots" for an amount); more specific than Quarkus' own mapper of it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = "";
        if (e instanceof JsonMappingException m) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        if (e instanceof InvalidFormatException f) {
            // e.g. a date of 30 February: say what was expected, not which Java type failed to parse it
            message = "cannot read " + quoted(f.getValue()) + (f.getTargetType() == java.time.LocalDate.class
                    ? ": expected an ISO date such as 2025-05-26" : ": wrong form");
        }
        // Jackson's message may quote Java class names; keep only the first sentence, without them.
        message = message.replaceAll("`[^`]*`", "value")
                .replaceAll("\\([a-zA-Z0-9_.$]*(Exception|Error)\\)", "")
                .replaceAll("\\b(java|javax|jakarta|com|org|cn|io)(\\.[a-zA-Z0-9_$]+)+", "value")
                .split("\n")[0];
        List<ProblemDetail.FieldError> errors = field.isEmpty()
                ? List.of()
                : List.of(new ProblemDetail.FieldError(field, message, null));
        return respond(new ProblemDetail(ProblemDetail.type("malformed-body"), "Malformed request body", 400,
                field.isEmpty() ? message : field + ": " + message, uri.getPath(), errors));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(new ProblemDetail(ProblemDetail.type("http-" + status), title, status,
                status >= 500 ? "internal error" : e.getMessage(), uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            // PostgreSQL out of reach: nothing changed, the same request works once it is back
            LOG.warnf("database unavailable: %s", e.toString());
            return DatabaseUnavailable.response(uri.getPath());
        }
        LOG.error("unexpected failure", e);
        return respond(new ProblemDetail(ProblemDetail.type("internal"), "Internal error", 500,
                "the request could not be completed; it changed nothing", uri.getPath(), List.of()));
    }

    private static String quoted(Object value) {
        String v = String.valueOf(value);
        return "\"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"";
    }

    private static Response respond(ProblemDetail p) {
        return Response.status(p.status()).type(ProblemDetail.MEDIA_TYPE).entity(p).build();
    }

    /** "replaceExpenditure.request.rows[3].basic" → "rows[3].basic". */
    private static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static Object rejected(ConstraintViolation<?> v) {
        Object value = v.getInvalidValue();
        return value instanceof Number || value instanceof CharSequence ? value.toString() : null;
    }
}
