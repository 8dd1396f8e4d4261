package cn.perfeval.platform.problem;

import cn.perfeval.platform.http.DatabaseUnavailable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Maps every failure to problem+json; no stack trace, class name or library wording reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response.ResponseBuilder r = builder(e.toProblem(uri.getPath()));
        if (e.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<ProblemDetail.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new ProblemDetail.FieldError(fieldOf(v), v.getMessage(), rejected(v)))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(ProblemType.VALIDATION.problem(detail, uri.getPath(), errors));
    }

    /** Wrong types ("lots" for an amount); more specific than Quarkus' own mapper of it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /** A body Jackson cannot read: the field and what is allowed there, in the user's terms ({@link JsonErrors}). */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        JsonErrors.Described d = JsonErrors.describe(e);
        // a problem of the body as a whole (a second document, a comment at the top) is the body's: field "body"
        String field = d.field().isEmpty() ? "body" : d.field();
        return respond(ProblemType.MALFORMED_BODY.problem(
                d.field().isEmpty() ? "请求体：" + d.message() : d.field() + ": " + d.message(), uri.getPath(),
                List.of(new ProblemDetail.FieldError(field, d.message(), null))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers,
                                   jakarta.ws.rs.core.Request request) {
        // the JSON reader wraps a syntax error ("Unexpected character", "Non-standard token 'NaN'") in a bare 400
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String method = request == null ? null : request.getMethod();
        if (status == 404 && method != null) {
            List<String> allowed = MethodsOfPaths.allowed(uri.getPath());
            if (!allowed.isEmpty() && !allowed.contains(method)) {
                String detail = "该路径不支持 " + method + " 方法；支持的方法：" + String.join("、", allowed);
                return Response.status(405).type(ProblemDetail.MEDIA_TYPE).header("Allow", String.join(", ", allowed))
                        .entity(ProblemType.METHOD_NOT_ALLOWED.problem(detail, uri.getPath(),
                                List.of(new ProblemDetail.FieldError("method", detail, method)))).build();
            }
        }
        ProblemType type = ProblemType.ofStatus(status);
        String detail = detailOf(status, headers, method);
        List<ProblemDetail.FieldError> errors = switch (status) {
            case 405 -> List.of(new ProblemDetail.FieldError("method", detail, method));
            case 406 -> List.of(new ProblemDetail.FieldError("Accept", detail, null));
            case 415 -> List.of(new ProblemDetail.FieldError("Content-Type", detail, null));
            default -> List.of();
        };
        return respond(new ProblemDetail(type.uri(), type.title(), status, detail, uri.getPath(), errors));
    }

    /** What the HTTP layer refused, in the user's terms (its own message names annotations and classes). */
    private static String detailOf(int status, HttpHeaders headers, String method) {
        return switch (status) {
            case 404 -> "没有这个路径；接口见本服务的 /q/openapi 与 /q/swagger-ui";
            case 405 -> "该路径不支持 " + (method == null ? "这一" : method + " ") + "HTTP 方法";
            case 406 -> "无法以 Accept 所要求的格式（" + headers.getHeaderString(HttpHeaders.ACCEPT) + "）作答";
            case 415 -> "不支持请求体的类型 " + (headers.getMediaType() == null ? "（未给出 Content-Type）" : headers.getMediaType())
                    + "；JSON 请求体应使用 Content-Type: application/json，导入预算表使用 xlsx 或 text/csv 的类型";
            default -> status >= 500 ? "请求未能完成，也未改变任何数据" : "请求无法处理";
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            // PostgreSQL out of reach: nothing changed, the same request works once it is back
            LOG.warnf("database unavailable: %s", e.toString());
            return DatabaseUnavailable.response(uri.getPath());
        }
        LOG.error("unexpected failure", e);
        return respond(ProblemType.INTERNAL.problem("请求未能完成，也未改变任何数据", uri.getPath()));
    }

    static Response respond(ProblemDetail p) {
        return builder(p).build();
    }

    private static Response.ResponseBuilder builder(ProblemDetail p) {
        return Response.status(p.status()).type(ProblemDetail.MEDIA_TYPE).entity(p);
    }

    /** "replaceExpenditure.request.rows[3].basic" → "rows[3].basic". */
    private static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.replace(".<list element>", "").replace(".<map value>", "").split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static Object rejected(ConstraintViolation<?> v) {
        Object value = v.getInvalidValue();
        return value instanceof Number || value instanceof CharSequence ? value.toString() : null;
    }
}
