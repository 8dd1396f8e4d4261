package cn.perfeval.scoring.events;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #13's pipeline test: a county of 12 units keeps being scored while one of them carries each
 * kind of poison data in turn — a zero divisor with a scale, huge and tiny figures, missing tables,
 * figures beyond any budget (1e10000), a target value beyond any target table (1e400, issue #16), an
 * event that cannot be decoded, one of schemaVersion 2, one the
 * database refuses every time. Each round every other unit publishes a new version, which must be
 * scored within {@link #BOUND}; the poisoned unit-year is scored with the indicators it stops marked
 * not computable, or shows NOT_SCORED with a Chinese reason through the API (its older score kept,
 * said to be stale), the metrics rise, and the next valid event scores it again.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class PoisonPipelineTest {

    static final Duration BOUND = Duration.ofSeconds(30);
    static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    static final Pattern TECHNICAL = Pattern.compile("Exception|java\\.|org\\.|SQL|Jackson|BigDecimal|null|undecodable|invalid:");

    static final String COUNTY = "毒数据县";
    final List<String> others = new ArrayList<>();
    final String poisoned = TestEvents.newUnit();
    long version = 1;

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    /** What a poisoned round expects of the poisoned unit-year. */
    enum Expect { SCORED_WITH_GAPS, NOT_SCORED }

    record Poison(String name, Expect expect, String cause, String reasonContains, String value) {
    }

    @Test
    void theCountyKeepsBeingScoredWhileOneUnitCarriesEachKindOfPoison() {
        for (int i = 0; i < 11; i++) {
            others.add(TestEvents.newUnit());
        }
        // round 0: everyone valid, everyone scored
        send(poisoned, valid(poisoned, version));
        others.forEach(u -> send(u, valid(u, version)));
        awaitScored(poisoned, version);
        others.forEach(u -> awaitScored(u, version));

        String golden = TestEvents.GOLDEN_MEASURES;
        List<Poison> poisons = List.of(
                // 0 元 of project spending, converted to 万元: 0.0000, a zero with a scale
                new Poison("zero divisor with a scale", Expect.SCORED_WITH_GAPS, null, "除数为零",
                        golden.replace("\"projectBudget\": 1714.31", "\"projectBudget\": 0.0000")
                                .replace("\"threePublicBudget\": 12", "\"threePublicBudget\": 0E-10")),
                new Poison("huge and tiny figures", Expect.SCORED_WITH_GAPS, null, null,
                        golden.replace("\"yearStartBudget\": 4988.65", "\"yearStartBudget\": 99999999999999.9999999999")
                                .replace("\"adjustmentNet\": 307", "\"adjustmentNet\": 1E+14")
                                .replace("\"projectBudget\": 1714.31", "\"projectBudget\": 1E-10")),
                new Poison("missing tables", Expect.SCORED_WITH_GAPS, null, "缺少数据",
                        "{\"staffAuthorized\": 136, \"staffInService\": 125}"),
                new Poison("figures beyond any budget", Expect.NOT_SCORED, "INVALID", "“预算调整数”的数值超出范围",
                        golden.replace("\"adjustmentNet\": 307", "\"adjustmentNet\": 1E+10000")),
                new Poison("a target's figure beyond any table", Expect.NOT_SCORED, "INVALID", "绩效目标的数值",
                        golden),
                new Poison("an event that cannot be decoded", Expect.NOT_SCORED, "UNREADABLE", "无法读取", null),
                new Poison("schemaVersion 2", Expect.NOT_SCORED, "UNSUPPORTED_VERSION", "第 2 版", null),
                new Poison("refused by the database every time", Expect.NOT_SCORED, "PROCESSING_FAILED",
                        "超出可保存的长度", null));

        for (Poison poison : poisons) {
            version++;
            double causeBefore = metric("perfeval_unit_years_set_aside_total", poison.cause());
            double deadBefore = metric("perfeval_dead_letters_total", null);
            String value = switch (poison.name()) {
                case "an event that cannot be decoded" -> "{\"type\": \"BudgetUnitYearChanged\", \"unitCode\": \"" + poisoned;
                case "schemaVersion 2" -> valid(poisoned, version).replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
                case "a target's figure beyond any table" -> TestEvents.budgetEvent(poisoned, COUNTY, version, golden)
                        .replace("\"amountUnit\": \"万元\",", "\"amountUnit\": \"万元\", \"targets\": {\"overallGoal\": \"目标\", "
                                + "\"indicators\": [{\"code\": \"CC-01\", \"level1\": \"产出\", \"level2\": \"数量\", "
                                + "\"name\": \"参保人数\", \"targetValue\": 1E+400, \"direction\": \"越大越好\", \"progress\": []}]},");
                case "refused by the database every time" -> TestEvents.budgetEvent(poisoned, "湘".repeat(150), version,
                        golden);
                default -> TestEvents.budgetEvent(poisoned, COUNTY, version, poison.value());
            };
            send(poisoned, value);
            others.forEach(u -> send(u, valid(u, version)));

            long started = System.nanoTime();
            others.forEach(u -> awaitScored(u, version));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("PoisonPipelineTest: %-35s the other 11 units' version %d scored in %d ms%n",
                    poison.name(), version, took.toMillis());

            if (poison.expect() == Expect.SCORED_WITH_GAPS) {
                JsonPath score = awaitScored(poisoned, version);
                assertThat(score.getString("status")).isEqualTo("SCORED");
                List<Map<String, Object>> indicators = score.getList("result.indicators");
                for (Map<String, Object> i : indicators) {
                    String explanation = (String) i.get("explanation");
                    assertThat(explanation).containsPattern(CJK).doesNotContainPattern(TECHNICAL);
                    if ("SCORED".equals(i.get("status"))) {
                        assertThat(new BigDecimal(i.get("points").toString()))
                                .isBetween(BigDecimal.ZERO, new BigDecimal(i.get("maxPoints").toString()));
                    }
                }
                if (poison.reasonContains() != null) {
                    assertThat(indicators).as(poison.name()).anySatisfy(i -> {
                        assertThat(i.get("status")).isIn("NOT_COMPUTABLE", "MISSING_DATA");
                        assertThat((String) i.get("explanation")).contains(poison.reasonContains());
                    });
                }
            } else {
                JsonPath stale = await().atMost(BOUND).until(() -> score(poisoned),
                        s -> s != null && "NOT_SCORED".equals(s.getString("status")));
                assertThat(stale.getString("statusLabel")).isEqualTo("未计分");
                assertThat(stale.getLong("budgetVersion")).as("the older score is kept").isLessThan(version);
                assertThat(stale.getString("notScored.cause")).isEqualTo(poison.cause());
                assertThat(stale.getString("notScored.reason")).contains(poison.reasonContains()).contains("已转入待处理队列")
                        .containsPattern(CJK).doesNotContainPattern(TECHNICAL);
                assertThat(stale.getString("notScored.since")).isNotBlank();
                if (poison.name().equals("an event that cannot be decoded")) {
                    assertThat(stale.getString("notScored.budgetVersion")).isNull();
                } else {
                    assertThat(stale.getLong("notScored.budgetVersion")).isEqualTo(version);
                }
                assertThat(stale.getInt("notScored.attempts")).isEqualTo(poison.cause().equals("PROCESSING_FAILED") ? 3 : 0);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(metric("perfeval_unit_years_set_aside_total", poison.cause())).isEqualTo(causeBefore + 1);
                    assertThat(metric("perfeval_unit_years_not_scored", null)).isGreaterThanOrEqualTo(1);
                    assertThat(metric("perfeval_dead_letters_total", null)).isGreaterThan(deadBefore);
                });
                double markedNow = metric("perfeval_unit_years_not_scored", null);

                // the next valid event scores it again and clears the mark
                version++;
                send(poisoned, valid(poisoned, version));
                JsonPath again = awaitScored(poisoned, version);
                assertThat(again.getString("status")).isEqualTo("SCORED");
                assertThat(again.getString("statusLabel")).isEqualTo("已计分");
                assertThat(again.getString("notScored")).isNull();
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(metric("perfeval_unit_years_not_scored", null)).isLessThan(markedNow));
            }
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aUnitYearNeverScoredAnswers404SayingWhyUntilAValidEventOfThatVersionOrNewerIsScored() {
        String unit = TestEvents.newUnit();
        String path = "/api/v1/units/" + unit + "/years/2024/score";
        send(unit, "{\"type\": \"BudgetUnitYearChanged\", \"unitCode\": \"" + unit + "\", \"fiscalYear\": 2024");
        await().atMost(BOUND).untilAsserted(() -> assertThat(given().get(path).then().statusCode(404)
                .extract().jsonPath().getString("detail"))
                .startsWith("单位 " + unit + " 2024 年度未计分：预算数据无法读取（事件格式错误），已转入待处理队列，自 ")
                .endsWith("（北京时间）起").doesNotContainPattern(TECHNICAL));

        send(unit, valid(unit, 5).replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        await().atMost(BOUND).untilAsserted(() -> assertThat(given().get(path).then().statusCode(404)
                .extract().jsonPath().getString("detail"))
                .contains("未计分：预算数据的格式为第 2 版，本服务只能读取第 1 版，已转入待处理队列（第 5 版预算数据）")
                .doesNotContainPattern(TECHNICAL));

        // a valid event older than the one set aside is scored, but the unit-year stays not scored: its score is stale
        send(unit, valid(unit, 4));
        JsonPath stale = await().atMost(BOUND).until(() -> score(unit), s -> s != null);
        assertThat(stale.getLong("budgetVersion")).isEqualTo(4);
        assertThat(stale.getString("status")).isEqualTo("NOT_SCORED");
        assertThat(stale.getLong("notScored.budgetVersion")).isEqualTo(5);
        assertThat(stale.getString("notScored.causeLabel")).isEqualTo("数据格式版本不支持");

        send(unit, valid(unit, 5));
        assertThat(awaitScored(unit, 5).getString("notScored")).isNull();
    }

    static String valid(String unit, long version) {
        return TestEvents.budgetEvent(unit, COUNTY, version, TestEvents.GOLDEN_MEASURES);
    }

    void send(String unit, String value) {
        TestEvents.send(unit + ":2024", value);
    }

    /** The current score, or null while there is none. */
    static JsonPath score(String unit) {
        var response = given().get("/api/v1/units/" + unit + "/years/2024/score");
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    static JsonPath awaitScored(String unit, long budgetVersion) {
        return await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> score(unit),
                s -> s != null && s.getLong("budgetVersion") == budgetVersion && "SCORED".equals(s.getString("status")));
    }

    /** A metric's value (0 when absent), of the series with tag cause=… when given. */
    static double metric(String name, String cause) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String tags = cause == null ? "(\\{[^}]*})?" : "\\{[^}]*cause=\"" + cause.toLowerCase() + "\"[^}]*}";
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + name + tags + " ([0-9.eE+-]+)$").matcher(metrics);
        while (m.find()) {
            sum += Double.parseDouble(m.group(m.groupCount()));
        }
        return sum;
    }
}
