package cn.perfeval.platform.http;

import cn.perfeval.platform.text.UnitCode;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.regex.Pattern;

/**
 * Puts the unit and the year of a unit-year request into the logging MDC ({@code unit}, {@code
 * year}), so that every line logged while serving it can be found by unit-year; the console format
 * prints them. The unit is the path parameter {@code unitCode} (or {@code code} in budget-service's
 * paths). Quarkus keeps the MDC in the request's Vert.x context, so it follows the request onto the
 * worker thread. Values that are not a valid code or year are logged as "invalid": a path must not
 * write into the log. The event consumers put the same keys for each record they process.
 */
public class RequestMdc {

    public static final String UNIT = "unit";
    public static final String YEAR = "year";
    private static final Pattern CODE = Pattern.compile(UnitCode.PATTERN);
    private static final Pattern YEAR_PATTERN = Pattern.compile("\\d{4}");

    @ServerRequestFilter
    public void enter(UriInfo uri) {
        MultivaluedMap<String, String> params = uri.getPathParameters();
        String unit = params.getFirst("unitCode");
        put(UNIT, unit != null ? unit : params.getFirst("code"), CODE);
        put(YEAR, params.getFirst("year"), YEAR_PATTERN);
    }

    @ServerResponseFilter
    public void leave() {
        MDC.remove(UNIT);
        MDC.remove(YEAR);
    }

    private static void put(String key, String value, Pattern valid) {
        if (value != null) {
            MDC.put(key, valid.matcher(value).matches() ? value : "invalid");
        }
    }
}
