package cn.perfeval.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each indicator's working names the indicator once and states its points once. */
class IndicatorTextTest {

    static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void aComputedWorkingThatStartsWithItsNameIsNotPrefixedAgain() throws Exception {
        String text = ReportAssembler.indicatorText(json("""
                {"code": "A1", "name": "预算调整率", "maxPoints": 5, "points": 4, "status": "SCORED",
                 "explanation": "预算调整率 = 预算调整数 / 年初预算数 × 100 = 307 / 4988.65 × 100 = 6.15 %，在区间 (0, 10] 内，得 4 分"}
                """));
        assertThat(text).startsWith("预算调整率 = 预算调整数").doesNotContain("预算调整率：预算调整率");
    }

    @Test
    void aJudgedWorkingNamesTheIndicatorOnceAndItsPointsOnce() throws Exception {
        String text = ReportAssembler.indicatorText(json("""
                {"code": "B2", "name": "专账核算管理", "maxPoints": 5, "points": 5, "status": "SCORED",
                 "judgement": {"points": 5, "reason": "本年度支出严格分项目单独核算。", "by": "中路铺镇绩效自评工作小组"}}
                """));
        assertThat(text).startsWith("专账核算管理：本年度支出严格分项目单独核算");
        assertThat(text.split("得5分", -1)).hasSize(2);
        assertThat(text).doesNotContain("依据：");
    }
}
