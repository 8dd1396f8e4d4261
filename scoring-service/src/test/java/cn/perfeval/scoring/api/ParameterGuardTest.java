package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A control character in a path or query parameter is a 400 naming the parameter, never a 500. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ParameterGuardTest {

    @BeforeEach
    void admin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void nobody() {
        TestAuth.anonymous();
    }

    @Test
    void aNulInAPathParameterIsRefusedNamingIt() {
        given().urlEncodingEnabled(false).get("/api/v1/systems/a%00b").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("systemCode"))
                .body("errors[0].message", containsString("控制字符"));
    }

    @Test
    void controlCharactersAndLineBreaksInAQueryParameterAreRefusedNamingIt() {
        given().urlEncodingEnabled(false).get("/api/v1/audit?actor=a%00b").then().statusCode(400)
                .body("errors[0].field", equalTo("actor"));
        given().urlEncodingEnabled(false).get("/api/v1/audit?actor=a%0Ab").then().statusCode(400)
                .body("errors[0].field", equalTo("actor"))
                .body("errors[0].message", containsString("换行符"));
        given().urlEncodingEnabled(false).get("/api/v1/audit?actor=a%E2%80%AEb").then().statusCode(400)
                .body("errors[0].field", equalTo("actor"));
    }

    @Test
    void ordinaryParametersPass() {
        given().queryParam("actor", "县财政局 评价组").get("/api/v1/audit").then().statusCode(200);
    }
}
