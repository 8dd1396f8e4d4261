package cn.perfeval.report.support;

import cn.perfeval.testsupport.EmbeddedInfrastructure;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The golden case (Zhonglupu 2024) as the events budget-service and scoring-service publish:
 * a budget event with the three tables and findings built from {@code golden/zhonglupu-2024.json},
 * a score event with the county template's results (28/19/4/42, total 93), and the narrative.
 */
public final class GoldenCase {

    public static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    public static final JsonNode GOLDEN = read("golden/zhonglupu-2024.json");
    public static final JsonNode NARRATIVE = read("golden/zhonglupu-2024-narrative.json");

    private GoldenCase() {
    }

    public static JsonNode read(String resource) {
        try (InputStream in = GoldenCase.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String newUnit() {
        return "G" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** The budget event of the golden case for {@code unitCode}, at {@code version}. */
    public static ObjectNode budgetEvent(String unitCode, long version, String county, String unitName) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", UUID.nameUUIDFromBytes((unitCode + version).getBytes()).toString());
        e.put("type", "BudgetUnitYearChanged").put("schemaVersion", 1).put("unitCode", unitCode)
                .put("fiscalYear", 2024).put("version", version).put("occurredAt", "2026-11-26T20:10:00.123Z");
        ObjectNode unit = e.putObject("unit");
        unit.put("code", unitCode).put("name", unitName).put("county", county).put("province", "湖南省")
                .put("kind", "行政").put("rank", "正科级行政机关").put("address", "湖南省湘潭县中路铺镇湘中路10号");
        e.put("amountUnit", "万元");
        ObjectNode m = e.putObject("measures");
        m.put("yearStartBudget", new BigDecimal("4988.65")).put("basicBudget", new BigDecimal("3274.34"))
                .put("projectBudget", new BigDecimal("1714.31")).put("adjustmentNet", new BigDecimal("307"))
                .put("basicActual", new BigDecimal("3553")).put("projectActual", new BigDecimal("860"))
                .put("totalActual", new BigDecimal("4413"));
        ObjectNode tables = e.putObject("tables");
        tables.set("budgetSummary", GOLDEN.path("budgetSummary").deepCopy());
        ArrayNode revenue = tables.putArray("revenue");
        GOLDEN.path("revenueByFunction").path("rows").forEach(r -> revenue.add(r.deepCopy()));
        ArrayNode expenditure = tables.putArray("expenditure");
        GOLDEN.path("expenditureByFunction").path("rows").forEach(r -> expenditure.add(r.deepCopy()));
        ObjectNode x = e.putObject("execution");
        x.put("adjustmentIncrease", new BigDecimal("307")).put("adjustmentDecrease", BigDecimal.ZERO)
                .put("basicActual", new BigDecimal("3553")).put("projectActual", new BigDecimal("860"))
                .put("yearEndBalance", BigDecimal.ZERO).put("threePublicBudget", new BigDecimal("12"))
                .put("threePublicActual", BigDecimal.ZERO);
        ArrayNode findings = e.putArray("findings");
        findings.addObject().put("ruleId", "EXP-PARENT-SUM").put("severity", "ERROR").put("table", "expenditure")
                .put("code", "20104").put("column", "total").put("expected", new BigDecimal("274.96"))
                .put("actual", new BigDecimal("274.97"))
                .put("message", "款 20104 的合计 274.97 不等于其项之和 274.96");
        findings.addObject().put("ruleId", "EXP-VS-REV").put("severity", "WARNING").put("table", "expenditure")
                .put("code", "2010499").put("column", "total").put("expected", new BigDecimal("274.97"))
                .put("actual", new BigDecimal("274.96"))
                .put("message", "支出总表 2010499 为 274.96，收入总表为 274.97");
        return e;
    }

    public static ObjectNode budgetEvent(String unitCode, long version) {
        return budgetEvent(unitCode, version, "湘潭县", "湘潭县中路铺镇人民政府");
    }

    /** The score event of the county template: 28 / 19 / 4 / 42, total 93. */
    public static ObjectNode scoreEvent(String unitCode, long version, long budgetVersion, String county, String unitName,
                                        List<BigDecimal> groupPoints) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", UUID.nameUUIDFromBytes(("s" + unitCode + version).getBytes()).toString());
        e.put("type", "UnitYearScored").put("schemaVersion", 1).put("unitCode", unitCode).put("fiscalYear", 2024)
                .put("unitName", unitName).put("county", county).put("version", version).put("budgetVersion", budgetVersion)
                .put("occurredAt", "2026-11-26T20:10:00.456Z");
        e.putObject("system").put("code", "xiangtan-county").put("version", 1).put("name", "湘潭县部门整体支出绩效评价指标体系（县级模板）");
        BigDecimal total = groupPoints.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        e.put("total", total).put("maxTotal", new BigDecimal("100"))
                .put("grade", total.compareTo(new BigDecimal("90")) >= 0 ? "优" : total.compareTo(new BigDecimal("80")) >= 0 ? "良" : "中")
                .put("complete", true);
        ArrayNode groups = e.putArray("groups");
        String[][] g = {{"A", "预算执行", "30"}, {"B", "预算管理", "20"}, {"C", "资产管理", "5"}, {"D", "产出效果", "45"}};
        for (int i = 0; i < g.length; i++) {
            groups.addObject().put("code", g[i][0]).put("name", g[i][1]).putNull("parent")
                    .put("maxPoints", new BigDecimal(g[i][2])).put("points", groupPoints.get(i));
        }
        ArrayNode ind = e.putArray("indicators");
        computed(ind, "A1", "预算调整率", "A", 4, "adjustmentNet / yearStartBudget * 100",
                Map.of("adjustmentNet", "307", "yearStartBudget", "4988.65"), "6.1539694305...", "6.15",
                "分档：0 → 5 分；(0, 10] → 4 分；(10, 20] → 3 分；(20, 30] → 2 分；其余 0 分",
                "预算调整率 = adjustmentNet / yearStartBudget * 100 = 307 / 4988.65 * 100 = 6.15 %，在区间 (0, 10] 内，得 4 分");
        computed(ind, "A2", "基本支出预算控制率", "A", 4, "basicActual / basicBudget * 100",
                Map.of("basicActual", "3553", "basicBudget", "3274.34"), "108.5104173604207748", "108.51",
                "分档：(−∞, 100] → 5 分；(100, 110] → 4 分；(110, 120] → 3 分；其余 0 分",
                "基本支出预算控制率 = basicActual / basicBudget * 100 = 3553 / 3274.34 * 100 = 108.51 %，在区间 (100, 110] 内，得 4 分");
        computed(ind, "A3", "项目支出预算控制率", "A", 5, "projectActual / projectBudget * 100",
                Map.of("projectActual", "860", "projectBudget", "1714.31"), "50.1659560...", "50.17",
                "分档：(−∞, 100] → 5 分；(100, 110] → 4 分；其余 0 分",
                "项目支出预算控制率 = projectActual / projectBudget * 100 = 860 / 1714.31 * 100 = 50.17 %，在区间 (−∞, 100] 内，得 5 分");
        computed(ind, "A4", "年末结余", "A", 5, "yearEndBalance", Map.of("yearEndBalance", "0"), "0", "0",
                "无结余 → 5 分", "年末结余 = yearEndBalance = 0 万元，无结余，得 5 分");
        judged(ind, "A5", "分项目核算结余结转", "A", 5, 5, "分项目核算结余结转", "结余结转台账");
        computed(ind, "A6", "三公经费控制率", "A", 5, "threePublicActual / threePublicBudget * 100",
                Map.of("threePublicActual", "0", "threePublicBudget", "12"), "0", "0",
                "(−∞, 100] → 5 分；每超 1 个百分点扣 1 分",
                "三公经费控制率 = threePublicActual / threePublicBudget * 100 = 0 / 12 * 100 = 0 %，在区间 (−∞, 100] 内，得 5 分");
        judged(ind, "B1", "管理制度健全", "B", 5, 4,
                "本单位认真贯彻执行《会计法》《预算法》《行政单位会计制度》等法律法规，先后制定了预算资金管理办法等相关制度；相关制度执行有待加强",
                "财务管理制度汇编");
        judged(ind, "B2", "专账核算管理", "B", 5, 5, "本年度支出严格分项目单独核算，资金使用无截留、挤占、挪用、虚列支出等情况", "会计账簿");
        judged(ind, "B3", "预决算信息公开性和完善性", "B", 5, 5, "按规定内容和时限公开预决算信息，相关信息资料真实、完整、准确", "公开网页截图");
        judged(ind, "B4", "政府采购完成情况", "B", 5, 5, "达到政府采购要求的均按规定进行了政府采购", "采购合同");
        judged(ind, "C1", "资产管理", "C", 5, 4, "制定了资产管理制度，2024年对国有资产进行了清查，固定资产做到一物一卡一条码，管理有待进一步加强", "资产清查报告");
        judged(ind, "D1", "职责履行", "D", 45, 42, "经济发展、民生保障、社会治理和干部队伍建设各项任务基本完成，部分指标未达预期", "年度工作总结");
        ArrayNode inc = e.putArray("inconsistencies");
        inc.addObject().put("kind", "PRINTED_FIGURE").put("indicator", "A1").put("published", "307/4988=6.2%")
                .put("computed", "307/4988.65=6.15%").put("message", "报告以4988作除数，表中年初预算为4988.65");
        inc.addObject().put("kind", "GRADE").putNull("indicator").put("published", "良").put("computed", "优")
                .put("message", "总分93分按等级区间应为优");
        return e;
    }

    public static ObjectNode scoreEvent(String unitCode, long version, long budgetVersion) {
        return scoreEvent(unitCode, version, budgetVersion, "湘潭县", "湘潭县中路铺镇人民政府",
                List.of(new BigDecimal("28"), new BigDecimal("19"), new BigDecimal("4"), new BigDecimal("42")));
    }

    private static void computed(ArrayNode out, String code, String name, String group, int points, String formula,
                                 Map<String, String> measures, String exact, String display, String rule, String explanation) {
        ObjectNode i = out.addObject();
        i.put("code", code).put("name", name).put("group", group).put("maxPoints", new BigDecimal(code.equals("D1") ? "45" : "5"))
                .put("points", new BigDecimal(points)).put("status", "SCORED").put("formula", formula);
        ObjectNode m = i.putObject("measures");
        new java.util.TreeMap<>(measures).forEach((k, v) -> m.put(k, new BigDecimal(v)));
        i.put("exactValue", exact.replace("...", "")).put("displayValue", new BigDecimal(display))
                .put("unit", code.equals("A4") ? "万元" : "%").put("rule", rule).put("explanation", explanation);
    }

    private static void judged(ArrayNode out, String code, String name, String group, int max, int points,
                               String reason, String evidence) {
        ObjectNode i = out.addObject();
        i.put("code", code).put("name", name).put("group", group).put("maxPoints", new BigDecimal(max))
                .put("points", new BigDecimal(points)).put("status", "SCORED");
        i.putObject("judgement").put("points", new BigDecimal(points)).put("deduction", new BigDecimal(max - points))
                .put("reason", reason).put("evidence", evidence).put("by", "县财政局评价组").put("at", "2026-11-26T20:00:00Z");
    }

    public static int send(String topic, String key, JsonNode value) {
        return send(topic, key, value.toString());
    }

    public static int send(String topic, String key, String value) {
        return send(topic, null, key, value);
    }

    /** Sends one record (to {@code partition} when not null) and returns the partition it went to. */
    public static int send(String topic, Integer partition, String key, String value) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                EmbeddedInfrastructure.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            return p.send(new ProducerRecord<>(topic, partition, key, value)).get().partition();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 1827.50 → "1827.5", as the tables print amounts; "" for an absent cell. */
    public static String cell(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "";
        }
        if (n.isNumber()) {
            BigDecimal v = n.decimalValue();
            return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
        }
        return n.asText();
    }

