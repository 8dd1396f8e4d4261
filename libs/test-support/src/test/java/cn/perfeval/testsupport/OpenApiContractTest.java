package cn.perfeval.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract check catches what it is there to catch, on a small document written by hand. */
class OpenApiContractTest {

    private static final String DOC = """
            {"openapi": "3.1.0", "paths": {
              "/api/v1/units/{unitCode}": {"get": {
                "operationId": "getUnit", "summary": "读取单位",
                "parameters": [{"name": "unitCode", "in": "path", "required": true, "description": "单位代码", "example": "114303210062309155"}],
                "responses": {
                  "200": {"description": "单位", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Unit"},
                          "examples": {"unit": {"value": {"unitCode": "114303210062309155", "name": "中路铺镇"}}}}}},
                  "400": {"description": "参数不合要求", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                          "examples": {"p": {"value": {"type": "/problems/validation", "title": "请求无效", "status": 400, "instance": "/api/v1/units/x"}}}}}},
                  "401": {"description": "未认证", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                          "examples": {"p": {"value": {"type": "/problems/unauthorized", "title": "未认证", "status": 401, "instance": "/api/v1/audit"}}}}}}
                }}},
              "/api/v1/units/measures": {"get": {"summary": "list", "responses": {"200": {"description": "ok"}}}}
            },
            "components": {"schemas": {
              "Unit": {"type": "object", "required": ["unitCode"], "properties": {
                 "unitCode": {"type": "string", "description": "单位代码"},
                 "name": {"type": "string", "description": "单位名称"},
                 "rank": {"type": "string"}}},
              "Problem": {"type": "object", "required": ["type", "title", "status"], "properties": {
                 "type": {"type": "string", "description": "类型"}, "title": {"type": "string", "description": "名称"},
                 "status": {"type": "integer", "description": "状态码"}, "detail": {"type": "string", "description": "说明"},
                 "instance": {"type": "string", "description": "路径"}}}}}}
            """;

    private final JsonNode doc = read(DOC);

    @Test
    void aDeclaredStatusWithABodyOfItsSchemaPasses() {
        assertThat(OpenApiContract.check(doc, "GET", "/api/v1/units/114303210062309155", 200, "application/json",
                "{\"unitCode\":\"114303210062309155\",\"name\":\"中路铺镇\",\"rank\":null}")).isEmpty();
    }

    @Test
    void anUndeclaredStatusFails() {
        assertThat(OpenApiContract.check(doc, "GET", "/api/v1/units/114303210062309155", 404, "application/problem+json",
                "{\"type\":\"/problems/not-found\",\"title\":\"未找到\",\"status\":404}"))
                .singleElement().asString().contains("404", "not declared");
    }

    @Test
    void aPropertyTheSchemaDoesNotNameFails() {
        assertThat(OpenApiContract.check(doc, "GET", "/api/v1/units/114303210062309155", 200, "application/json",
                "{\"unitCode\":\"114303210062309155\",\"fiscalYear\":2024}")).isNotEmpty();
    }

    @Test
    void aMissingRequiredPropertyFailsEvenWhenWrittenAsNull() {
        assertThat(OpenApiContract.check(doc, "GET", "/api/v1/units/114303210062309155", 200, "application/json",
                "{\"unitCode\":null}")).isNotEmpty();
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        assertThat(OpenApiContract.operation(doc, "GET", "/api/v1/units/measures").orElseThrow().template())
                .isEqualTo("/api/v1/units/measures");
        assertThat(OpenApiContract.check(doc, "DELETE", "/api/v1/units/x", 405, null, null)).isEmpty();
    }

    @Test
    void coverageNamesEveryGap() {
        OpenApiContract.Coverage c = OpenApiContract.coverage(doc);
        assertThat(c.operations()).isEqualTo(2);
        assertThat(c.complete()).isFalse();
        assertThat(c.gaps()).anyMatch(g -> g.contains("rank has no Chinese description"))
                .anyMatch(g -> g.contains("/api/v1/units/measures: no operationId"))
                .anyMatch(g -> g.contains("does not declare 403"))
                .anyMatch(g -> g.contains("does not declare 404"))
                .anyMatch(g -> g.contains("instance /api/v1/audit is another operation's path"));
        assertThat(c.line("budget-service")).contains("2 operations");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
