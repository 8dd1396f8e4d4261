package cn.perfeval.report.support;

import cn.perfeval.testsupport.DevTokens;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * Requests with a bearer token signed by the development key the test resource gives the service.
 * Tests that are not about access call {@link #asAdmin()}; the access tests pick the caller.
 */
public final class Calls {

    public static final DevTokens TOKENS = DevTokens.shared();
    private static final String ADMIN = TOKENS.admin();

    private Calls() {
    }

    /** A request as the county finance bureau's administrator, who may do everything. */
    public static RequestSpecification asAdmin() {
        return as(ADMIN);
    }

    /** A request with this bearer token; {@code null} for none. */
    public static RequestSpecification as(String token) {
        return token == null ? given() : given().header("Authorization", "Bearer " + token);
    }
}
