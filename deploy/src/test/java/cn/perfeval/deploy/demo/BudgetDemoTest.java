package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bodies the demo sends for the 2024 target table, its progress and the monthly execution. */
class BudgetDemoTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final JsonNode TARGETS = BudgetDemo.targets(JSON);

    static JsonNode golden() throws IOException {
        try (InputStream in = BudgetDemoTest.class.getResourceAsStream("/demo/zhonglupu-2024.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void theTargetTableBodyHasTheGoalAndEveryIndicatorOnly() {
        ObjectNode body = BudgetDemo.targetTable(JSON, TARGETS);
        assertThat(body.properties()).extracting(e -> e.getKey()).containsExactly("overallGoal", "indicators");
        assertThat(body.path("indicators")).hasSize(14);
        Set<String> codes = new HashSet<>();
        body.path("indicators").forEach(t -> assertThat(codes.add(t.path("code").asText())).isTrue());
    }

    @Test
    void aProgressBodyLeavesTheCodeAndMonthToThePath() {
        JsonNode first = TARGETS.path("progress").get(1);
        ObjectNode body = BudgetDemo.progressBody(first);
        assertThat(body.has("code")).isFalse();
        assertThat(body.has("month")).isFalse();
        assertThat(body.path("actualValue").decimalValue()).isEqualByComparingTo("41851");
        assertThat(body.path("deviationReason").asText()).startsWith("部分外出务工人员");
        // the file itself is untouched
        assertThat(first.has("code")).isTrue();
        // every entry names a target of the table
        Set<String> codes = new HashSet<>();
        TARGETS.path("indicators").forEach(t -> codes.add(t.path("code").asText()));
        TARGETS.path("progress").forEach(p -> assertThat(codes).contains(p.path("code").asText()));
    }

    @Test
    void theMonthlyExecutionEndsAtTheYearsActualSpending() throws IOException {
        ObjectNode body = BudgetDemo.monthlyExecution(JSON, TARGETS);
        assertThat(body.path("amountUnit").asText()).isEqualTo("万元");
        JsonNode months = body.path("months");
        assertThat(months).hasSize(12);
        JsonNode december = months.get(11);
        JsonNode execution = golden().path("execution");
        assertThat(december.path("basicActual").decimalValue()).isEqualByComparingTo(execution.path("basicActual").decimalValue());
        assertThat(december.path("projectActual").decimalValue()).isEqualByComparingTo(execution.path("projectActual").decimalValue());
        BigDecimal basic = BigDecimal.ZERO;
        BigDecimal project = BigDecimal.ZERO;
        for (JsonNode m : months) {
            assertThat(m.path("basicActual").decimalValue()).isGreaterThanOrEqualTo(basic);
            assertThat(m.path("projectActual").decimalValue()).isGreaterThanOrEqualTo(project);
            basic = m.path("basicActual").decimalValue();
            project = m.path("projectActual").decimalValue();
        }
    }
}
