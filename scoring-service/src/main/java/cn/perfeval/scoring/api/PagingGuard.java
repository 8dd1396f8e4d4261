package cn.perfeval.scoring.api;

import cn.perfeval.platform.problem.ApiException;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/**
 * {@code page} and {@code size} are whole numbers: anything else is a 400 naming the parameter. Left to
 * JAX-RS, a query parameter that does not convert is a 404 ("no such path"), which no list operation
 * documents and which tells the client nothing. (Belongs in libs/platform's ParameterGuard; here until it is.)
 */
public class PagingGuard {

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

    @ServerRequestFilter
    public void check(UriInfo uri) {
        if (!uri.getPath().startsWith("/api/")) {
            return;
        }
        refuse(uri, "page", "页码，从 0 起");
        refuse(uri, "size", "每页条数，1–200");
    }

    private static void refuse(UriInfo uri, String name, String what) {
        for (String value : uri.getQueryParameters().getOrDefault(name, java.util.List.of())) {
            if (value != null && !WHOLE.matcher(value).matches()) {
                throw ApiException.invalid(name, "参数 " + name + " 应为整数（" + what + "）", null);
            }
        }
    }
}
