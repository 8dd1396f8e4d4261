package cn.perfeval.budget;

import cn.perfeval.testsupport.DevTokens;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Requests with a bearer token. The tests that are not about roles run as admin: they import
 * {@link #given()} instead of rest-assured's.
 */
public final class TestAuth {

    private static volatile String admin;

    /**
     * Bodies go out with the Content-Type the test gives, without rest-assured's default {@code charset=ISO-8859-1}
     * (a service refuses a body declared in another encoding than UTF-8 with 415; an xlsx or CSV upload names none).
     */
    static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

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
        return RestAssured.given().config(CONFIG).auth().oauth2(token);
    }

    /** A request without any token. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().config(CONFIG);
    }

    public static DevTokens tokens() {
        return DevTokens.shared();
    }
}
