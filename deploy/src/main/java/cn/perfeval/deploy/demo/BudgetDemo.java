package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the golden case through budget-service's public API: the unit with its offices, the
 * staff facts, the three year-start tables (收支总表, 收入总表, 支出总表) and the execution. The
 * tables are replaced whole, as imports are, without If-Match (docs/api.md: optional for budget tables).
 */
public final class BudgetDemo {

    private BudgetDemo() {
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
    }
}
