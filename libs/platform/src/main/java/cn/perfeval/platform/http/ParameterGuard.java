package cn.perfeval.platform.http;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.text.TextPolicy;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Path and query parameters are one line of plain text, in every service: a NUL ({@code %00}),
 * another control character, a line break, a bidirectional or invisible character, or an unpaired
 * surrogate is refused with 400 naming the parameter, before any resource runs. (PostgreSQL refuses
 * a NUL outright, which surfaced as a 500; the others would be logged or looked up as they are.)
 * A number is written with the digits 0–9 and no plus sign: {@code ２０２４}, {@code ٢٠٢٤} and
 * {@code +2024} would otherwise be read as the year 2024.
 */
public class ParameterGuard {

    @ServerRequestFilter
    public void check(UriInfo uri, ResourceInfo resource) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
        wholeNumbers(uri, resource);
    }

    /**
     * A path or query parameter the operation takes as a whole number is one: {@code ?year=abc} is a 400
     * naming {@code year}. Left to JAX-RS, a value that does not convert is a 404 ("no such path"), which
     * tells the client nothing and no operation documents.
     */
    private static void wholeNumbers(UriInfo uri, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (WholeNumber n : WHOLE_NUMBERS.computeIfAbsent(method, ParameterGuard::wholeNumbers)) {
            List<String> values = (n.query() ? uri.getQueryParameters() : uri.getPathParameters()).getOrDefault(n.name(), List.of());
            for (String value : values) {
                if (value == null || value.isEmpty()) {
                    continue;
                }
                if (!WHOLE.matcher(value).matches() || new java.math.BigInteger(value).abs().compareTo(java.math.BigInteger.valueOf(n.max())) > 0) {
                    throw ApiException.invalid(n.name(), "参数 " + n.name() + " 应为整数（半角数字 0–9）", null);
                }
            }
        }
    }

    /** A path or query parameter an operation takes as a whole number, and the largest it can hold. */
    private record WholeNumber(String name, boolean query, long max) {
    }

    /** Per resource method, read once: the reflection is not repeated on every request. */
    private static final java.util.Map<Method, List<WholeNumber>> WHOLE_NUMBERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<WholeNumber> wholeNumbers(Method method) {
        List<WholeNumber> out = new java.util.ArrayList<>();
        for (Parameter p : method.getParameters()) {
            Class<?> type = p.getType();
            boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == short.class || type == Short.class;
            QueryParam query = p.getAnnotation(QueryParam.class);
            PathParam path = p.getAnnotation(PathParam.class);
            String name = query != null ? query.value() : path != null ? path.value() : null;
            if (!whole || name == null) {
                continue;
            }
            long max = type == int.class || type == Integer.class ? Integer.MAX_VALUE
                    : type == short.class || type == Short.class ? Short.MAX_VALUE : Long.MAX_VALUE;
            out.add(new WholeNumber(name, query != null, max));
        }
        return List.copyOf(out);
    }

    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("-?[0-9]{1,19}");

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                String problem = problem(value);
                if (problem != null) {
                    // the value is not echoed: it is what the client sent, minus what cannot be shown
                    throw ApiException.invalid(p.getKey(), "参数 " + p.getKey() + " " + problem, null);
                }
            }
        }
    }

    /** Why a parameter's value is refused, or null. */
    static String problem(String value) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\t') >= 0) {
            return "不得包含换行符或制表符";
        }
        if (OTHER_NUMBER.matcher(value).matches() && !ASCII_NUMBER.matcher(value).matches()) {
            return "应使用半角阿拉伯数字（0–9），不带正号";
        }
        return TextPolicy.freeTextProblem(value);
    }

    /** A number in any script, with any sign. */
    private static final java.util.regex.Pattern OTHER_NUMBER = java.util.regex.Pattern.compile("[+\\-＋－]?\\p{Nd}+(?:[.．]\\p{Nd}+)?");
    /** A number as the API reads it. */
    private static final java.util.regex.Pattern ASCII_NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");
}
