package cn.perfeval.platform.http;

import cn.perfeval.platform.problem.ApiException;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/**
 * The year of a path ({@code {year}}) is ASCII digits. Java's int parsing also accepts other scripts'
 * digits, so without this "/years/２０２４" would silently be 2024, an alias of every unit-year; and a
 * year that is not a number at all is a 400 naming the field rather than a bare 404.
 */
public class YearPathGuard {

    private static final Pattern ASCII_YEAR = Pattern.compile("[0-9]{1,9}");

    @ServerRequestFilter
    public void check(UriInfo uri) {
        String year = uri.getPathParameters().getFirst("year");
        if (year != null && !ASCII_YEAR.matcher(year).matches()) {
            throw ApiException.invalid("year", "年度应为 4 位半角数字，如 2024", year);
        }
    }
}
