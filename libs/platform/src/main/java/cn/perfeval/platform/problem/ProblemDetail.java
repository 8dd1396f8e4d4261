package cn.perfeval.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The one error body of the three services (its schema in the OpenAPI documents is {@code Problem},
 * written by {@link cn.perfeval.platform.openapi.ApiConventions}): RFC 9457 problem details ({@code application/problem+json})
 * with the list of offending fields, when there are any.
 *
 * <p>Our own rather than the {@code quarkus-resteasy-problem} extension: its only release served here
 * (3.21.0) is built for an older Quarkus than ours (3.33), and it answers validation failures with its
 * own {@code violations[]} (field, in, message) and its own type URIs, while our clients and tests read
 * {@code errors[]} with {@code field}, {@code message} and {@code rejected}, and {@code /problems/*}
 * types that resolve to a page ({@link ProblemType}). Keeping the body meant overriding most of its mappers, so it would have saved no code.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: its JSON path, what was wrong and what was expected. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Object rejected) {
    }

    /** The {@code type} of a kind of problem: {@code /problems/<kind>} ({@link ProblemType}). */
    public static String type(String kind) {
        return ProblemType.PATH + kind;
    }

    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("\\(?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*\\)?:?\\s?");

    /**
     * A library's message without the Java class names it may quote
     * ("java.time.format.DateTimeParseException"): clients learn what was wrong, not what runs here.
     */
    public static String withoutClassNames(String message) {
        return message == null ? null : CLASS_NAME.matcher(message).replaceAll("").strip();
    }
}
