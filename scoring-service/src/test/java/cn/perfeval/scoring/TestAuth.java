package cn.perfeval.scoring;

import cn.perfeval.testsupport.DevTokens;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

/**
 * Bearer tokens for the tests, signed by the development identity provider whose public key the
 * test resource gives the service. Tests that are not about roles run as admin: they call
 * {@link #asAdmin()} before each test and {@link #anonymous()} after it, so that tests about
 * roles (which set their own Authorization header) start without a default one.
 */
public final class TestAuth {

    private TestAuth() {
    }

    public static DevTokens tokens() {
        return DevTokens.shared();
    }

    /** Every request of rest-assured's static API carries an admin token from now on. */
    public static void asAdmin() {
        RestAssured.requestSpecification = bearer(tokens().admin());
    }

    /** Requests carry no token unless they set one. */
    public static void anonymous() {
        RestAssured.requestSpecification = null;
    }

    /**
     * A spec with the token, for {@code RestAssured.requestSpecification}. Built when called:
     * a spec takes the port rest-assured has at that moment, which Quarkus sets before each test.
     */
    public static RequestSpecification bearer(String token) {
        return new RequestSpecBuilder().addHeader("Authorization", "Bearer " + token).build();
    }

    /** A request with the token, on the port of the running test. */
    public static RequestSpecification given(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
