package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads the golden case through budget-service's public API: the unit with its offices, the
 * staff facts, the three year-start tables (收支总表, 收入总表, 支出总表) and the execution. The
 * tables are replaced whole, as imports are, without If-Match (docs/api.md: optional for budget tables).
 * Then the 2024 target table (绩效目标表), the actual values of the targets at July and at year end, and the
 * monthly execution of {@code demo/zhonglupu-2024-targets.json}: the target table and its actual values are
 * what a person wrote, so they are replaced with If-Match when there (a second demo run).
 */
public final class BudgetDemo {

    private BudgetDemo() {
    }

    /** The demo's target table, target progress and monthly execution. */
    public static final String TARGETS_RESOURCE = "demo/zhonglupu-2024-targets.json";

    public static JsonNode targets(ObjectMapper json) {
        try (InputStream in = BudgetDemo.class.getClassLoader().getResourceAsStream(TARGETS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + TARGETS_RESOURCE);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of PUT …/targets: the overall goal and the indicators. */
    static ObjectNode targetTable(ObjectMapper json, JsonNode targets) {
        ObjectNode t = json.createObjectNode();
        t.set("overallGoal", targets.path("overallGoal"));
        t.set("indicators", targets.path("indicators"));
        return t;
    }

    /** The body of PUT …/targets/{code}/progress/{month}: the entry without its code and month. */
    static ObjectNode progressBody(JsonNode entry) {
        ObjectNode p = ((ObjectNode) entry).deepCopy();
        p.remove("code");
        p.remove("month");
        return p;
    }

    /** The body of PUT …/monthly-execution (万元). */
    static ObjectNode monthlyExecution(ObjectMapper json, JsonNode targets) {
        ObjectNode m = json.createObjectNode().put("amountUnit", "万元");
        m.set("months", targets.path("monthlyExecution"));
        return m;
    }

    public static void load(DemoContext ctx) {
        JsonNode g = ctx.golden();
        JsonNode dept = g.path("department");
        String amountUnit = g.path("amountUnit").asText();
        String unitPath = "/api/v1/units/" + DemoContext.UNIT_CODE;
        String budgetPath = unitPath + "/years/" + DemoContext.YEAR + "/budget";

        ObjectNode unit = ctx.json().createObjectNode()
                .put("name", dept.path("name").asText())
                .put("county", dept.path("county").asText())
                .put("province", dept.path("province").asText())
                .put("kind", "行政")
                .put("rank", dept.path("rank").asText())
                .put("address", dept.path("address").asText());
        unit.set("offices", dept.path("offices"));
        // master data a person wrote: replaced with If-Match when the unit is there already (a second demo run)
        ctx.http().replace(ctx.budget().resolve(unitPath), ctx.write(unit));

        ctx.http().put(ctx.budget().resolve(budgetPath + "/staff"), ctx.write(g.path("staff")));

        ObjectNode summary = ctx.json().createObjectNode().put("amountUnit", amountUnit);
        summary.setAll((ObjectNode) g.path("budgetSummary").deepCopy());
        ctx.http().put(ctx.budget().resolve(budgetPath + "/budget-summary"), ctx.write(summary));

        // rows exactly as transcribed; empty cells stay absent
        ObjectNode revenue = ctx.json().createObjectNode().put("amountUnit", amountUnit);
        revenue.set("rows", g.path("revenueByFunction").path("rows"));
        ctx.http().put(ctx.budget().resolve(budgetPath + "/revenue"), ctx.write(revenue));

        ObjectNode expenditure = ctx.json().createObjectNode().put("amountUnit", amountUnit);
        expenditure.set("rows", g.path("expenditureByFunction").path("rows"));
        ctx.http().put(ctx.budget().resolve(budgetPath + "/expenditure"), ctx.write(expenditure));

        JsonNode e = g.path("execution");
        ObjectNode execution = ctx.json().createObjectNode().put("amountUnit", amountUnit);
        // The report gives the net adjustment (307) only; it is recorded as an increase.
        execution.set("adjustmentIncrease", e.path("budgetAdjustmentNet"));
        execution.put("adjustmentDecrease", 0);
        execution.set("basicActual", e.path("basicActual"));
        execution.set("projectActual", e.path("projectActual"));
        execution.set("yearEndBalance", e.path("yearEndBalance"));
        execution.set("threePublicBudget", e.path("threePublicBudget"));
        execution.set("threePublicActual", e.path("threePublicActual"));
        ctx.http().put(ctx.budget().resolve(budgetPath + "/execution"), ctx.write(execution));

        loadTargets(ctx, unitPath + "/years/" + DemoContext.YEAR);
    }

    /** The target table, each progress entry in the file's order (July, then year end) and the monthly execution. */
    static void loadTargets(DemoContext ctx, String yearPath) {
        JsonNode targets = targets(ctx.json());
        String answer = ctx.http().replace(ctx.budget().resolve(yearPath + "/targets"), ctx.write(targetTable(ctx.json(), targets)));
        for (JsonNode entry : targets.path("progress")) {
            // each answer carries the unit-year's version: the If-Match of the next entry (needed when it is there)
            String ifMatch = "\"" + read(ctx, answer).path("version").asLong() + "\"";
            answer = ctx.http().put(ctx.budget().resolve(yearPath + "/targets/" + entry.path("code").asText()
                    + "/progress/" + entry.path("month").asInt()), ctx.write(progressBody(entry)), ifMatch);
        }
        ctx.http().put(ctx.budget().resolve(yearPath + "/monthly-execution"), ctx.write(monthlyExecution(ctx.json(), targets)));
    }

    private static JsonNode read(DemoContext ctx, String json) {
        try {
            return ctx.json().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
