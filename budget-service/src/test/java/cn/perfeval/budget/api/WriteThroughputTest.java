package cn.perfeval.budget.api;

import cn.perfeval.budget.Golden;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repeatable measurement of the cost of a table replace (issue #7): 200 PUTs of a 200-row
 * 支出总表, after a warm-up. It prints the figure and asserts only that every PUT was stored; a
 * timing assertion would fail on a busy machine for no fault of the code.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "perfeval.measure", matches = "true",
        disabledReason = "a measurement, not a test: mvn -pl budget-service verify -Dperfeval.measure=true -Dtest=WriteThroughputTest")
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class WriteThroughputTest {

    static final int ROWS = 200;
    static final int PUTS = 200;
    static final int WARM_UP = 20;

    /** 20 类 with 9 款 each; the 类 carry the sums of their 款, so the table is consistent. */
    static String table(int variant) {
        StringBuilder t = new StringBuilder("{\"amountUnit\":\"万元\",\"rows\":[");
        for (int c = 0; c < 20; c++) {
            String cls = Integer.toString(201 + c);
            t.append(c == 0 ? "" : ",").append(row(cls, "类" + cls, 9 * (variant + 1)));
            for (int k = 1; k <= 9; k++) {
                t.append(',').append(row(cls + "0" + k, "款" + cls + k, variant + 1));
            }
        }
        return t.append("]}").toString();
    }

    private static String row(String code, String name, int amount) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"total\":" + amount + ".25,\"basic\":" + amount
                + ".25,\"project\":0}";
    }

    @Test
    void replacingA200RowTable() {
        String code = Golden.newCode();
        given().contentType("application/json").body(Golden.unit()).put("/api/v1/units/" + code).then().statusCode(201);
        String path = "/api/v1/units/" + code + "/years/2024/budget/expenditure";
        for (int i = 0; i < WARM_UP; i++) {
            given().contentType("application/json").body(table(i)).put(path).then().statusCode(200);
        }
        long start = System.nanoTime();
        for (int i = 0; i < PUTS; i++) {
            given().contentType("application/json").body(table(i)).put(path).then().statusCode(200);
        }
        double msPerPut = (System.nanoTime() - start) / 1e6 / PUTS;
        System.out.printf("WriteThroughputTest: %d PUTs of a %d-row table: %.1f ms/PUT (%.1f PUT/s)%n",
                PUTS, ROWS, msPerPut, 1000 / msPerPut);
        assertThat(given().get(path).jsonPath().getList("rows")).hasSize(ROWS);
        assertThat(given().get("/api/v1/units/" + code + "/years/2024/budget").header("ETag")).isEqualTo("\"" + (WARM_UP + PUTS) + "\"");
    }
}
