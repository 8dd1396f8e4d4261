package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the golden case through budget-service's public API: the unit with its offices, the
 * staff facts, the three year-start tables (收支总表, 收入总表, 支出总表) and the execution.
 */
public final class BudgetDemo {

    private BudgetDemo() {
    }

    public static void load(DemoContext ctx) {
        JsonNode g = ctx.golden();
        JsonNode dept = g.path("department");
        String amountUnit = g.path("amountUnit").asText();
        String unitPath = "/api/units/" + DemoContext.UNIT_CODE;
        String yearPath = unitPath + "/years/" + DemoContext.FISCAL_YEAR;

        ObjectNode unit = ctx.json().createObjectNode()
                .put("name", dept.path("name").asText())
                .put("county", dept.path("county").asText())
                .put("province", dept.path("province").asText())
                .put("kind", "行政")
                .put("rank", dept.path("rank").asText())
                .put("address", dept.path("address").asText());
        unit.set("offices", dept.path("offices"));
        ctx.http().put(ctx.budget().resolve(unitPath), ctx.write(unit));

        ctx.http().put(ctx.budget().resolve(yearPath + "/staff"), ctx.write(g.path("staff")));

        ObjectNode summary = ctx.json().createObjectNode().put("amountUnit", amountUnit);
        summary.setAll((ObjectNode) g.path("budgetSummary").deepCopy());
        ctx.http().put(ctx.budget().resolve(yearPath + "/budget-summary"), ctx.write(summary));

        // rows exactly as transcribed; empty cells stay absent
        ObjectNode revenue = ctx.json().createObjectNode().put("amountUnit", amountUnit);
        revenue.set("rows", g.path("revenueByFunction").path("rows"));
        ctx.http().put(ctx.budget().resolve(yearPath + "/revenue"), ctx.write(revenue));

        ObjectNode expenditure = ctx.json().createObjectNode().put("amountUnit", amountUnit);
        expenditure.set("rows", g.path("expenditureByFunction").path("rows"));
        ctx.http().put(ctx.budget().resolve(yearPath + "/expenditure"), ctx.write(expenditure));

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
        ctx.http().put(ctx.budget().resolve(yearPath + "/execution"), ctx.write(execution));
    }
}
