package cn.perfeval.scoring.api;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.EventCodec;
import cn.perfeval.events.UnitYearScored;
import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import cn.perfeval.testsupport.RecordedEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The golden case's UnitYearScored as scoring-service publishes it, computed from the recorded
 * BudgetUnitYearChanged of budget-service, with the golden report's judgements and published
 * scores: it is the recording report-service's tests consume. Fails when the event published now
 * differs from the recording (-Devents.record=true writes it anew).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class RecordedScoreEventTest {

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    /** The judged indicators as the golden report gives them: code, points or deduction, value, reason, evidence. */
    static final List<String[]> JUDGEMENTS = List.of(
            new String[]{"A5", "points", "5", "分项目核算结余结转", "结余结转台账"},
            new String[]{"B1", "deduction", "1", "本单位认真贯彻执行《会计法》《预算法》《行政单位会计制度》等法律法规，"
                    + "先后制定了预算资金管理办法等相关制度；相关制度执行有待加强", "财务管理制度汇编"},
            new String[]{"B2", "points", "5", "本年度支出严格分项目单独核算，资金使用无截留、挤占、挪用、虚列支出等情况", "会计账簿"},
            new String[]{"B3", "points", "5", "按规定内容和时限公开预决算信息，相关信息资料真实、完整、准确", "公开网页截图"},
            new String[]{"B4", "points", "5", "达到政府采购要求的均按规定进行了政府采购", "采购合同"},
            new String[]{"C1", "deduction", "1", "制定了资产管理制度，2024年对国有资产进行了清查，固定资产做到一物一卡一条码，"
                    + "管理有待进一步加强", "资产清查报告"},
            new String[]{"D1", "deduction", "3", "经济发展、民生保障、社会治理和干部队伍建设各项任务基本完成，部分指标未达预期",
                    "年度工作总结"});

    @Test
    void theGoldenCaseIsScoredAsRecorded() throws Exception {
        String unit = TestEvents.newUnit();
        String budget = RecordedEvents.read(RecordedEvents.BUDGET, unit);
        BudgetUnitYearChanged budgetEvent = EventCodec.readBudgetEvent(budget);
        TestEvents.send(unit + ":2024", budget);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/units/" + unit + "/years/2024/score").then()
                .statusCode(200).body("budgetVersion", org.hamcrest.Matchers.equalTo((int) budgetEvent.version())));
        for (String[] j : JUDGEMENTS) {
            given().contentType(ContentType.JSON)
                    .body(Map.of(j[1], new BigDecimal(j[2]), "reason", j[3], "evidence", j[4], "by", "县财政局评价组"))
                    .put("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/" + j[0])
                    .then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body(TestEvents.GOLDEN_PUBLISHED)
                .put("/api/v1/units/" + unit + "/years/2024/published").then().statusCode(200);

        String key = unit + ":2024";
        AtomicReference<String> last = new AtomicReference<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "t-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("score-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        last.set(r.value());
                    }
                });
                return last.get() != null && EventCodec.readScoreEvent(last.get()).inconsistencies().size() == 4;
            });
        }
        UnitYearScored scored = EventCodec.readScoreEvent(last.get());
        assertThat(scored.total()).isEqualByComparingTo(new BigDecimal("93"));
        assertThat(scored.grade()).isEqualTo("优");
        assertThat(scored.groups()).extracting(UnitYearScored.Group::points).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("28"), new BigDecimal("19"), new BigDecimal("4"), new BigDecimal("42"));
        assertThat(scored.inconsistencies()).extracting(UnitYearScored.Inconsistency::kind)
                .containsExactly("PRINTED_FIGURE", "PRINTED_FIGURE", "PRINTED_FIGURE", "GRADE")
                .allMatch(UnitYearScored.INCONSISTENCY_KINDS::contains);
        assertThat(scored.budgetVersion()).isEqualTo(budgetEvent.version());
        RecordedEvents.assertRecorded(RecordedEvents.SCORE, last.get(), unit);
    }
}
