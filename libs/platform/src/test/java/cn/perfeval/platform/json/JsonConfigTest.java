package cn.perfeval.platform.json;

import cn.perfeval.platform.problem.JsonErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one JSON policy of the three services refuses what it would otherwise silently reinterpret (issue #13). */
class JsonConfigTest {

    enum AmountUnit { 元, 万元 }

    record Row(AmountUnit amountUnit, BigDecimal total, int points, boolean complete, String name) {
    }

    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        new JsonConfig().customize(m);
        return m;
    }

    @Test
    void anOrdinaryBodyIsRead() throws Exception {
        Row r = MAPPER.readValue("{\"amountUnit\":\"万元\",\"total\":4988.65,\"points\":3,\"complete\":true,\"name\":\"中路铺镇\"}", Row.class);
        assertThat(r.total()).isEqualByComparingTo("4988.65");
        assertThat(r.amountUnit()).isEqualTo(AmountUnit.万元);
        assertThat(MAPPER.readValue("{\"total\":999999999999999.9999999999}", Row.class).total())
                .isEqualByComparingTo("999999999999999.9999999999");
        assertThat(MAPPER.readValue("{\"total\":1.5e3}", Row.class).total()).isEqualByComparingTo("1500");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"amountUnit\":1}|amountUnit|元",
            "{\"total\":\"100\"}|total|数字",
            "{\"total\":\"five\"}|total|数字",
            "{\"total\":\"1e400\"}|total|数字",
            "{\"points\":\"3\"}|points|整数",
            "{\"complete\":\"true\"}|complete|",
            "{\"complete\":1}|complete|",
            "{\"total\":1e400}|total|10 的 15 次方",
            "{\"total\":1e-10000}|total|10 的 15 次方",
            "{\"total\":1E+99999999999}|total|10 的 15 次方",
            "{\"total\":1000000000000000}|total|数值过大",
            "{\"total\":0.00000000001}|total|小数位过多",
    })
    void aValueOfAnotherKindIsRefusedNamingTheField(String json, String field, String says) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> MAPPER.readValue(json, Row.class));
        assertThat(e).as(json).isNotNull();
        JsonErrors.Described d = JsonErrors.describe(e);
        assertThat(d.field()).as(json).isEqualTo(field);
        if (says != null) {
            assertThat(d.message()).as(json).contains(says);
        }
        assertThat(d.message()).doesNotContain("java.").doesNotContain("`").doesNotContain("Cannot");
    }
}
