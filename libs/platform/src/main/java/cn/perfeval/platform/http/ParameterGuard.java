package cn.perfeval.platform.http;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.text.TextPolicy;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

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
    public void check(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

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
