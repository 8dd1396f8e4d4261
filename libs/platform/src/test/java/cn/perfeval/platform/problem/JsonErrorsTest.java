package cn.perfeval.platform.problem;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonParser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonErrorsTest {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Shape.Square.class, name = "square"),
            @JsonSubTypes.Type(value = Shape.Circle.class, name = "circle")})
    sealed interface Shape {
        record Square(BigDecimal side) implements Shape {
        }

        record Circle(BigDecimal radius) implements Shape {
        }
    }

    enum Colour { red, green }

    record Drawing(String title, int count, Colour colour, List<Shape> shapes) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private static JsonErrors.Described describe(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> MAPPER.readValue(json, Drawing.class));
        assertThat(e).as(json).isNotNull();
        JsonErrors.Described d = JsonErrors.describe(e);
        assertThat(d.field() + " " + d.message()).doesNotContain("class ").doesNotContain("cn.perfeval")
                .doesNotContain("Unrecognized").doesNotContain("subtype").doesNotContain("JsonProcessing")
                .doesNotContain("java.").doesNotContain("`");
        return d;
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsAllowed() {
        JsonErrors.Described d = describe("{\"shapes\": [{\"type\": \"square\", \"side\": 1, \"rounding\": \"up\"}]}");
        assertThat(d.field()).isEqualTo("shapes[0].rounding");
        assertThat(d.message()).isEqualTo("未知字段 rounding；允许的字段：side");
        assertThat(describe("{\"colour\": \"red\", \"size\": 3}").message())
                .isEqualTo("未知字段 size；允许的字段：colour、count、shapes、title");
    }

    @Test
    void anUnknownTypeIsNamedWithTheTypesAllowed() {
        JsonErrors.Described d = describe("{\"shapes\": [{\"type\": \"circle\", \"radius\": 1}, {\"type\": \"steps\"}]}");
        assertThat(d.field()).isEqualTo("shapes[1].type");
        assertThat(d.message()).isEqualTo("未知类型 steps；允许的类型：square、circle");
        assertThat(describe("{\"shapes\": [{\"side\": 1}]}").message()).isEqualTo("缺少类型字段 type；允许的类型：square、circle");
    }

    @Test
    void aValueOfTheWrongKindSaysWhatIsExpected() {
        assertThat(describe("{\"count\": \"many\"}")).isEqualTo(new JsonErrors.Described("count", "无法读取 \"many\"：应为整数"));
        assertThat(describe("{\"count\": 1.5}").message()).contains("整数");
        assertThat(describe("{\"shapes\": [{\"type\": \"square\", \"side\": \"wide\"}]}"))
                .isEqualTo(new JsonErrors.Described("shapes[0].side", "无法读取 \"wide\"：应为数字"));
        assertThat(describe("{\"colour\": \"blue\"}")).isEqualTo(new JsonErrors.Described("colour", "无法读取 \"blue\"：应为以下之一：red、green"));
        assertThat(describe("{\"shapes\": {\"type\": \"square\"}}")).isEqualTo(new JsonErrors.Described("shapes", "应为数组"));
        assertThat(describe("{\"title\": [1]}")).isEqualTo(new JsonErrors.Described("title", "应为文本"));
    }

    @Test
    void malformedJsonAndDuplicateKeysAreSaidPlainly() {
        assertThat(describe("{\"title\": ").message()).startsWith("不是合法的 JSON");
        assertThat(describe("{\"title\": \"a\", \"title\": \"b\"}")).isEqualTo(new JsonErrors.Described("title", "字段 title 重复出现，只能出现一次"));
    }

    @Test
    void syntaxErrorsSayWhatIsWrongWhereInChinese() {
        assertThat(describe("{\"title\": NaN}").field()).isEqualTo("title");
        assertThat(describe("{\"title\": NaN}").message())
                .startsWith("不是合法的 JSON：NaN 与 Infinity 不是 JSON 的数值：应为有限的十进制数，如 1827.5（第 1 行第");
        assertThat(describe("{\"title\": -Infinity}").message()).contains("NaN 与 Infinity");
        assertThat(describe("{/* x */ \"title\": \"a\"}").message()).startsWith("不是合法的 JSON：JSON 中不能有注释");
        assertThat(describe("{\"title\": \"a\" # x\n}").message()).contains("注释");
        assertThat(describe("{'title': 'a'}").message()).contains("双引号");
        assertThat(describe("{title: \"a\"}").message()).contains("双引号");
        assertThat(describe("{\"title\": \"a").message()).contains("内容不完整");
        assertThat(describe("{\"title\": \"a\u0001\"}").message()).contains("控制字符");
        assertThat(describe("{\"title\": \"t\", \"count\": 01}")).isEqualTo(new JsonErrors.Described("count",
                "不是合法的 JSON：数字不能以多余的 0 开头（如 01363.4）（第 1 行第 26 列）"));
        for (String bad : new String[]{"{\"title\": NaN}", "{/* */}", "{'a': 1}", "{\"title\": \"a"}) {
            assertThat(describe(bad).message()).doesNotContain("Unexpected", "token", "Feature", "ALLOW_");
        }
    }
}
