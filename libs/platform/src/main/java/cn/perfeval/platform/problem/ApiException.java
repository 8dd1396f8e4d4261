package cn.perfeval.platform.problem;

import java.util.List;

/** A request the service refuses, with the HTTP status and the problem to report. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<ProblemDetail.FieldError> errors;

    public ApiException(int status, String kind, String title, String detail, List<ProblemDetail.FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, List.of());
    }

    public static ApiException invalid(String detail, List<ProblemDetail.FieldError> errors) {
        return new ApiException(400, "validation", "Invalid request", detail, errors);
    }

    public static ApiException invalid(String field, String message, Object rejected) {
        return invalid(message, List.of(new ProblemDetail.FieldError(field, message, rejected)));
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "stale-version", "Stale version", detail, List.of());
    }

    /** A valid token whose roles, unit or county do not allow the operation; the detail names what is required. */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, List.of());
    }

    /** No token, or one that cannot be verified (malformed, expired, badly signed, foreign issuer). */
    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail, List.of());
    }

    public ProblemDetail toProblem(String instance) {
        return new ProblemDetail(ProblemDetail.type(kind), title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }
}
