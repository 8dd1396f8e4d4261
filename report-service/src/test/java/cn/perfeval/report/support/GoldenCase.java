package cn.perfeval.report.support;

import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.RecordedEvents;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The golden case (Zhonglupu 2024) as the events budget-service and scoring-service publish
 * (recorded from the real producers, see {@link RecordedEvents}): the budget event with the three
 * tables and findings, the score event with the county template's results (28/19/4/42, total 93),
 * and the narrative.
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

    /**
     * The budget event of the golden case for {@code unitCode}, at {@code version}: the
     * BudgetUnitYearChanged budget-service publishes for the golden case, as recorded by its
     * RecordedEventTest (libs/events/src/test/resources/events), with this unit-year's identity.
     */
    public static ObjectNode budgetEvent(String unitCode, long version, String county, String unitName) {
        ObjectNode e = recorded(RecordedEvents.BUDGET, unitCode);
        e.put("eventId", UUID.nameUUIDFromBytes((unitCode + version).getBytes()).toString());
        e.put("version", version);
        ((ObjectNode) e.path("unit")).put("county", county).put("name", unitName);
        return e;
    }

    /** The demo's target table, target actuals and monthly execution of the golden unit (deploy's demo data). */
    public static final JsonNode DEMO_TARGETS = readFile(java.nio.file.Path.of("..", "deploy", "src", "main", "resources", "demo",
            "zhonglupu-2024-targets.json"));

    private static JsonNode readFile(java.nio.file.Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The golden budget event, which carries the demo's target table, target actuals (July and December) and monthly
     * execution as budget-service records them (RecordedEventTest).
     */
    public static ObjectNode monitoringBudgetEvent(String unitCode, long version, String county, String unitName) {
        ObjectNode e = budgetEvent(unitCode, version, county, unitName);
        if (e.path("targets").path("indicators").size() != DEMO_TARGETS.path("indicators").size()
                || e.path("monthlyExecution").size() != 12) {
            throw new IllegalStateException("the recorded budget event lacks the demo's targets or monthly execution");
        }
        return e;
    }

    public static ObjectNode budgetEvent(String unitCode, long version) {
        return budgetEvent(unitCode, version, "湘潭县", "湘潭县中路铺镇人民政府");
    }

    /**
     * The score event of the county template, 28 / 19 / 4 / 42, total 93: the UnitYearScored
     * scoring-service publishes for the recorded budget event with the golden report's judgements
     * and published scores, as recorded by its RecordedScoreEventTest, with this unit-year's
     * identity. Other group points (a county summary needs several results) replace the recorded
     * subtotals, total and grade.
     */
    public static ObjectNode scoreEvent(String unitCode, long version, long budgetVersion, String county, String unitName,
                                        List<BigDecimal> groupPoints) {
        ObjectNode e = recorded(RecordedEvents.SCORE, unitCode);
        e.put("eventId", UUID.nameUUIDFromBytes(("s" + unitCode + version).getBytes()).toString());
        e.put("unitName", unitName).put("county", county).put("version", version).put("budgetVersion", budgetVersion);
        JsonNode groups = e.path("groups");
        boolean same = groups.size() == groupPoints.size();
        for (int i = 0; same && i < groups.size(); i++) {
            same = groups.get(i).path("points").decimalValue().compareTo(groupPoints.get(i)) == 0;
        }
        if (!same) {
            for (int i = 0; i < groups.size(); i++) {
                ((ObjectNode) groups.get(i)).put("points", groupPoints.get(i));
            }
            BigDecimal total = groupPoints.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            e.put("total", total)
                    .put("grade", total.compareTo(new BigDecimal("90")) >= 0 ? "优" : total.compareTo(new BigDecimal("80")) >= 0 ? "良" : "中");
        }
        return e;
    }

    public static ObjectNode scoreEvent(String unitCode, long version, long budgetVersion) {
        return scoreEvent(unitCode, version, budgetVersion, "湘潭县", "湘潭县中路铺镇人民政府",
                List.of(new BigDecimal("28"), new BigDecimal("19"), new BigDecimal("4"), new BigDecimal("42")));
    }

    private static ObjectNode recorded(String file, String unitCode) {
        try {
            return (ObjectNode) JSON.readTree(RecordedEvents.read(file, unitCode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            List<String> row = new ArrayList<>(List.of(r.path("code").asText(), name(r)));
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
            rows.add(List.of(r.path("code").asText(), name(r), cell(r.path("total")),
                    cell(r.path("basic")), cell(r.path("project"))));
        }
        JsonNode t = GOLDEN.path("expenditureByFunction").path("printedTotal");
        rows.add(List.of("合计", "", cell(t.path("total")), cell(t.path("basic")), cell(t.path("project"))));
        return rows;
    }

    /** A name as budget-service holds it (a 项 is indented when printed, not in its text). */
    private static String name(JsonNode r) {
        return r.path("name").asText();
    }

    /**
     * The rows of the 收支总表 as the golden report prints them: every category of the county's form, those
     * without an amount included (国防 … 灾害防治及应急管理), by their ordinals in the national classification.
     */
    public static List<List<String>> expectedSummaryRows() {
        return List.of(
                List.of("一、一般公共预算拨款", "2753.3", "一、本年支出", "4988.65"),
                List.of("　　经费拨款", "2753.3", "（一）一般公共服务支出", "1827.5"),
                List.of("　　纳入一般公共预算管理的非税收入拨款", "0", "（三）国防支出", ""),
                List.of("二、政府性基金收入", "0", "（四）公共安全支出", "540.37"),
                List.of("三、纳入专户管理的非税收入拨款", "100", "（五）教育支出", ""),
                List.of("四、上级补助收入", "2135.35", "（六）科学技术支出", ""),
                List.of("五、其他收入", "0", "（七）文化旅游体育与传媒支出", ""),
                List.of("", "", "（八）社会保障和就业支出", "471.69"),
                List.of("", "", "（九）卫生健康支出", "134.26"),
                List.of("", "", "（十）节能环保支出", ""),
                List.of("", "", "（十一）城乡社区支出", "897.45"),
                List.of("", "", "（十二）农林水支出", "1117.38"),
                List.of("", "", "（十三）交通运输支出", ""),
                List.of("", "", "（十四）资源勘探信息等支出", ""),
                List.of("", "", "（十五）商业服务业等支出", ""),
                List.of("", "", "（十六）金融支出", ""),
                List.of("", "", "（二十一）灾害防治及应急管理支出", ""),
                List.of("", "", "二、结转下年", "0"),
                List.of("收入总计", "4988.65", "支出总计", "4988.65"));
    }

    /** The header rows of the 收支总表 as printed: 收入 and 支出 over 项目 and 预算数. */
    public static final List<List<String>> SUMMARY_HEADER_ROWS = List.of(
            List.of("收入", "支出"), List.of("项目", "预算数", "项目", "预算数"));

    /**
     * The header rows of the 收入总表 as the original prints them (HTML cells: a spanned cell once):
     * 功能分类科目 over 科目编码 (类 款 项) and 科目名称, 一般公共预算拨款 over 小计, 经费拨款 and the non-tax column.
     */
    public static final List<List<String>> REVENUE_HEADER_ROWS = List.of(
            List.of("功能分类科目", "合计", "一般公共预算拨款", "政府性基金收入", "纳入专户管理的非税收入拨款", "上级补助收入", "其他收入"),
            List.of("科目编码", "科目名称", "小计", "经费拨款", "纳入一般公共预算管理的非税收入拨款"),
            List.of("类　款　项"));

    /** The header rows of the 支出总表 as the original prints them. */
    public static final List<List<String>> EXPENDITURE_HEADER_ROWS = List.of(
            List.of("功能分类科目", "合计", "基本支出", "项目支出"), List.of("科目编码", "科目名称"), List.of("类　款　项"));
}
