package cn.perfeval.report.service;

import cn.perfeval.events.measures.Measures;
import cn.perfeval.events.measures.Terms;
import cn.perfeval.report.domain.Narrative;
import cn.perfeval.report.domain.NarrativeVersion;
import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.Conclusion;
import cn.perfeval.report.domain.ReportDocument.HeaderCell;
import cn.perfeval.report.domain.ReportDocument.Indicator;
import cn.perfeval.report.domain.ReportDocument.TextFinding;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Provenance;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the report, in the order of the golden report, from a budget event, a score event (when
 * there is one) and the narrative. Deterministic: the same inputs give the same document.
 */
public final class ReportAssembler {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
            "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三"};

    /** Ordinal of each 类 in the national classification, as the 收支总表 prints it ((一) 一般公共服务支出 …). */
    private static final Map<String, Integer> CATEGORY_ORDINAL = Map.ofEntries(
            Map.entry("201", 1), Map.entry("202", 2), Map.entry("203", 3), Map.entry("204", 4), Map.entry("205", 5),
            Map.entry("206", 6), Map.entry("207", 7), Map.entry("208", 8), Map.entry("210", 9), Map.entry("211", 10),
            Map.entry("212", 11), Map.entry("213", 12), Map.entry("214", 13), Map.entry("215", 14), Map.entry("216", 15),
            Map.entry("217", 16), Map.entry("219", 17), Map.entry("220", 18), Map.entry("221", 19), Map.entry("222", 20),
            Map.entry("224", 21), Map.entry("227", 22), Map.entry("229", 23));

    /**
     * The expenditure side of the 收支总表 as the county's form prints it: every category of the form, with or
     * without an amount, by its ordinal in the national classification ((一) 一般公共服务支出, (三) 国防支出 …).
     */
    static final Map<String, String> SUMMARY_CATEGORIES = linked(
            "201", "一般公共服务支出", "203", "国防支出", "204", "公共安全支出", "205", "教育支出", "206", "科学技术支出",
            "207", "文化旅游体育与传媒支出", "208", "社会保障和就业支出", "210", "卫生健康支出", "211", "节能环保支出",
            "212", "城乡社区支出", "213", "农林水支出", "214", "交通运输支出", "215", "资源勘探信息等支出",
            "216", "商业服务业等支出", "217", "金融支出", "224", "灾害防治及应急管理支出");

    /** Indent in characters of a 项 (7-digit code) name in the 收入总表 and 支出总表, as the original prints them. */
    static final int ITEM_INDENT = 2;

    /** Revenue columns of the 收入总表: event field → header. */
    static final Map<String, String> REVENUE_COLUMNS = linked(
            "total", "合计", "generalBudget", "一般公共预算拨款小计", "generalBudgetFunding", "经费拨款",
            "generalBudgetNonTax", "纳入一般公共预算管理的非税收入拨款", "governmentFund", "政府性基金收入",
            "specialAccountNonTax", "纳入专户管理的非税收入拨款", "superiorSubsidy", "上级补助收入", "other", "其他收入");

    private ReportAssembler() {
    }

    public static ReportDocument assemble(JsonNode budget, JsonNode score, NarrativeVersion narrativeVersion) {
        String unitName = budget.path("unit").path("name").asText();
        int year = budget.path("fiscalYear").asInt();
        Narrative n = narrativeVersion.narrative();
        List<Section> sections = new ArrayList<>();

        sections.add(new Section(1, "一、工作概述", paragraphs(n.overview())));
        sections.add(new Section(1, "二、部门基本情况", paragraphs(n.basicInfo())));
        sections.add(new Section(2, "（一）机构设置及在职人员情况", paragraphs(n.organisation())));
        sections.add(new Section(2, "（二）单位主要职责", paragraphs(n.duties())));
        sections.add(new Section(1, "三、绩效评价工作情况", paragraphs(n.evaluationWork())));

        sections.add(new Section(1, "四、部门整体支出绩效情况分析", paragraphs(n.analysisIntro())));
        sections.add(new Section(2, "（一）预算安排及执行情况", List.of()));
        int t = 1;
        JsonNode tables = budget.path("tables");
        if (tables.path("budgetSummary").isObject()) {
            sections.add(new Section(3, (t++) + ".年初部门预算收支总表", List.of(budgetSummaryTable(budget))));
        }
        if (tables.path("revenue").isArray() && !tables.path("revenue").isEmpty()) {
            sections.add(new Section(3, (t++) + ".年初部门预算收入总表", List.of(revenueTable(budget))));
        }
        sections.add(new Section(3, (t++) + ".年初部门预算支出总表", List.of(expenditureTable(budget))));
        sections.add(new Section(3, t + ".预算执行情况", List.of(executionParagraph(budget))));

        sections.add(new Section(2, "（二）绩效指标情况分析", List.of()));
        sections.add(new Section(3, "1.目标设定", paragraphs(n.targetSetting())));
        Conclusion conclusion = null;
        List<TextChecks.TextFinding> textChecks = TextChecks.check(budget, score, n, year);
        List<Indicator> indicators = new ArrayList<>();
        if (score != null) {
            sections.addAll(indicatorSections(score, budget, n, textChecks, indicators));
            conclusion = conclusion(score, year);
        } else {
            sections.add(new Section(3, "2.绩效指标评分", List.of(new Paragraph("评分尚未完成：评分服务计算后，本节自动生成。"))));
            if (!paragraphs(n.outputs()).isEmpty()) {
                sections.add(new Section(3, "3.产出分析：职责履行情况分析", paragraphs(n.outputs())));
            }
        }

        sections.add(new Section(1, "五、主要经验及做法", paragraphs(n.experience())));
        sections.add(new Section(1, "六、存在的主要问题", paragraphs(n.problems())));
        sections.add(new Section(1, "七、改进措施和有关建议", paragraphs(n.suggestions())));
        sections.add(new Section(1, "八、综合评价结论", List.of(new Paragraph(conclusion == null
                ? "评分尚未完成，暂无综合评价结论。" : conclusion.text()))));

        Provenance provenance = provenance(budget, score, narrativeVersion);
        String issuer = n.issuer() == null || n.issuer().isBlank() ? unitName : n.issuer();
        String issuedOn = n.issuedOn() == null ? null
                : n.issuedOn().getYear() + "年" + n.issuedOn().getMonthValue() + "月" + n.issuedOn().getDayOfMonth() + "日";
        List<Section> appendix = appendix(budget, score, textChecks);
        return new ReportDocument(unitName + year + "年度部门整体支出绩效评价自评报告",
                budget.path("unitCode").asText(), unitName, year, provenance, Narrative.paragraphs(n.opening()),
                sections, conclusion, issuer, issuedOn, appendix, attachmentNote(appendix),
                textChecks.stream().map(f -> new TextFinding(f.place(), f.sentence(), f.message())).toList(), indicators);
    }

    /**
     * The attachment note (附件说明, GB/T 9704-2012 7.3.4): "附件：" and the attachments' titles, numbered 1. 2. … when
     * there are several; each level-1 section of the appendix is an attachment ("附件：数据核对情况").
     */
    static String attachmentNote(List<Section> appendix) {
        List<String> titles = appendix.stream().filter(s -> s.level() == 1).map(s -> attachmentTitle(s.heading())).toList();
        if (titles.isEmpty()) {
            return null;
        }
        if (titles.size() == 1) {
            return "附件：" + titles.get(0);
        }
        StringBuilder out = new StringBuilder("附件：");
        for (int i = 0; i < titles.size(); i++) {
            out.append(i == 0 ? "" : "\n").append(i + 1).append('.').append(titles.get(i));
        }
        return out.toString();
    }

    /** An attachment's title without its "附件：" label: "附件：数据核对情况" → "数据核对情况". */
    public static String attachmentTitle(String heading) {
        return heading.startsWith("附件：") ? heading.substring("附件：".length()) : heading;
    }

    private static Provenance provenance(JsonNode budget, JsonNode score, NarrativeVersion nv) {
        long budgetVersion = budget.path("version").asLong();
        Long narrative = nv.version() == 0 ? null : nv.version();
        StringBuilder text = new StringBuilder("本报告依据：预算数据第").append(budgetVersion).append("版；");
        if (score == null) {
            text.append("评分：尚无；");
        } else {
            text.append("评分第").append(score.path("version").asLong()).append("版（依据预算数据第")
                    .append(score.path("budgetVersion").asLong()).append("版，指标体系")
                    .append(score.path("system").path("name").asText()).append("第")
                    .append(score.path("system").path("version").asInt()).append("版")
                    .append(score.path("basis").path("projected").asBoolean(false)
                            ? "，" + MonitoringCalculator.scoreLabel(true, score.path("basis").path("asOfMonth").isInt()
                            ? score.path("basis").path("asOfMonth").asInt() : null) : "").append("）；");
        }
        text.append(narrative == null ? "文字材料：尚未保存（使用模板）。" : "文字材料第" + narrative + "版。");
        if (score != null && score.path("budgetVersion").asLong() != budgetVersion) {
            text.append("注意：评分依据的预算数据（第").append(score.path("budgetVersion").asLong())
                    .append("版）不是本报告表格所用的版本（第").append(budgetVersion).append("版），评分重新计算后本报告随之更新。");
        }
        return new Provenance(budgetVersion,
                score == null ? null : score.path("version").asLong(),
                score == null ? null : score.path("budgetVersion").asLong(),
                score == null ? null : score.path("system").path("code").asText(),
                score == null ? null : score.path("system").path("version").asInt(),
                score == null ? null : score.path("system").path("name").asText(),
                narrative, text.toString());
    }

    private static List<Block> paragraphs(String text) {
        List<Block> out = new ArrayList<>();
        Narrative.paragraphs(text).forEach(p -> out.add(new Paragraph(p)));
        return out;
    }

    // ---------------------------------------------------------------- tables

    static Table budgetSummaryTable(JsonNode budget) {
        JsonNode s = budget.path("tables").path("budgetSummary");
        List<String[]> left = new ArrayList<>();
        int i = 0;
        for (JsonNode r : s.path("revenue")) {
            left.add(new String[]{NUMERALS[i++] + "、" + r.path("item").asText(), amount(r.path("amount"))});
            for (JsonNode c : r.path("children")) {
                left.add(new String[]{"　　" + c.path("item").asText(), amount(c.path("amount"))});
            }
        }
        List<String[]> right = new ArrayList<>();
        BigDecimal spent = BigDecimal.ZERO;
        boolean any = false;
        for (JsonNode r : s.path("expenditure")) {
            if (r.path("amount").isNumber()) {
                spent = spent.add(r.path("amount").decimalValue());
                any = true;
            }
        }
        right.add(new String[]{"一、本年支出", any ? plain(spent) : ""});
        // every category of the county's form, in code order, with those of the data that the form lacks
        Map<String, String[]> categories = new java.util.TreeMap<>();
        SUMMARY_CATEGORIES.forEach((code, item) -> categories.put(code, new String[]{item, ""}));
        for (JsonNode r : s.path("expenditure")) {
            categories.put(r.path("code").asText(), new String[]{r.path("item").asText(), amount(r.path("amount"))});
        }
        categories.forEach((code, c) -> {
            Integer ordinal = CATEGORY_ORDINAL.get(code);
            right.add(new String[]{(ordinal == null ? "" : "（" + NUMERALS[ordinal - 1] + "）") + c[0], c[1]});
        });
        right.add(new String[]{"二、结转下年", amount(s.path("carryForwardToNextYear"))});
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < Math.max(left.size(), right.size()); k++) {
            String[] l = k < left.size() ? left.get(k) : new String[]{"", ""};
            String[] r = k < right.size() ? right.get(k) : new String[]{"", ""};
            rows.add(List.of(l[0], l[1], r[0], r[1]));
        }
        rows.add(List.of("收入总计", amount(s.path("revenueTotal")), "支出总计", amount(s.path("expenditureTotal"))));
        return new Table("年初部门预算收支总表", budget.path("amountUnit").asText("万元"),
                List.of("收入项目", "预算数", "支出项目", "预算数"), rows, List.of(1, 3),
                List.of(List.of(new HeaderCell("收入", 2, 1), new HeaderCell("支出", 2, 1)),
                        List.of(new HeaderCell("项目", 1, 1), new HeaderCell("预算数", 1, 1), new HeaderCell("项目", 1, 1),
                                new HeaderCell("预算数", 1, 1))), null);
    }

    static Table revenueTable(JsonNode budget) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (JsonNode r : budget.path("tables").path("revenue")) {
            List<String> row = new ArrayList<>(List.of(r.path("code").asText(), r.path("name").asText()));
            for (String col : REVENUE_COLUMNS.keySet()) {
                row.add(amount(r.path(col)));
                if (r.path("code").asText().length() == 3 && r.path(col).isNumber()) {
                    totals.merge(col, r.path(col).decimalValue(), BigDecimal::add);
                }
            }
            rows.add(row);
        }
        List<String> total = new ArrayList<>(List.of("合计", ""));
        for (String col : REVENUE_COLUMNS.keySet()) {
            total.add(totals.containsKey(col) ? plain(totals.get(col)) : "");
        }
        rows.add(total);
        List<String> header = new ArrayList<>(List.of("科目编码", "科目名称"));
        header.addAll(REVENUE_COLUMNS.values());
        // the original's header: 功能分类科目 over 科目编码 (类 款 项) and 科目名称; 一般公共预算拨款 over its three columns
        List<List<HeaderCell>> headerRows = List.of(
                List.of(new HeaderCell("功能分类科目", 2, 1), new HeaderCell("合计", 1, 3), new HeaderCell("一般公共预算拨款", 3, 1),
                        new HeaderCell("政府性基金收入", 1, 3), new HeaderCell("纳入专户管理的非税收入拨款", 1, 3),
                        new HeaderCell("上级补助收入", 1, 3), new HeaderCell("其他收入", 1, 3)),
                List.of(new HeaderCell("科目编码", 1, 1), new HeaderCell("科目名称", 1, 2), new HeaderCell("小计", 1, 2),
                        new HeaderCell("经费拨款", 1, 2), new HeaderCell("纳入一般公共预算管理的非税收入拨款", 1, 2)),
                List.of(new HeaderCell("类　款　项", 1, 1)));
        return new Table("年初部门预算收入总表", budget.path("amountUnit").asText("万元"), header, rows,
                List.of(2, 3, 4, 5, 6, 7, 8, 9), headerRows, indents(rows));
    }

    /** The indent of each row's name as the original prints it: a 项 (7-digit code) two characters under its 款. */
    private static List<Integer> indents(List<List<String>> rows) {
        return rows.stream().map(r -> r.get(0).length() == 7 ? ITEM_INDENT : 0).toList();
    }

    static Table expenditureTable(JsonNode budget) {
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal basic = BigDecimal.ZERO;
        BigDecimal project = BigDecimal.ZERO;
        for (JsonNode r : budget.path("tables").path("expenditure")) {
            rows.add(List.of(r.path("code").asText(), r.path("name").asText(), amount(r.path("total")),
                    amount(r.path("basic")), amount(r.path("project"))));
            if (r.path("code").asText().length() == 3) {
                total = total.add(decimal(r.path("total")));
                basic = basic.add(decimal(r.path("basic")));
                project = project.add(decimal(r.path("project")));
            }
        }
        rows.add(List.of("合计", "", plain(total), plain(basic), plain(project)));
        return new Table("年初部门预算支出总表", budget.path("amountUnit").asText("万元"),
                List.of("科目编码", "科目名称", "合计", "基本支出", "项目支出"), rows, List.of(2, 3, 4),
                List.of(List.of(new HeaderCell("功能分类科目", 2, 1), new HeaderCell("合计", 1, 3), new HeaderCell("基本支出", 1, 3),
                                new HeaderCell("项目支出", 1, 3)),
                        List.of(new HeaderCell("科目编码", 1, 1), new HeaderCell("科目名称", 1, 2)),
                        List.of(new HeaderCell("类　款　项", 1, 1))), indents(rows));
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
            BigDecimal totalActual = m.has("totalActual") ? decimal(m.path("totalActual"))
                    : decimal(m.path("basicActual")).add(decimal(m.path("projectActual")));
            parts.add("全年实际支出" + plain(totalActual) + "万元，其中基本支出" + amount(m.path("basicActual"))
                    + "万元，项目支出" + amount(m.path("projectActual")) + "万元");
        }
        StringBuilder out = new StringBuilder(parts.isEmpty() ? "预算执行数据尚未录入。" : String.join("；", parts) + "。");
        for (JsonNode f : budget.path("findings")) {
            if ("execution".equals(f.path("table").asText()) && !f.path("column").asText("").isEmpty()) {
                out.append("上述数据与单位申报的").append(Measures.label(f.path("column").asText()))
                        .append("不一致（按上述数据应为 ").append(text(f.path("expected"))).append(" 万元，申报为 ")
                        .append(text(f.path("actual"))).append(" 万元），见附件预算数据核对发现 ").append(f.path("ruleId").asText()).append("。");
            }
        }
        return new Paragraph(out.toString());
    }

    // ---------------------------------------------------------------- indicators

    private static List<Section> indicatorSections(JsonNode score, JsonNode budget, Narrative narrative,
                                                   List<TextChecks.TextFinding> textChecks, List<Indicator> indicators) {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        for (JsonNode g : score.path("groups")) {
            groups.put(g.path("code").asText(), g);
        }
        Map<String, List<JsonNode>> byTop = new HashMap<>();
        for (JsonNode ind : score.path("indicators")) {
            byTop.computeIfAbsent(top(groups, ind.path("group").asText()), k -> new ArrayList<>()).add(ind);
        }
        List<Section> out = new ArrayList<>();
        int n = 2;
        boolean outputsPlaced = false;
        for (JsonNode group : groups.values()) {
            if (group.hasNonNull("parent")) {
                continue;
            }
            String name = group.path("name").asText();
            List<Block> blocks = new ArrayList<>();
            String heading = (n++) + "." + name + "情况分析";
            if (!outputsPlaced && (name.contains("产出") || name.contains("职责") || name.contains("效果"))) {
                heading = (n - 1) + ".产出分析：职责履行情况分析";
                blocks.addAll(paragraphs(narrative.outputs()));
                outputsPlaced = true;
            }
            for (JsonNode ind : byTop.getOrDefault(group.path("code").asText(), List.of())) {
                String text = indicatorText(ind) + wordsInDoubt(ind, textChecks) + departures(ind, score, budget);
                blocks.add(new Paragraph(text));
                indicators.add(indicator(ind, group, groups, text));
            }
            blocks.add(new Paragraph(subtotal(group)));
            out.add(new Section(3, heading, blocks));
        }
        if (!outputsPlaced && !paragraphs(narrative.outputs()).isEmpty()) {
            out.add(new Section(3, n + ".产出分析：职责履行情况分析", paragraphs(narrative.outputs())));
        }
        return out;
    }

    private static final Map<String, String> STATUS_LABELS = Map.of("SCORED", "已评分", "AWAITING_JUDGEMENT", "待评定",
            "MISSING_DATA", "缺少数据", "NOT_COMPUTABLE", "无法计算");

    /** One indicator as structured data: the figures of the event and the text the report prints for it. */
    private static Indicator indicator(JsonNode ind, JsonNode top, Map<String, JsonNode> groups, String text) {
        String status = ind.path("status").asText("SCORED");
        JsonNode own = groups.get(ind.path("group").asText());
        String subgroup = own != null && own.hasNonNull("parent") ? own.path("name").asText() : null;
        boolean computed = ind.path("displayValue").isNumber();
        return new Indicator(ind.path("code").asText(), ind.path("name").asText(), top.path("code").asText(),
                top.path("name").asText(), subgroup, decimal(ind.path("maxPoints")),
                ind.path("points").isNumber() ? ind.path("points").decimalValue() : null,
                computed ? ind.path("displayValue").decimalValue() : null,
                computed && !ind.path("unit").asText("").isBlank() ? ind.path("unit").asText() : null,
                status, STATUS_LABELS.getOrDefault(status, status), text);
    }

    /**
     * A sentence of the indicator's own text that the text checks found wrong (a sub-total naming the wrong
     * group, slip 5) is printed as written; the body says in one sentence that it is wrong.
     */
    static String wordsInDoubt(JsonNode ind, List<TextChecks.TextFinding> textChecks) {
        StringBuilder s = new StringBuilder();
        String place = "指标“" + ind.path("name").asText() + "”的评分说明";
        for (TextChecks.TextFinding f : textChecks) {
            if (f.place().equals(place)) {
                s.append("评分说明中“").append(strip(f.sentence())).append("”一句有误：").append(f.message()).append("（见附件报告文字核对发现）。");
            }
        }
        return s.toString();
    }

    private static String top(Map<String, JsonNode> groups, String code) {
        String c = code;
        for (int guard = 0; guard < 10; guard++) {
            JsonNode g = groups.get(c);
            if (g == null || !g.hasNonNull("parent")) {
                return c;
            }
            c = g.path("parent").asText();
        }
        return c;
    }

    static String subtotal(JsonNode group) {
        BigDecimal max = decimal(group.path("maxPoints"));
        BigDecimal points = decimal(group.path("points"));
        return "综上所述，" + group.path("name").asText() + "考核指标总计" + plain(max) + "分，扣"
                + plain(max.subtract(points)) + "分，得" + plain(points) + "分。";
    }

    /** One indicator's working: formula, figures, value, points and the reason for any deduction. */
    static String indicatorText(JsonNode ind) {
        String name = ind.path("name").asText();
        BigDecimal max = decimal(ind.path("maxPoints"));
        String status = ind.path("status").asText("SCORED");
        JsonNode j = ind.path("judgement");
        StringBuilder s = new StringBuilder();
        if (j.isObject()) {
            s.append(name).append("：");
            BigDecimal points = j.hasNonNull("points") ? decimal(j.path("points")) : decimal(ind.path("points"));
            BigDecimal deduction = j.hasNonNull("deduction") ? decimal(j.path("deduction")) : max.subtract(points);
            // a sub-total the writer put at the end of the reason ("综上所述，…考核指标总计5分，扣1分，得4分。") follows
            // the points as written, as in the original, instead of being run into them
            String reason = j.path("reason").asText("").strip();
            String trailing = "";
            List<String> sentences = TextChecks.sentences(reason);
            if (sentences.size() > 1 && sentences.get(sentences.size() - 1).contains("考核指标总计")) {
                trailing = sentences.get(sentences.size() - 1);
                reason = reason.substring(0, reason.lastIndexOf(trailing));
            }
            s.append(Measures.spell(strip(reason)));
            s.append("，满分").append(plain(max)).append("分，扣").append(plain(deduction)).append("分，得")
                    .append(plain(points)).append("分。").append(trailing);
            if (!j.path("evidence").asText("").isBlank()) {
                s.append("依据：").append(strip(j.path("evidence").asText())).append("。");
            }
            if (!j.path("by").asText("").isBlank()) {
                s.append("评定：").append(j.path("by").asText()).append("。");
            }
            return s.toString();
        }
        if (!"SCORED".equals(status) || ind.path("points").isNull() || ind.path("points").isMissingNode()) {
            s.append(name).append("：").append("AWAITING_JUDGEMENT".equals(status) ? "待评定" : "缺少数据，暂无法计算")
                    .append("（满分").append(plain(max)).append("分）");
            if (!ind.path("explanation").asText("").isBlank()) {
                s.append("：").append(readable(strip(ind.path("explanation").asText())));
            }
            return s.append("。").toString();
        }
        BigDecimal points = decimal(ind.path("points"));
        if (!ind.path("explanation").asText("").isBlank()) {
            // the working names its indicator once: "预算调整率 = …", not "预算调整率：预算调整率 = …"
            String working = readable(strip(ind.path("explanation").asText()));
            if (!working.startsWith(name)) {
                s.append(name).append("：");
            }
            s.append(working);
        } else {
            s.append(name);
            if (!ind.path("formula").asText("").isBlank()) {
                s.append(" = ").append(readable(ind.path("formula").asText()));
            }
            if (ind.path("displayValue").isNumber()) {
                s.append(" = ").append(plain(decimal(ind.path("displayValue")))).append(' ').append(ind.path("unit").asText(""));
            }
            s.append("，得").append(plain(points)).append("分");
        }
        s.append("（满分").append(plain(max)).append("分，扣").append(plain(max.subtract(points))).append("分）。");
        if (ind.path("measures").isObject() && ind.path("measures").size() > 0) {
            List<String> used = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = ind.path("measures").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                used.add(Measures.label(e.getKey()) + " " + amount(e.getValue()));
            }
            s.append("所用数据：").append(String.join("，", used)).append("。");
        }
        if (points.compareTo(max) < 0 && !ind.path("rule").asText("").isBlank()) {
            s.append("评分规则：").append(readable(strip(ind.path("rule").asText()))).append("。");
        }
        return s.toString();
    }

    /**
     * Where the report departs from what the unit published, or where a finding on the data contradicts a
     * figure the indicator uses, the working says so in a sentence (the appendix lists the details): a
     * reader is never left to discover a silent correction, nor full marks resting on a figure in doubt.
     */
    static String departures(JsonNode ind, JsonNode score, JsonNode budget) {
        StringBuilder s = new StringBuilder();
        String code = ind.path("code").asText();
        for (JsonNode i : score.path("inconsistencies")) {
            if (code.equals(i.path("indicator").asText(null)) && !i.path("message").asText("").isBlank()) {
                s.append("与原报告不同：").append(strip(i.path("message").asText())).append("（见附件评分核对发现）。");
            }
        }
        if (ind.path("measures").isObject()) {
            for (JsonNode f : budget.path("findings")) {
                String column = f.path("column").asText("");
                if (!column.isEmpty() && ind.path("measures").has(column)) {
                    s.append("预算数据核对发现 ").append(f.path("ruleId").asText()).append(" 与本项所用的").append(Measures.label(column))
                            .append("相矛盾（按其他数据应为 ").append(text(f.path("expected"))).append("，申报为 ")
                            .append(text(f.path("actual"))).append("，见附件），本项得分待评价人员复核。");
                }
            }
        }
        return s.toString();
    }

    /**
     * The working as a reader knows it: measures by their labels in the dictionary ("basicActual" →
     * 基本支出实际支出数) and × for multiplication; the figures stay exactly as scoring-service computed them.
     */
    static String readable(String working) {
        return Measures.spell(working).replace(" * ", " × ");
    }

    private static String strip(String s) {
        String t = s.strip();
        while (t.endsWith("。") || t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static Conclusion conclusion(JsonNode score, int year) {
        BigDecimal total = decimal(score.path("total"));
        String grade = score.path("grade").asText(null);
        boolean complete = score.path("complete").asBoolean();
        long awaiting = 0;
        for (JsonNode ind : score.path("indicators")) {
            if (!"SCORED".equals(ind.path("status").asText("SCORED"))) {
                awaiting++;
            }
        }
        // a score on data that are not the year-end ones is a projection: 预计 with the month it reaches
        JsonNode basis = score.path("basis");
        boolean projected = basis.path("projected").asBoolean(false);
        Integer asOfMonth = basis.path("asOfMonth").isInt() ? basis.path("asOfMonth").asInt() : null;
        String label = projected ? MonitoringCalculator.scoreLabel(true, asOfMonth) : null;
        String text = projected
                ? "根据" + (asOfMonth == null ? "现有" : "截至" + asOfMonth + "月的") + "预算绩效数据，我单位" + year + "年预算绩效" + label
                + plain(total) + "分，预计等次：" + (grade == null ? "无" : grade) + "（年终数据录入后按全年数据重新计算"
                + (complete ? "" : "；尚有" + awaiting + "项指标待评分或缺少数据") + "）"
                : "根据以上预算绩效完成情况，我单位" + year + "年预算绩效自评得分" + plain(total) + "分，评定等次："
                + (grade == null ? "无" : grade)
                + (complete ? "" : "（尚有" + awaiting + "项指标待评分或缺少数据，得分与等次为暂定）");
        for (JsonNode i : score.path("inconsistencies")) {
            String kind = i.path("kind").asText("");
            if (kind.equals("GRADE") || kind.equals("TOTAL")) {
                text += "。单位原报告所载" + (kind.equals("GRADE") ? "等次为“" + i.path("published").asText() + "”" : "总分为"
                        + i.path("published").asText() + "分") + "，本报告按指标体系的" + (kind.equals("GRADE") ? "等级标准列为“"
                        + i.path("computed").asText() + "”" : "各指标得分合计列为" + i.path("computed").asText() + "分")
                        + "（见附件评分核对发现）";
            }
        }
        text += "。";
        return new Conclusion(total, decimal(score.path("maxTotal")), grade, complete, text, label);
    }

    // ---------------------------------------------------------------- appendix

    private static List<Section> appendix(JsonNode budget, JsonNode score, List<TextChecks.TextFinding> textChecks) {
        List<Section> out = new ArrayList<>();
        out.add(new Section(1, "附件：数据核对情况", List.of()));
        List<List<String>> findings = new ArrayList<>();
        for (JsonNode f : budget.path("findings")) {
            findings.add(List.of(text(f.path("ruleId")), Terms.severity(f.path("severity").asText(null)),
                    Terms.table(f.path("table").asText(null)), text(f.path("code")), Terms.column(f.path("column").asText(null)),
                    text(f.path("expected")), text(f.path("actual")), readable(text(f.path("message")))));
        }
        out.add(new Section(2, "（一）预算数据核对发现（" + findings.size() + "项）", findings.isEmpty()
                ? List.of(new Paragraph("未发现问题。"))
                : List.of(new Table("预算数据核对发现", budget.path("amountUnit").asText("万元"),
                List.of("规则", "严重程度", "表", "科目编码", "栏目", "应为", "实为", "说明"), findings, List.of(5, 6)))));
        List<List<String>> inconsistencies = new ArrayList<>();
        if (score != null) {
            Map<String, String> names = new HashMap<>();
            score.path("indicators").forEach(ind -> names.put(ind.path("code").asText(), ind.path("name").asText()));
            for (JsonNode i : score.path("inconsistencies")) {
                String code = i.path("indicator").asText("");
                String indicator = code.isEmpty() ? "" : names.containsKey(code) ? code + " " + names.get(code) : code;
                inconsistencies.add(List.of(Terms.inconsistencyKind(i.path("kind").asText(null)), indicator,
                        text(i.path("published")), text(i.path("computed")), readable(text(i.path("message")))));
            }
        }
        out.add(new Section(2, "（二）评分核对发现（" + inconsistencies.size() + "项）", inconsistencies.isEmpty()
                ? List.of(new Paragraph(score == null ? "评分尚未完成。" : "未发现问题。"))
                : List.of(new Table("评分核对发现", "", List.of("类型", "指标", "报告所载", "计算结果", "说明"),
                inconsistencies, List.of()))));
        List<List<String>> textFindings = textChecks.stream()
                .map(f -> List.of(f.place(), f.sentence(), f.message())).toList();
        out.add(new Section(2, "（三）报告文字核对发现（" + textFindings.size() + "项）", textFindings.isEmpty()
                ? List.of(new Paragraph("未发现问题。"))
                : List.of(new Table("报告文字核对发现", "", List.of("位置", "原文", "说明"), textFindings, List.of()))));
        return out;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "";
        }
        return n.isNumber() ? plain(n.decimalValue()) : n.isValueNode() ? n.asText() : n.toString();
    }

    // ---------------------------------------------------------------- numbers

    static String amount(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || !n.isNumber() ? (n != null && n.isTextual() ? n.asText() : "")
                : plain(n.decimalValue());
    }

    static BigDecimal decimal(JsonNode n) {
        return n != null && n.isNumber() ? n.decimalValue() : BigDecimal.ZERO;
    }

    /** 1827.50 → "1827.5", 1399.00 → "1399", as the tables print them. */
    public static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> linked(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
