package cn.perfeval.budget.api;

import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A repeatable measurement of the bulk import worker (issue #18): unit-years shaped like the benchmark's (a
 * 支出总表 of 120 rows and the year-end execution each), submitted as jobs of at most 3.5 MB, timed from the first
 * job's submission to the last job's end, after a warm-up job. It prints the rate and asserts only that every
 * unit-year was stored; a timing assertion would fail on a busy machine for no fault of the code.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "perfeval.measure", matches = "true",
        disabledReason = "a measurement, not a test: mvn -pl budget-service verify -Dperfeval.measure=true -Dtest=BulkImportThroughputTest")
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class BulkImportThroughputTest {

    static final int UNIT_YEARS = Integer.getInteger("perfeval.measure.unitYears", 2000);
    static final int WARM_UP = 300;
    static final int MAX_JOB_CHARS = 3_500_000;

    /** A unit-year: 12 类 with 9 款 each (120 rows, the 类 carry the sums of their 款) and its execution. */
    static String line(int i) {
        StringBuilder t = new StringBuilder();
        for (int c = 0; c < 12; c++) {
            String cls = Integer.toString(201 + c);
            int amount = 1 + (i + c) % 17;
            t.append(c == 0 ? "" : ",").append(row(cls, "类" + cls, 9 * amount));
            for (int k = 1; k <= 9; k++) {
                t.append(',').append(row(cls + "0" + k, "款" + cls + k, amount));
            }
        }
        return "{\"unitCode\":\"" + String.format("M%017d", i) + "\",\"year\":2024,\"unit\":{\"name\":\"测量单位" + i
                + "\",\"county\":\"测量县" + (i % 20) + "\",\"province\":\"湖南省\",\"kind\":\"行政\"},"
                + "\"expenditure\":{\"amountUnit\":\"万元\",\"rows\":[" + t + "]},"
                + "\"execution\":{\"amountUnit\":\"万元\",\"basicActual\":300,\"projectActual\":0,\"threePublicBudget\":12,"
                + "\"threePublicActual\":9}}";
    }

    private static String row(String code, String name, int amount) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"total\":" + amount + ".25,\"basic\":" + amount
                + ".25,\"project\":0}";
    }

    /** Submits unit-years [from, to) as jobs of at most 3.5 MB each; answers the job ids. */
    static List<String> submit(int from, int to) {
        List<String> ids = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int i = from; i < to; i++) {
            String line = line(i);
            if (body.length() + line.length() + 1 > MAX_JOB_CHARS) {
                ids.add(BulkImportJobTest.submit(BulkImportJobTest.NDJSON, body.toString()));
                body.setLength(0);
            }
            body.append(line).append('\n');
        }
        if (!body.isEmpty()) {
            ids.add(BulkImportJobTest.submit(BulkImportJobTest.NDJSON, body.toString()));
        }
        return ids;
    }

    static void awaitAll(List<String> ids) {
        for (String id : ids) {
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                String state = given().get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath().getString("state");
                return state.equals("SUCCEEDED") || state.equals("FAILED");
            });
        }
    }

    @Test
    void importingUnitYearsThroughJobs() {
        awaitAll(submit(0, WARM_UP));
        long start = System.nanoTime();
        List<String> ids = submit(WARM_UP, WARM_UP + UNIT_YEARS);
        long submitted = System.nanoTime();
        awaitAll(ids);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BulkImportThroughputTest: %,d unit-years of 120 rows in %d jobs: %.1f s (upload %.1f s), "
                        + "%.0f unit-years/s%n", UNIT_YEARS, ids.size(), seconds, (submitted - start) / 1e9, UNIT_YEARS / seconds);
        long stored = 0;
        for (String id : ids) {
            JsonPath job = given().get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(job.getInt("failed")).isZero();
            stored += job.getInt("done");
        }
        assertThat(stored).isEqualTo(UNIT_YEARS);
    }
}
