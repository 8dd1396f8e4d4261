package cn.perfeval.events.measures;

import java.util.Map;

/**
 * The Chinese words for the codes that events and APIs carry and documents print instead:
 * severities of findings, kinds of inconsistency, tables and columns. A code stays in the JSON
 * for machines; a person reads the word.
 */
public final class Terms {

    /** Severity of a budget finding. */
    public static final Map<String, String> SEVERITIES = Map.of("ERROR", "错误", "WARNING", "警告", "INFO", "提示");

    /** Kind of an inconsistency between what a unit published and what scoring-service computes. */
    public static final Map<String, String> INCONSISTENCY_KINDS = Map.of(
            "GRADE", "等次与分数不符",
            "TOTAL", "总分与指标得分合计不符",
            "GROUP_POINTS", "小计与指标得分合计不符",
            "INDICATOR_POINTS", "指标得分与评分规则不符",
            "PRINTED_FIGURE", "公布数字与计算所用数据不符",
            "PRINTED_VALUE", "公布结果与计算不符",
            "UNKNOWN_INDICATOR", "指标体系中无此指标");

    /** Tables (and parts of the data) a budget finding points at. */
    public static final Map<String, String> TABLES = Map.of(
            "expenditure", "支出总表",
            "revenue", "收入总表",
            "budgetSummary", "收支总表",
            "execution", "预算执行情况",
            "execution.byFunction", "分科目执行表",
            "execution.threePublic", "“三公”经费明细",
            "adjustments", "预算调整明细",
            "monthlyExecution", "分月执行",
            "targets", "绩效目标表");

    /** Columns of the tables; measures are labelled from {@link Measures}. */
    public static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("total", "合计"), Map.entry("basic", "基本支出"), Map.entry("project", "项目支出"),
            Map.entry("generalBudget", "一般公共预算拨款"), Map.entry("generalBudgetFunding", "经费拨款"),
            Map.entry("generalBudgetNonTax", "纳入一般公共预算管理的非税收入拨款"),
            Map.entry("governmentFund", "政府性基金收入"), Map.entry("specialAccountNonTax", "纳入专户管理的非税收入拨款"),
            Map.entry("superiorSubsidy", "上级补助收入"), Map.entry("other", "其他收入"),
            Map.entry("budget", "预算数"), Map.entry("actual", "实际支出数"),
            Map.entry("budgetLastYear", "上年预算数"), Map.entry("actualLastYear", "上年实际支出数"),
            Map.entry("revenueTotal", "收入总计"), Map.entry("expenditureTotal", "支出总计"),
            Map.entry("expenditure", "本年支出"), Map.entry("reason", "调整理由"),
            Map.entry("actualValue", "完成值"), Map.entry("deviationReason", "偏差原因"));

    private Terms() {
    }

    /** ERROR → 错误, WARNING → 警告, INFO → 提示; another code → 提示. */
    public static String severity(String code) {
        return code == null ? "" : SEVERITIES.getOrDefault(code, "提示");
    }

    /** GRADE → 等次与分数不符, PRINTED_FIGURE → 公布数字与计算所用数据不符 …; another code → 其他不符. */
    public static String inconsistencyKind(String code) {
        return code == null ? "" : INCONSISTENCY_KINDS.getOrDefault(code, "其他不符");
    }

    /** expenditure → 支出总表, revenue → 收入总表, budgetSummary → 收支总表 …; another code → 其他数据. */
    public static String table(String code) {
        return code == null ? "" : TABLES.getOrDefault(code, "其他数据");
    }

    /**
     * basic → 基本支出, total → 合计, yearEndBalance → 年末结余 (a measure: its label), "revenue.经费拨款"
     * → 经费拨款 (an item of the 收支总表 named in Chinese); another code → 其他栏目.
     */
    public static String column(String code) {
        if (code == null) {
            return "";
        }
        String word = COLUMNS.get(code);
        if (word != null) {
            return word;
        }
        if (Measures.isMeasure(code)) {
            return Measures.label(code);
        }
        for (String side : new String[]{"revenue.", "expenditure."}) {
            if (code.startsWith(side) && code.length() > side.length()) {
                return code.substring(side.length());
            }
        }
        return "其他栏目";
    }
}
