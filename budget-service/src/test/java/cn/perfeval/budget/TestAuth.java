package cn.perfeval.budget;

import cn.perfeval.testsupport.DevTokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests with a bearer token. The tests that are not about roles run as admin: they import
 * {@link #given()} instead of rest-assured's.
 */
public final class TestAuth {

    private static volatile String admin;

    private TestAuth() {
    }

    /** A request as admin. */
    public static RequestSpecification given() {
        String token = admin;
        if (token == null) {
            token = DevTokens.shared().admin();
            admin = token;
        }
        return as(token);
    }

    /** A request with this token. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    /** A request without any token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    public static DevTokens tokens() {
        return DevTokens.shared();
    }
}
