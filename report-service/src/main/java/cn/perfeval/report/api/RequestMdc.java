package cn.perfeval.report.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the unit and year of a unit-year request into the logging MDC ({@code unit}, {@code year}),
 * so that every line logged while serving it can be found by unit-year; the console format prints
 * them. Runs after matching, when the path parameters are known.
 */
public class RequestMdc {

    @ServerRequestFilter
    public void put(ContainerRequestContext request) {
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        String unit = params.getFirst("unitCode");
        String year = params.getFirst("year");
        if (unit != null) {
            MDC.put("unit", unit);
        }
        if (year != null) {
            MDC.put("year", year);
        }
    }

    @ServerResponseFilter
    public void clear() {
        MDC.remove("unit");
        MDC.remove("year");
    }
}
