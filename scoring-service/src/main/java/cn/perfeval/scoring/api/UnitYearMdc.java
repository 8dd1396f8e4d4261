package cn.perfeval.scoring.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the unit-year of a request ({@code unitCode} and {@code year} path parameters) in the MDC,
 * so that every log line written while serving it carries {@code unit=… year=…}; removed when
 * the response is written.
 */
public class UnitYearMdc {

    @ServerRequestFilter
    public void enter(ContainerRequestContext request) {
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        String unit = params.getFirst("unitCode");
        String year = params.getFirst("year");
        if (unit != null) {
            MDC.put("unit", unit);
        }
        if (year != null && unit != null) {
            MDC.put("year", year);
        }
    }

    @ServerResponseFilter
    public void leave(jakarta.ws.rs.container.ContainerResponseContext response) {
        MDC.remove("unit");
        MDC.remove("year");
    }
}
