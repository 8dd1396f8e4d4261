package cn.perfeval.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.util.List;

/**
 * Puts {@link OpenApiContract} between every {@code @QuarkusTest} and the service: each response the tests
 * receive through rest-assured is checked against the service's OpenAPI document, and a response the
 * document does not describe (an undeclared status, a body outside its schema) fails the test that got it.
 * Registered through {@code META-INF/services}, so no test has to ask for it.
 */
public class ContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof ContractFilter)) {
            RestAssured.filters(new ContractFilter());
        }
    }

    /** The check itself, after the response arrived. */
    static final class ContractFilter implements Filter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
                               FilterContext ctx) {
            Response response = ctx.next(request, expected);
            URI uri = URI.create(request.getURI());
            // the HTTP layer's refusals (request line, headers) answer before any operation: docs/api.md
            if (!uri.getRawPath().startsWith("/api/") || response.getStatusCode() == 414 || response.getStatusCode() == 431) {
                return response;
            }
            String base = uri.getScheme() + "://" + uri.getRawAuthority();
            String contentType = response.getContentType();
            boolean json = contentType != null && contentType.toLowerCase().contains("json");
            List<String> violations = OpenApiContract.check(OpenApiContract.document(base), request.getMethod(),
                    uri.getRawPath(), response.getStatusCode(), contentType, json ? response.asString() : null);
            if (!violations.isEmpty()) {
                throw new AssertionError("the response is not what the OpenAPI document says:\n  "
                        + String.join("\n  ", violations) + "\n  body: " + abbreviate(json ? response.asString() : ""));
            }
            return response;
        }

        private static String abbreviate(String s) {
            return s.length() > 600 ? s.substring(0, 600) + "…" : s;
        }
    }
}
