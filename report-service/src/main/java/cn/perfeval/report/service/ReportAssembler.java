package cn.perfeval.report.service;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.Conclusion;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Provenance;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the report from a budget event and, when there is one, a score event. Deterministic:
 * the same two events give the same document.
 */
public final class ReportAssembler {

    private ReportAssembler() {
    }

    public static ReportDocument assemble(JsonNode budget, JsonNode score) {
        String unitName = budget.path("unit").path("name").asText();
        int year = budget.path("fiscalYear").asInt();
        List<Section> sections = new ArrayList<>();

        sections.add(new Section(1, "四、部门整体支出绩效情况分析", List.of()));
        sections.add(new Section(2, "（一）预算安排及执行情况", List.of(expenditureTable(budget), executionParagraph(budget))));
        sections.add(new Section(2, "（二）绩效指标情况分析", score == null
                ? List.of(new Paragraph("评分尚未完成：评分服务计算后，本节自动生成。"))
                : List.of()));
        Conclusion conclusion = null;
        if (score != null) {
            sections.addAll(indicatorSections(score));
            conclusion = conclusion(score, year);
        }
        sections.add(new Section(1, "八、综合评价结论", List.of(new Paragraph(conclusion == null
                ? "评分尚未完成，暂无综合评价结论。" : conclusion.text()))));

        Provenance provenance = new Provenance(budget.path("version").asLong(),
                score == null ? null : score.path("version").asLong(),
                score == null ? null : score.path("budgetVersion").asLong(),
                score == null ? null : score.path("system").path("code").asText(),
                score == null ? null : score.path("system").path("version").asInt(),
                score == null ? null : score.path("system").path("name").asText());
        return new ReportDocument(unitName + year + "年度部门整体支出绩效评价自评报告",
                budget.path("unitCode").asText(), unitName, year, provenance, sections, conclusion);
    }

    private static Table expenditureTable(JsonNode budget) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal basic = BigDecimal.ZERO;
        BigDecimal project = BigDecimal.ZERO;
        for (JsonNode r : budget.path("tables").path("expenditure")) {
            rows.add(List.of(r.path("code").asText(), r.path("name").asText(), amount(r.path("total")),
                    amount(r.path("basic")), amount(r.path("project"))));
            if (r.path("code").asText().length() == 3) {
                total = total.add(r.path("total").decimalValue());
                basic = basic.add(r.path("basic").decimalValue());
                project = project.add(r.path("project").decimalValue());
            }
        }
        rows.add(List.of("合计", "", plain(total), plain(basic), plain(project)));
        return new Table("年初部门预算支出总表", budget.path("amountUnit").asText("万元"),
                List.of("科目编码", "科目名称", "合计", "基本支出", "项目支出"), rows);
    }

    private static Paragraph executionParagraph(JsonNode budget) {
        JsonNode m = budget.path("measures");
        List<String> parts = new ArrayList<>();
        if (m.has("yearStartBudget")) {
            parts.add("年初预算" + amount(m.path("yearStartBudget")) + "万元，其中基本支出" + amount(m.path("basicBudget"))
                    + "万元，项目支出" + amount(m.path("projectBudget")) + "万元");
        }
        if (m.has("adjustmentNet")) {
            parts.add("年中预算调整" + amount(m.path("adjustmentNet")) + "万元");
        }
        if (m.has("basicActual") && m.has("projectActual")) {
            parts.add("全年实际支出" + amount(m.path("totalActual")) + "万元，其中基本支出" + amount(m.path("basicActual"))
                    + "万元，项目支出" + amount(m.path("projectActual")) + "万元");
        }
        return new Paragraph(parts.isEmpty() ? "预算执行数据尚未录入。" : String.join("；", parts) + "。");
    }

    private static List<Section> indicatorSections(JsonNode score) {
        List<Section> out = new ArrayList<>();
        int n = 1;
        for (JsonNode group : score.path("groups")) {
            if (!group.path("parent").isNull() && group.has("parent")) {
                continue;
            }
            String code = group.path("code").asText();
            List<Block> blocks = new ArrayList<>();
            for (JsonNode ind : score.path("indicators")) {
                if (code.equals(ind.path("group").asText())) {
                    blocks.add(new Paragraph(ind.path("explanation").asText()));
                }
            }
            BigDecimal max = group.path("maxPoints").decimalValue();
            BigDecimal points = group.path("points").decimalValue();
            blocks.add(new Paragraph("综上所述，" + group.path("name").asText() + "考核指标总计" + plain(max) + "分，扣"
                    + plain(max.subtract(points)) + "分，得" + plain(points) + "分。"));
            out.add(new Section(3, (n++) + "." + group.path("name").asText() + "情况分析", blocks));
        }
        return out;
    }

    private static Conclusion conclusion(JsonNode score, int year) {
        BigDecimal total = score.path("total").decimalValue();
        String grade = score.path("grade").asText(null);
        boolean complete = score.path("complete").asBoolean();
        long awaiting = 0;
        for (JsonNode ind : score.path("indicators")) {
            if (!"SCORED".equals(ind.path("status").asText())) {
                awaiting++;
            }
        }
        String text = "根据以上预算绩效完成情况，我单位" + year + "年预算绩效自评得分" + plain(total) + "分，评定等次："
                + (grade == null ? "无" : grade)
                + (complete ? "" : "（尚有" + awaiting + "项指标待评分或缺少数据，得分与等次为暂定）");
        return new Conclusion(total, score.path("maxTotal").decimalValue(), grade, complete, text);
    }

    static String amount(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : plain(n.decimalValue());
    }

    /** 1827.50 → "1827.5", 1399.00 → "1399", as the tables print them. */
    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
