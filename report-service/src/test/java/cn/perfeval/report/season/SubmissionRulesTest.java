package cn.perfeval.report.season;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.testsupport.RecordedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The submission rules on the golden unit's recorded events, without a service. */
class SubmissionRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode golden(String kind) throws Exception {
        return (ObjectNode) JSON.readTree(RecordedEvents.read(kind, RecordedEvents.GOLDEN_UNIT));
    }

    @Test
    void theGoldenDataAreRefusedForTheirThreeErrorFindingsOnly() throws Exception {
        List<ProblemDetail.FieldError> errors = SubmissionService.rules(golden(RecordedEvents.BUDGET),
                golden(RecordedEvents.SCORE), RecordedEvents.GOLDEN_UNIT, 2024, "xiangtan-county");
        assertThat(errors).extracting(ProblemDetail.FieldError::field).containsExactly("findings", "findings", "findings");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).startsWith("预算数据有未解决的错误（BUD-").contains("2010499"));
    }

    @Test
    void aScoreOfEarlierBudgetDataIsRefusedNamingBothVersions() throws Exception {
        ObjectNode budget = golden(RecordedEvents.BUDGET);
        budget.set("findings", JSON.createArrayNode());
        ObjectNode score = golden(RecordedEvents.SCORE);
        assertThat(SubmissionService.rules(budget, score, RecordedEvents.GOLDEN_UNIT, 2024, "xiangtan-county")).isEmpty();

        budget.put("version", score.path("budgetVersion").asLong() + 1);
        List<ProblemDetail.FieldError> errors = SubmissionService.rules(budget, score, RecordedEvents.GOLDEN_UNIT, 2024,
                "xiangtan-county");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("score");
            assertThat(e.message()).isEqualTo("评分依据的是第" + score.path("budgetVersion").asLong() + "版预算数据，本服务已收到第"
                    + (score.path("budgetVersion").asLong() + 1) + "版，须待按最新预算数据重新评分后提交");
        });
    }

    @Test
    void anIndicatorAwaitingJudgementIsNamed() throws Exception {
        ObjectNode budget = golden(RecordedEvents.BUDGET);
        budget.set("findings", JSON.createArrayNode());
        ObjectNode score = golden(RecordedEvents.SCORE);
        for (JsonNode i : score.path("indicators")) {
            if (i.path("code").asText().equals("A5")) {
                ((ObjectNode) i).put("status", "AWAITING_JUDGEMENT");
            }
        }
        assertThat(SubmissionService.rules(budget, score, RecordedEvents.GOLDEN_UNIT, 2024, "xiangtan-county"))
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("indicators");
                    assertThat(e.message()).isEqualTo("指标“分项目核算结余结转”（A5）尚待评分");
                });
    }
}
