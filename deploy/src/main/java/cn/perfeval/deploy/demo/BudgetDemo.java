package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Loads the golden case's unit and budget figures through budget-service's public API. */
public final class BudgetDemo {

    private BudgetDemo() {
    }

    public static void load(DemoContext ctx) {
        JsonNode g = ctx.golden();
        JsonNode dept = g.path("department");
        String unitPath = "/api/units/" + DemoContext.UNIT_CODE;
        String yearPath = unitPath + "/years/" + DemoContext.FISCAL_YEAR;

        ObjectNode unit = ctx.json().createObjectNode()
                .put("name", dept.path("name").asText())
                .put("county", dept.path("county").asText())
                .put("province", dept.path("province").asText())
                .put("kind", "行政")
                .put("rank", dept.path("rank").asText())
                .put("address", dept.path("address").asText());
        ctx.http().put(ctx.budget().resolve(unitPath), ctx.write(unit));

        ObjectNode table = ctx.json().createObjectNode().put("amountUnit", g.path("amountUnit").asText());
        ArrayNode rows = table.putArray("rows");
        for (JsonNode r : g.path("expenditureByFunction").path("rows")) {
            rows.addObject().put("code", r.path("code").asText()).put("name", r.path("name").asText())
                    .set("total", r.path("total"));
            ((ObjectNode) rows.get(rows.size() - 1)).set("basic", r.path("basic"));
            ((ObjectNode) rows.get(rows.size() - 1)).set("project", r.path("project"));
        }
        ctx.http().put(ctx.budget().resolve(yearPath + "/expenditure"), ctx.write(table));

        JsonNode e = g.path("execution");
        ObjectNode execution = ctx.json().createObjectNode().put("amountUnit", g.path("amountUnit").asText());
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
