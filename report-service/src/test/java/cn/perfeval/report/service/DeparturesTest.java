package cn.perfeval.report.service;

import cn.perfeval.testsupport.RecordedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Corrections and contradicted figures are said in the body, next to the working they concern (issue #15). */
class DeparturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode budget = read(RecordedEvents.read(RecordedEvents.BUDGET, RecordedEvents.GOLDEN_UNIT));
    private final JsonNode score = read(RecordedEvents.read(RecordedEvents.SCORE, RecordedEvents.GOLDEN_UNIT));

    private JsonNode indicator(String code) {
        for (JsonNode i : score.path("indicators")) {
            if (i.path("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code);
    }

    @Test
    void aCorrectedDivisorIsSaidWhereTheWorkingIs() {
        assertThat(ReportAssembler.departures(indicator("A1"), score, budget)).isEqualTo(
                "与原报告不同：“预算调整率”印制的除数 4988 是年初预算数 4988.65 的取整；按 4988.65 计算为 6.15 %（见附件评分核对发现）。");
    }

    @Test
    void fullMarksOnAFigureAFindingContradictsAwaitAReviewer() {
        assertThat(ReportAssembler.departures(indicator("A4"), score, budget)).isEqualTo(
                "预算数据核对发现 BUD-EXE-002 与本项所用的年末结余相矛盾（按其他数据应为 882.65，申报为 0，见附件），本项得分待评价人员复核。");
    }

    @Test
    void anIndicatorNothingContradictsSaysNothingMore() {
        assertThat(ReportAssembler.departures(indicator("A6"), score, budget)).isEmpty();
        assertThat(ReportAssembler.departures(indicator("B1"), score, budget)).isEmpty();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
