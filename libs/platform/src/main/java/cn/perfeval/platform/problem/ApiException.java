package cn.perfeval.platform.problem;

import java.util.List;

/** A request the service refuses, with the HTTP status and the problem to report. */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<ProblemDetail.FieldError> errors;

    public ApiException(ProblemType type, String detail, List<ProblemDetail.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail, List.of());
    }

    public static ApiException invalid(String detail, List<ProblemDetail.FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION, detail, errors);
    }

    public static ApiException invalid(String field, String message, Object rejected) {
        return invalid(message, List.of(new ProblemDetail.FieldError(field, message, rejected)));
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(ProblemType.STALE_VERSION, detail, List.of());
    }

    /** A valid token whose roles, unit or county do not allow the operation; the detail names what is required. */
    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail, List.of());
    }

    /** No token, or one that cannot be verified (malformed, expired, badly signed, foreign issuer). */
    public static ApiException unauthorized(String detail) {
        return new ApiException(ProblemType.UNAUTHORIZED, detail, List.of());
    }

    /** 428: the resource exists and the PUT does not say which version it replaces (docs/api.md). */
    public static ApiException preconditionRequired(String detail) {
        return new ApiException(ProblemType.PRECONDITION_REQUIRED, detail, List.of(
                new ProblemDetail.FieldError("If-Match", "替换已有的资源时必须给出读取时的版本（ETag）", null)));
    }

    /** 415: a body without a Content-Type, or in another encoding than UTF-8. */
    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, List.of(
                new ProblemDetail.FieldError("Content-Type", detail, null)));
    }

    /** 409: the request contradicts what is stored (a code that is already taken). */
    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail, List.of());
    }

    public ProblemDetail toProblem(String instance) {
        return type.problem(getMessage(), instance, errors);
    }

    public int status() {
        return type.status();
    }
}
