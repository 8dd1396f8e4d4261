package cn.perfeval.budget;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import static cn.perfeval.budget.TestAuth.given;

/**
 * The golden case (zhonglupu-2024.json, a copy of /work/shared/reference) and the requests that
 * load it through the public API. Amounts are read as exact decimals, never as doubles.
 */
public final class Golden {

    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    public static final JsonNode CASE = read("golden/zhonglupu-2024.json");
    /** The golden unit's 2024 target table, target progress and monthly execution (a copy of the demo's file). */
    public static final JsonNode TARGETS = read("golden/zhonglupu-2024-targets.json");

    private Golden() {
    }

    public static JsonNode read(String resource) {
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh unit code, so that tests sharing one database do not see each other's data. */
    public static String newCode() {
        return "G" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    public static String unit() {
        JsonNode d = CASE.path("department");
        ObjectNode u = JSON.createObjectNode()
                .put("name", d.path("name").asText()).put("county", d.path("county").asText())
                .put("province", d.path("province").asText()).put("kind", "行政")
                .put("rank", d.path("rank").asText()).put("address", d.path("address").asText());
        u.set("offices", d.path("offices"));
        return write(u);
    }

    public static String staff() {
        return write(CASE.path("staff"));
    }

    public static String budgetSummary() {
        ObjectNode s = JSON.createObjectNode().put("amountUnit", "万元");
        s.setAll((ObjectNode) CASE.path("budgetSummary").deepCopy());
        return write(s);
    }

    public static String revenue() {
        ObjectNode t = JSON.createObjectNode().put("amountUnit", "万元");
        t.set("rows", CASE.path("revenueByFunction").path("rows"));
        return write(t);
    }

    public static String expenditure() {
        ObjectNode t = JSON.createObjectNode().put("amountUnit", "万元");
        t.set("rows", CASE.path("expenditureByFunction").path("rows"));
        return write(t);
    }

    /** The report gives the net adjustment (307) only; it is recorded as an increase. */
    public static String execution() {
        JsonNode e = CASE.path("execution");
        ObjectNode x = JSON.createObjectNode().put("amountUnit", "万元");
        x.set("adjustmentIncrease", e.path("budgetAdjustmentNet"));
        x.put("adjustmentDecrease", 0);
        for (String f : new String[]{"basicActual", "projectActual", "yearEndBalance", "threePublicBudget", "threePublicActual"}) {
            x.set(f, e.path(f));
        }
        return write(x);
    }

    /** Loads the whole golden case through the API under the given unit code (tables as JSON). */
    public static void load(String code) {
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(ContentType.JSON).body(unit()).put("/api/v1/units/" + code).then().statusCode(201);
        given().contentType(ContentType.JSON).body(staff()).put(year + "/budget/staff").then().statusCode(200);
        given().contentType(ContentType.JSON).body(budgetSummary()).put(year + "/budget/budget-summary").then().statusCode(200);
        given().contentType(ContentType.JSON).body(revenue()).put(year + "/budget/revenue").then().statusCode(200);
        given().contentType(ContentType.JSON).body(expenditure()).put(year + "/budget/expenditure").then().statusCode(200);
        given().contentType(ContentType.JSON).body(execution()).put(year + "/budget/execution").then().statusCode(200);
    }

    /** The target table of {@link #TARGETS}: the overall goal and the indicators. */
    public static String targetTable() {
        ObjectNode t = JSON.createObjectNode();
        t.set("overallGoal", TARGETS.path("overallGoal"));
        t.set("indicators", TARGETS.path("indicators"));
        return write(t);
    }

    /** A progress entry of {@link #TARGETS} as the body of PUT …/targets/{code}/progress/{month}. */
    public static String progressBody(JsonNode entry) {
        ObjectNode p = ((ObjectNode) entry).deepCopy();
        p.remove("code");
        p.remove("month");
        return write(p);
    }

    /** The monthly execution of {@link #TARGETS}. */
    public static String monthlyExecution() {
        ObjectNode m = JSON.createObjectNode().put("amountUnit", "万元");
        m.set("months", TARGETS.path("monthlyExecution"));
        return write(m);
    }

    /** Loads the target table, its progress (July, then year-end) and the monthly execution through the API. */
    public static void loadTargets(String code) {
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(ContentType.JSON).body(targetTable()).put(year + "/targets").then().statusCode(200);
        for (JsonNode entry : TARGETS.path("progress")) {
            given().contentType(ContentType.JSON).body(progressBody(entry))
                    .put(year + "/targets/" + entry.path("code").asText() + "/progress/" + entry.path("month").asInt())
                    .then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body(monthlyExecution()).put(year + "/monthly-execution").then().statusCode(200);
    }

    public static ArrayNode rows(String table) {
        return (ArrayNode) CASE.path(table).path("rows");
    }
}
