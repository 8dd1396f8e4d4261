package cn.perfeval.budget.api;

/** Example bodies shown in the OpenAPI document; the tests send the same JSON. */
public final class Examples {

    private Examples() {
    }

    public static final String UNIT = """
            {
              "name": "湘潭县中路铺镇人民政府",
              "county": "湘潭县",
              "province": "湖南省",
              "kind": "行政",
              "rank": "正科级行政机关",
              "address": "湖南省湘潭县中路铺镇湘中路10号"
            }""";

    public static final String EXPENDITURE_TABLE = """
            {
              "amountUnit": "万元",
              "rows": [
                {"code": "201", "name": "一般公共服务支出", "total": 1827.5, "basic": 1570.5, "project": 257},
                {"code": "20103", "name": "政府办公厅（室）及相关机构事务", "total": 1827.5, "basic": 1570.5, "project": 257},
                {"code": "2010301", "name": "行政运行", "total": 1827.5, "basic": 1570.5, "project": 257}
              ]
            }""";

    public static final String EXECUTION = """
            {
              "amountUnit": "万元",
              "adjustmentIncrease": 307,
              "adjustmentDecrease": 0,
              "basicActual": 3553,
              "projectActual": 860,
              "yearEndBalance": 0,
              "threePublicBudget": 12,
              "threePublicActual": 0
            }""";

    public static final String PROBLEM_VALIDATION = """
            {
              "type": "urn:perfeval:problem:validation",
              "title": "Invalid request",
              "status": 400,
              "detail": "rows[0].basic: must not be negative",
              "instance": "/api/units/114303210062309155/years/2024/expenditure",
              "errors": [{"field": "rows[0].basic", "message": "must not be negative", "rejected": "-1"}]
            }""";

    public static final String PROBLEM_NOT_FOUND = """
            {
              "type": "urn:perfeval:problem:not-found",
              "title": "Not found",
              "status": 404,
              "detail": "no unit with code 114303210062309155",
              "instance": "/api/units/114303210062309155"
            }""";

    public static final String PROBLEM_STALE = """
            {
              "type": "urn:perfeval:problem:stale-version",
              "title": "Stale version",
              "status": 412,
              "detail": "unit 114303210062309155 year 2024 is at version 3, not 2; read it again and retry",
              "instance": "/api/units/114303210062309155/years/2024/execution"
            }""";
}
