package cn.perfeval.scoring.api;

/** Example bodies of the API, shared by the OpenAPI documentation and the tests. */
public final class Examples {

    private Examples() {
    }

    public static final String JUDGEMENT_REQUEST = """
            {"points": 4, "reason": "管理制度较健全，但部分制度未及时修订", "evidence": "自评报告 四（三）1",
             "by": "县财政局评价组 李明"}""";

    public static final String JUDGEMENT_DEDUCTION_REQUEST = """
            {"deduction": 3, "reason": "个别重点工作未按期完成", "evidence": "自评报告 四（五）", "by": "县财政局评价组 李明"}""";

    public static final String JUDGEMENT = """
            {"unitCode": "114303210062309155", "fiscalYear": 2024, "systemCode": "xiangtan-county", "indicatorCode": "B1",
             "indicatorName": "管理制度健全", "maxPoints": 5, "points": 4, "reason": "管理制度较健全，但部分制度未及时修订",
             "evidence": "自评报告 四（三）1", "by": "县财政局评价组 李明", "at": "2026-11-26T20:10:00Z",
             "recordedAt": "2026-11-26T20:10:00.120Z", "rescored": true}""";

    public static final String INVALID_JUDGEMENT = """
            {"type": "urn:perfeval:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "must be between 0 and the indicator's maximum 5",
             "instance": "/api/units/114303210062309155/years/2024/judgements/xiangtan-county/B1",
             "errors": [{"field": "points", "message": "must be between 0 and the indicator's maximum 5", "rejected": "6"}]}""";

    public static final String NOT_FOUND = """
            {"type": "urn:perfeval:problem:not-found", "title": "Not found", "status": 404,
             "detail": "indicator system xiangtan-county v1 has no indicator Z9",
             "instance": "/api/units/114303210062309155/years/2024/judgements/xiangtan-county/Z9"}""";

    public static final String SYSTEM = """
            {"code": "demo-county", "name": "示例县指标体系", "description": "两个指标",
             "gradeBands": [
               {"grade": "优", "min": 90, "minInclusive": true, "max": null, "maxInclusive": false},
               {"grade": "良", "min": 80, "minInclusive": true, "max": 90, "maxInclusive": false},
               {"grade": "中", "min": 60, "minInclusive": true, "max": 80, "maxInclusive": false},
               {"grade": "差", "min": null, "minInclusive": false, "max": 60, "maxInclusive": false}],
             "groups": [{"code": "A", "name": "预算执行", "maxPoints": 100, "children": [
               {"code": "A1", "name": "预算执行率", "maxPoints": 60, "formula": "totalActual / adjustedBudget * 100",
                "unit": "%", "scale": 2, "rule": {"type": "proportional", "reference": 100}},
               {"code": "A2", "name": "职责履行", "maxPoints": 40, "judged": true}]}]}""";

    public static final String INVALID_SYSTEM = """
            {"type": "urn:perfeval:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "the indicator system is invalid: groups[0].children[0].formula: unknown measure 'totalSpent'; …",
             "instance": "/api/systems",
             "errors": [{"field": "groups[0].children[0].formula",
                         "message": "unknown measure 'totalSpent'; the known measures are listed by GET /api/measures",
                         "rejected": "totalSpent / adjustedBudget * 100"}]}""";

    public static final String CONFLICT = """
            {"type": "urn:perfeval:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "indicator system demo-county exists; add a version with POST /api/systems/demo-county/versions",
             "instance": "/api/systems"}""";

    public static final String ASSIGNMENT_REQUEST = """
            {"systemCode": "national-common", "version": 1}""";

    public static final String ASSIGNMENT = """
            {"county": "湘潭县", "fiscalYear": 2024, "systemCode": "national-common", "version": 1,
             "assignedAt": "2026-11-26T20:10:00Z", "rescoredUnits": 12}""";

    public static final String PUBLISHED = """
            {"indicators": [{"name": "预算调整率", "group": "预算执行", "printedValue": "307/4988=6.2%", "maxPoints": 5, "points": 4},
                            {"name": "管理制度健全", "group": "预算管理", "maxPoints": 5, "points": 4}],
             "groups": [{"name": "预算执行", "maxPoints": 30, "points": 28}],
             "total": 93, "grade": "良"}""";

    public static final String INCONSISTENCIES = """
            {"unitCode": "114303210062309155", "fiscalYear": 2024, "systemCode": "xiangtan-county", "version": 14,
             "inconsistencies": [
               {"kind": "PRINTED_FIGURE", "indicator": "A1", "published": "4988", "computed": "4988.65",
                "message": "“预算调整率”印制的除数 4988 是 yearStartBudget = 4988.65 的取整；按 4988.65 计算为 6.15 %"},
               {"kind": "GRADE", "published": "良", "computed": "优",
                "message": "公布等级为“良”，按指标体系的等级标准，总分 93 分应为“优”"}]}""";

    public static final String RANKING = """
            {"county": "湘潭县", "fiscalYear": 2024, "system": {"code": "xiangtan-county", "version": 1, "name": "湘潭县部门整体支出绩效评价指标体系（县级模板）"},
             "groups": [{"code": "A", "name": "预算执行", "maxPoints": 30}],
             "units": [{"rank": 1, "unitCode": "114303210062309155", "unitName": "湘潭县中路铺镇人民政府", "total": 93,
                        "maxTotal": 100, "grade": "优", "complete": true, "groups": {"A": 28, "B": 19, "C": 4, "D": 42}}],
             "distribution": {"count": 1, "byGrade": [{"grade": "优", "count": 1}, {"grade": "良", "count": 0},
                              {"grade": "中", "count": 0}, {"grade": "差", "count": 0}], "mean": 93, "median": 93}}""";

    public static final String UNKNOWN_SYSTEM = """
            {"type": "urn:perfeval:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "unknown indicator system; see GET /api/systems", "instance": "/api/counties/湘潭县/years/2024/ranking",
             "errors": [{"field": "system", "message": "unknown indicator system; see GET /api/systems", "rejected": "nope"}]}""";

    public static final String INVALID_ASSIGNMENT = """
            {"type": "urn:perfeval:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "indicator system national-common has no version 9", "instance": "/api/assignments/湘潭县/2024",
             "errors": [{"field": "version", "message": "indicator system national-common has no version 9", "rejected": "9"}]}""";

    public static final String INVALID_PUBLISHED = """
            {"type": "urn:perfeval:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "indicators[0].points: must be greater than or equal to 0",
             "instance": "/api/units/114303210062309155/years/2024/published",
             "errors": [{"field": "indicators[0].points", "message": "must be greater than or equal to 0", "rejected": "-4"}]}""";
}
