package cn.perfeval.report.service;

import cn.perfeval.report.domain.Narrative;
import cn.perfeval.testsupport.RecordedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Slips 5 and 7 of the golden case, and staff counts, found in the report's own words. */
class TextChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String MISNAMED = "综上所述，预算执行考核指标总计5分，扣 1分，得4分。";

    private final JsonNode budget = read(RecordedEvents.read(RecordedEvents.BUDGET, RecordedEvents.GOLDEN_UNIT));
    private final JsonNode score = read(RecordedEvents.read(RecordedEvents.SCORE, RecordedEvents.GOLDEN_UNIT));
    private final Narrative narrative = narrative();

    @Test
    void slip7TheScheduleDatedInTheFiscalYearItEvaluates() {
        List<TextChecks.TextFinding> found = TextChecks.check(budget, score, narrative, 2024);
        assertThat(found).hasSize(3).allSatisfy(f -> assertThat(f.place()).isEqualTo("三、绩效评价工作情况"));
        assertThat(found.get(0).sentence()).isEqualTo("1.前期准备（2024年4月25日-4月30日）。");
        assertThat(found.get(0).message()).isEqualTo("评价工作日程中的2024年4月25日、2024年4月30日早于2024年度结束："
                + "评价2024年度的支出只能在2025年及以后进行（报告落款为2025年5月26日），年份似应为2025年");
    }

    @Test
    void aScheduleInTheFollowingYearBeforeTheSignatureIsFine() {
        Narrative fixed = withEvaluationWork(inTheFollowingYear());
        assertThat(TextChecks.check(budget, score, fixed, 2024)).isEmpty();
        Narrative late = withEvaluationWork("3.分析评价（2025年5月25日-6月29日）。");
        assertThat(TextChecks.check(budget, score, late, 2024)).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("评价工作日程中的2025年6月29日晚于报告落款日期2025年5月26日"));
    }

    @Test
    void slip5ASubtotalNamingTheWrongGroup() {
        ObjectNode misnamed = score.deepCopy();
        for (JsonNode i : misnamed.withArray("indicators")) {
            if (i.path("code").asText().equals("B1")) {
                ObjectNode j = (ObjectNode) i.path("judgement");
                j.put("reason", j.path("reason").asText() + "。\n" + MISNAMED);
            }
        }
        Narrative fixed = withEvaluationWork(inTheFollowingYear());
        assertThat(TextChecks.check(budget, misnamed, fixed, 2024)).singleElement().satisfies(f -> {
            assertThat(f.place()).isEqualTo("指标“管理制度健全”的评分说明");
            assertThat(f.sentence()).isEqualTo(MISNAMED);
            assertThat(f.message()).isEqualTo("小计所称的“预算执行”满分30分，文中为5分；此句写在“管理制度健全”（属“预算管理”）之下，"
                    + "该指标满分5分，所指应为“管理制度健全”");
        });
    }

    @Test
    void subtotalsThatNameTheirGroupRightAndAddUpPass_OthersDoNot() {
        ObjectNode s = score.deepCopy();
        for (JsonNode i : s.withArray("indicators")) {
            if (i.path("code").asText().equals("A6")) {
                ((ObjectNode) i).putObject("judgement").put("reason", "综上所述，预算执行考核指标总计30分，扣2分，得28分。");
            }
            if (i.path("code").asText().equals("C1")) {
                ObjectNode j = (ObjectNode) i.path("judgement");
                j.put("reason", "综上所述，资产管理考核指标总计5分，扣 1分，得3分。");
            }
        }
        Narrative fixed = withEvaluationWork(inTheFollowingYear());
        assertThat(TextChecks.check(budget, s, fixed, 2024)).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("总计5分、扣1分，应得4分，文中为3分"));
    }

    @Test
    void staffCountsAreComparedWithTheStaffTable() {
        Narrative fixed = withEvaluationWork(inTheFollowingYear());
        assertThat(TextChecks.check(budget, score, fixed, 2024)).isEmpty();
        Narrative wrong = new Narrative(fixed.opening(), fixed.overview(), fixed.basicInfo(),
                fixed.organisation().replace("编制数136人", "编制数163人").replace("离退休人员94人", "离退休人员49人"),
                fixed.duties(), fixed.evaluationWork(), fixed.analysisIntro(), fixed.targetSetting(), fixed.outputs(),
                fixed.experience(), fixed.problems(), fixed.suggestions(), fixed.issuer(), fixed.issuedOn(), fixed.correctiveMeasures());
        assertThat(TextChecks.check(budget, score, wrong, 2024)).extracting(TextChecks.TextFinding::message)
                .containsExactly("文中“编制数163人”与人员信息表的编制数 136 人不符", "文中“退休人员49人”与人员信息表的离退休人员 94 人不符");
    }

    /** The schedule as it should have read: in 2025, finished by the day the report was signed. */
    private String inTheFollowingYear() {
        return narrative.evaluationWork().replace("2024年", "2025年").replace("5月29日", "5月26日");
    }

    private Narrative withEvaluationWork(String text) {
        Narrative n = narrative;
        return new Narrative(n.opening(), n.overview(), n.basicInfo(), n.organisation(), n.duties(), text,
                n.analysisIntro(), n.targetSetting(), n.outputs(), n.experience(), n.problems(), n.suggestions(),
                n.issuer(), n.issuedOn(), n.correctiveMeasures());
    }

    private static Narrative narrative() {
        try (InputStream in = TextChecksTest.class.getResourceAsStream("/golden/zhonglupu-2024-narrative.json")) {
            return JSON.readValue(in, Narrative.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
