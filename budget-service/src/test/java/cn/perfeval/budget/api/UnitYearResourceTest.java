package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class UnitYearResourceTest {

    static final String TABLE = """
            {"amountUnit": "万元", "rows": [
              {"code": "201", "name": "一般公共服务支出", "total": 1827.5, "basic": 1570.5, "project": 257},
              {"code": "20103", "name": "政府办公厅（室）及相关机构事务", "total": 1399, "basic": 1231, "project": 168},
              {"code": "2010301", "name": "行政运行", "total": 1363.4, "basic": 1195.4, "project": 168},
              {"code": "2010399", "name": "其他政府办公厅（室）及相关机构事务支出", "total": 35.6, "basic": 35.6, "project": 0},
              {"code": "204", "name": "公共安全支出", "total": 540.37, "basic": 327.37, "project": 213}
            ]}""";

    static String newUnit() {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        given().contentType(ContentType.JSON).body(Examples.UNIT)
                .when().put("/api/v1/units/" + code)
                .then().statusCode(201).body("unitCode", equalTo(code)).body("kind", equalTo("行政"));
        return code;
    }

    @Test
    void storesTheTableExactlyAndDerivesMeasures() {
        String code = newUnit();
        given().contentType(ContentType.JSON).body(TABLE)
                .when().put("/api/v1/units/" + code + "/years/2024/budget/expenditure")
                .then().statusCode(200).header("ETag", "\"1\"");

        given().when().get("/api/v1/units/" + code + "/years/2024/budget/expenditure")
                .then().statusCode(200)
                .body("amountUnit", equalTo("万元"))
                .body("rows.code", equalTo(List.of("201", "20103", "2010301", "2010399", "204")))
                .body("rows[2].total", equalTo(1363.4f));
        // exact decimals on the wire, not floats
        String body = given().when().get("/api/v1/units/" + code + "/years/2024/budget/expenditure").asString();
        assertThat(body).contains("\"total\":1363.4,").contains("\"basic\":327.37,").contains("\"total\":1827.5,");

        given().contentType(ContentType.JSON).body(Examples.EXECUTION)
                .when().put("/api/v1/units/" + code + "/years/2024/budget/execution")
                .then().statusCode(200).header("ETag", "\"2\"");
        String measures = given().when().get("/api/v1/units/" + code + "/years/2024/budget/measures").asString();
        assertThat(measures)
                .contains("\"yearStartBudget\":2367.87")   // 1827.5 + 540.37 (类 rows only)
                .contains("\"basicBudget\":1897.87")
                .contains("\"projectBudget\":470")
                .contains("\"adjustmentNet\":307")
                .contains("\"adjustedBudget\":2674.87")
                .contains("\"totalActual\":4413");
    }

    @Test
    void amountsInYuanAreStoredInWanYuanExactly() {
        String code = newUnit();
        given().contentType(ContentType.JSON)
                .body("""
                        {"amountUnit": "元", "basicActual": 35530000.55, "projectActual": 8600000}""")
                .when().put("/api/v1/units/" + code + "/years/2024/budget/execution")
                .then().statusCode(200);
        String body = given().when().get("/api/v1/units/" + code + "/years/2024/budget/execution").asString();
        assertThat(body).contains("\"basicActual\":3553.000055").contains("\"projectActual\":860.0000");
    }

    @Test
    void staleIfMatchIsRefusedAndChangesNothing() {
        String code = newUnit();
        given().contentType(ContentType.JSON).body(TABLE)
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure").then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Examples.EXECUTION)
                .put("/api/v1/units/" + code + "/years/2024/budget/execution").then().statusCode(200).header("ETag", "\"2\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(TABLE.replace("1363.4", "1.00"))
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure")
                .then().statusCode(412).contentType(ProblemDetail.MEDIA_TYPE)
                .body("type", equalTo("/problems/stale-version"));
        given().get("/api/v1/units/" + code + "/years/2024/budget").then().statusCode(200)
                .header("ETag", "\"2\"").body("expenditure[2].total", equalTo(1363.4f));
    }

    @Test
    void badInputGetsProblemJsonNamingTheFieldAndChangesNothing() {
        String code = newUnit();
        given().contentType(ContentType.JSON).body(TABLE)
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure").then().statusCode(200);

        given().contentType(ContentType.JSON).body(TABLE.replace("\"basic\": 327.37", "\"basic\": -1"))
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE)
                .body("errors.field", hasItem("rows[4].basic"));
        given().contentType(ContentType.JSON).body(TABLE.replace("1363.4", "1363.456"))
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure")
                .then().statusCode(400).body("errors.field", hasItem("rows[2].total"));
        given().contentType(ContentType.JSON).body(TABLE.replace("\"20103\"", "\"20109\""))
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure")
                .then().statusCode(400).body("errors[0].message", org.hamcrest.Matchers.startsWith("上级科目 20103 不在表中"));
        given().contentType(ContentType.JSON).body(TABLE.replace("\"2010399\"", "\"2010301\""))
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure")
                .then().statusCode(400).body("errors[0].message", org.hamcrest.Matchers.startsWith("科目编码重复"));
        given().contentType(ContentType.JSON).body(TABLE.replace("\"204\"", "\"2041\""))
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure")
                .then().statusCode(400).body("errors.field", hasItem("rows[4].code"));
        given().contentType(ContentType.JSON).body(TABLE.replace("1363.4", "\"lots\""))
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE).body("errors[0].field", equalTo("rows[2].total"));
        given().contentType(ContentType.JSON).body("{\"amountUnit\": \"万元\", \"rows\": [")
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE);
        given().contentType(ContentType.JSON).body(Examples.EXECUTION)
                .put("/api/v1/units/NOSUCHUNIT/years/2024/budget/execution")
                .then().statusCode(404).contentType(ProblemDetail.MEDIA_TYPE);

        given().get("/api/v1/units/" + code + "/years/2024/budget").then().statusCode(200)
                .header("ETag", "\"1\"").body("expenditure[4].basic", equalTo(327.37f));
    }

    @Test
    void everyCommittedChangeLeavesAsAnEventInOrder() {
        String code = newUnit();
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Examples.EXECUTION.replace("3553", "355" + i))
                    .put("/api/v1/units/" + code + "/years/2024/budget/execution").then().statusCode(200);
        }
        String key = code + ":2024";
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("budget-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        seen.add(r);
                    }
                });
                return seen.size() >= 3;
            });
        }
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0).value()).contains("\"version\":1").contains("\"basicActual\":3550");
        assertThat(seen.get(2).value()).contains("\"version\":3").contains("\"basicActual\":3552")
                .contains("\"type\":\"BudgetUnitYearChanged\"");
        assertThat(new String(seen.get(0).headers().lastHeader("event-type").value())).isEqualTo("BudgetUnitYearChanged");
    }

    @Test
    void openApiAndHealthAreServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/units/{unitCode}/years/{year}/budget/expenditure"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