    /** The rows of the 收入总表 as they must be printed, from the golden JSON. */
    public static List<List<String>> expectedRevenueRows() {
        List<List<String>> rows = new ArrayList<>();
        String[] cols = {"total", "generalBudget", "generalBudgetFunding", "generalBudgetNonTax", "governmentFund",
                "specialAccountNonTax", "superiorSubsidy", "other"};
        for (JsonNode r : GOLDEN.path("revenueByFunction").path("rows")) {
            List<String> row = new ArrayList<>(List.of(r.path("code").asText(), r.path("name").asText()));
            for (String c : cols) {
                row.add(cell(r.path(c)));
            }
            rows.add(row);
        }
        JsonNode t = GOLDEN.path("revenueByFunction").path("printedTotal");
        List<String> total = new ArrayList<>(List.of("合计", ""));
        for (String c : cols) {
            total.add(cell(t.path(c)));
        }
        rows.add(total);
        return rows;
    }

    /** The rows of the 支出总表 as they must be printed, from the golden JSON. */
    public static List<List<String>> expectedExpenditureRows() {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : GOLDEN.path("expenditureByFunction").path("rows")) {
            rows.add(List.of(r.path("code").asText(), r.path("name").asText(), cell(r.path("total")),
                    cell(r.path("basic")), cell(r.path("project"))));
        }
        JsonNode t = GOLDEN.path("expenditureByFunction").path("printedTotal");
        rows.add(List.of("合计", "", cell(t.path("total")), cell(t.path("basic")), cell(t.path("project"))));
        return rows;
    }

    /** The rows of the 收支总表 as the golden report prints them (only the categories with data). */
    public static List<List<String>> expectedSummaryRows() {
        return List.of(
                List.of("一、一般公共预算拨款", "2753.3", "一、本年支出", "4988.65"),
                List.of("　　经费拨款", "2753.3", "（一）一般公共服务支出", "1827.5"),
                List.of("　　纳入一般公共预算管理的非税收入拨款", "0", "（四）公共安全支出", "540.37"),
                List.of("二、政府性基金收入", "0", "（八）社会保障和就业支出", "471.69"),
                List.of("三、纳入专户管理的非税收入拨款", "100", "（九）卫生健康支出", "134.26"),
                List.of("四、上级补助收入", "2135.35", "（十一）城乡社区支出", "897.45"),
                List.of("五、其他收入", "0", "（十二）农林水支出", "1117.38"),
                List.of("", "", "二、结转下年", "0"),
                List.of("收入总计", "4988.65", "支出总计", "4988.65"));
    }
}
