package cn.perfeval.scoring.api;

/**
 * Example bodies of the API, shared by the OpenAPI documentation and the tests (ApiContractTest checks
 * that each one validates against the schema it illustrates). Problem bodies are not here: the platform's
 * OpenAPI filter writes the example of every error answer.
 */
public final class Examples {

    private Examples() {
    }

    public static final String JUDGEMENT_REQUEST = """
            {"points": 4, "reason": "管理制度较健全，但部分制度未及时修订", "evidence": "自评报告 四（三）1",
             "by": "县财政局评价组 李明"}""";

    public static final String JUDGEMENT_DEDUCTION_REQUEST = """
            {"deduction": 3, "reason": "个别重点工作未按期完成", "evidence": "自评报告 四（五）", "by": "县财政局评价组 李明"}""";

    public static final String JUDGEMENT = """
            {"unitCode": "114303210062309155", "year": 2024, "systemCode": "xiangtan-county", "indicatorCode": "B1",
             "version": 2, "indicatorName": "管理制度健全", "maxPoints": 5, "points": 4,
             "reason": "管理制度较健全，但部分制度未及时修订", "evidence": "自评报告 四（三）1", "by": "县财政局评价组 李明",
             "at": "2026-11-26T20:10:00Z", "recordedAt": "2026-11-26T20:10:00.120Z", "rescored": true}""";

    public static final String REVIEW_REQUEST = """
            {"points": 38, "reason": "重点工作中两个项目未按期完成，自评未如实扣分", "evidence": "县财政局复核工作底稿 第3页"}""";

    public static final String REVIEW = """
            {"unitCode": "114303210062309155", "year": 2024, "systemCode": "xiangtan-county", "indicatorCode": "D1",
             "version": 1, "indicatorName": "职责履行", "maxPoints": 45, "points": 38,
             "reason": "重点工作中两个项目未按期完成，自评未如实扣分", "evidence": "县财政局复核工作底稿 第3页",
             "by": "evaluator-xiangtan", "recordedAt": "2026-11-27T10:00:00.120Z", "rescored": true}""";

    public static final String REVIEWS = """
            {"items": [{"unitCode": "114303210062309155", "year": 2024, "systemCode": "xiangtan-county", "indicatorCode": "D1",
               "version": 1, "indicatorName": "职责履行", "maxPoints": 45, "points": 38,
               "reason": "重点工作中两个项目未按期完成，自评未如实扣分", "evidence": "县财政局复核工作底稿 第3页",
               "by": "evaluator-xiangtan", "recordedAt": "2026-11-27T10:00:00.120Z", "rescored": false}],
             "page": 0, "size": 50, "total": 1,
             "links": {"self": "/api/v1/units/114303210062309155/years/2024/reviews/xiangtan-county?page=0&size=50",
                       "first": "/api/v1/units/114303210062309155/years/2024/reviews/xiangtan-county?page=0&size=50",
                       "last": "/api/v1/units/114303210062309155/years/2024/reviews/xiangtan-county?page=0&size=50"}}""";

    public static final String REVIEW_HISTORY = """
            {"items": [{"unitCode": "114303210062309155", "year": 2024, "systemCode": "xiangtan-county", "indicatorCode": "D1",
               "version": 1, "indicatorName": "职责履行", "maxPoints": 45, "points": 40,
               "reason": "个别项目进度滞后", "by": "evaluator-xiangtan", "recordedAt": "2026-11-27T09:00:00.210Z", "rescored": false},
              {"unitCode": "114303210062309155", "year": 2024, "systemCode": "xiangtan-county", "indicatorCode": "D1",
               "version": 2, "indicatorName": "职责履行", "maxPoints": 45, "points": 38,
               "reason": "重点工作中两个项目未按期完成，自评未如实扣分", "evidence": "县财政局复核工作底稿 第3页",
               "by": "evaluator-xiangtan", "recordedAt": "2026-11-27T10:00:00.120Z", "rescored": false}],
             "page": 0, "size": 50, "total": 2,
             "links": {"self": "/api/v1/units/114303210062309155/years/2024/reviews/xiangtan-county/D1/history?page=0&size=50",
                       "first": "/api/v1/units/114303210062309155/years/2024/reviews/xiangtan-county/D1/history?page=0&size=50",
                       "last": "/api/v1/units/114303210062309155/years/2024/reviews/xiangtan-county/D1/history?page=0&size=50"}}""";

    public static final String JUDGEMENTS = """
            {"items": [{"unitCode": "114303210062309155", "year": 2024, "systemCode": "xiangtan-county", "indicatorCode": "B1",
               "version": 2, "indicatorName": "管理制度健全", "maxPoints": 5, "points": 4,
               "reason": "管理制度较健全，但部分制度未及时修订", "evidence": "自评报告 四（三）1", "by": "县财政局评价组 李明",
               "at": "2026-11-26T20:10:00Z", "recordedAt": "2026-11-26T20:10:00.120Z", "rescored": false}],
             "page": 0, "size": 50, "total": 1,
             "links": {"self": "/api/v1/units/114303210062309155/years/2024/judgements/xiangtan-county?page=0&size=50",
                       "first": "/api/v1/units/114303210062309155/years/2024/judgements/xiangtan-county?page=0&size=50",
                       "last": "/api/v1/units/114303210062309155/years/2024/judgements/xiangtan-county?page=0&size=50"}}""";

    public static final String JUDGEMENT_HISTORY = """
            {"items": [{"unitCode": "114303210062309155", "year": 2024, "systemCode": "xiangtan-county", "indicatorCode": "B1",
               "version": 1, "indicatorName": "管理制度健全", "maxPoints": 5, "points": 3, "deduction": 2,
               "reason": "部分制度缺失", "by": "县财政局评价组 李明",
               "at": "2026-11-25T09:00:00Z", "recordedAt": "2026-11-25T09:00:00.210Z", "rescored": false},
              {"unitCode": "114303210062309155", "year": 2024, "systemCode": "xiangtan-county", "indicatorCode": "B1",
               "version": 2, "indicatorName": "管理制度健全", "maxPoints": 5, "points": 4,
               "reason": "管理制度较健全，但部分制度未及时修订", "evidence": "自评报告 四（三）1", "by": "县财政局评价组 李明",
               "at": "2026-11-26T20:10:00Z", "recordedAt": "2026-11-26T20:10:00.120Z", "rescored": false}],
             "page": 0, "size": 50, "total": 2,
             "links": {"self": "/api/v1/units/114303210062309155/years/2024/judgements/xiangtan-county/B1/history?page=0&size=50",
                       "first": "/api/v1/units/114303210062309155/years/2024/judgements/xiangtan-county/B1/history?page=0&size=50",
                       "last": "/api/v1/units/114303210062309155/years/2024/judgements/xiangtan-county/B1/history?page=0&size=50"}}""";

    /** A system as sent to POST /api/v1/systems (no version: the service numbers it). */
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

    /** A system whose 产出 and 效益 are scored from the unit's targets (national rules). */
    public static final String SYSTEM_FROM_TARGETS = """
            {"code": "demo-targets", "name": "示例绩效目标评价体系",
             "description": "预算执行率 20 分；产出 50 分按目标表权重、效益 30 分平均分配，均按绩效目标完成情况计分",
             "gradeBands": [
               {"grade": "优", "min": 90, "minInclusive": true, "max": null, "maxInclusive": false},
               {"grade": "良", "min": 80, "minInclusive": true, "max": 90, "maxInclusive": false},
               {"grade": "中", "min": 60, "minInclusive": true, "max": 80, "maxInclusive": false},
               {"grade": "差", "min": null, "minInclusive": false, "max": 60, "maxInclusive": false}],
             "groups": [{"code": "X", "name": "预算执行", "maxPoints": 20, "children": [
               {"code": "X1", "name": "预算执行率", "maxPoints": 20, "formula": "totalActual / adjustedBudget * 100",
                "unit": "%", "scale": 2, "rule": {"type": "proportional", "reference": 100}}]},
               {"code": "Y", "name": "产出", "maxPoints": 50, "children": [
               {"code": "Y1", "name": "产出指标", "maxPoints": 50, "fromTargets": {"level1": "产出", "weights": "targetTable"}}]},
               {"code": "Z", "name": "效益", "maxPoints": 30, "children": [
               {"code": "Z1", "name": "效益指标", "maxPoints": 30, "fromTargets": {"level1": "效益", "weights": "even"}}]}]}""";

    /** The same system as stored and answered: numbered, every field written. */
    public static final String SYSTEM_STORED = """
            {"code": "demo-county", "version": 1, "name": "示例县指标体系", "description": "两个指标",
             "gradeBands": [
               {"grade": "优", "min": 90, "minInclusive": true, "max": null, "maxInclusive": false},
               {"grade": "良", "min": 80, "minInclusive": true, "max": 90, "maxInclusive": false},
               {"grade": "中", "min": 60, "minInclusive": true, "max": 80, "maxInclusive": false},
               {"grade": "差", "min": null, "minInclusive": false, "max": 60, "maxInclusive": false}],
             "groups": [{"code": "A", "name": "预算执行", "maxPoints": 100, "judged": false, "children": [
               {"code": "A1", "name": "预算执行率", "maxPoints": 60, "formula": "totalActual / adjustedBudget * 100",
                "unit": "%", "scale": 2, "rule": {"type": "proportional", "reference": 100}, "judged": false},
               {"code": "A2", "name": "职责履行", "maxPoints": 40, "judged": true}]}]}""";

    public static final String SYSTEMS = "{\"items\": [" + SYSTEM_STORED + """
            ], "page": 0, "size": 50, "total": 1,
             "links": {"self": "/api/v1/systems?page=0&size=50", "first": "/api/v1/systems?page=0&size=50",
                       "last": "/api/v1/systems?page=0&size=50"}}""";

    public static final String SYSTEM_VERSIONS = """
            {"items": [{"systemCode": "demo-county", "version": 1, "name": "示例县指标体系", "shipped": false,
                        "createdAt": "2026-11-20T08:00:00Z"},
                       {"systemCode": "demo-county", "version": 2, "name": "示例县指标体系（2025年修订）", "shipped": false,
                        "createdAt": "2026-11-26T20:10:00Z"}],
             "page": 0, "size": 50, "total": 2,
             "links": {"self": "/api/v1/systems/demo-county/versions?page=0&size=50",
                       "first": "/api/v1/systems/demo-county/versions?page=0&size=50",
                       "last": "/api/v1/systems/demo-county/versions?page=0&size=50"}}""";

    public static final String MEASURES = """
            {"items": [{"name": "yearStartBudget", "label": "年初预算数", "unit": "万元", "definition": "支出总表各类科目合计数之和"},
                       {"name": "basicBudget", "label": "基本支出年初预算数", "unit": "万元", "definition": "支出总表各类科目基本支出之和"}],
             "page": 0, "size": 2, "total": 30,
             "links": {"self": "/api/v1/measures?page=0&size=2", "first": "/api/v1/measures?page=0&size=2",
                       "next": "/api/v1/measures?page=1&size=2", "last": "/api/v1/measures?page=14&size=2"}}""";

    public static final String ASSIGNMENT_REQUEST = """
            {"systemCode": "national-common", "systemVersion": 1}""";

    public static final String ASSIGNMENT = """
            {"county": "湘潭县", "year": 2024, "systemCode": "national-common", "systemVersion": 1, "version": 2,
             "assignedAt": "2026-11-26T20:10:00Z", "defaulted": false}""";

    public static final String PUBLISHED = """
            {"indicators": [{"name": "预算调整率", "group": "预算执行", "printedValue": "307/4988=6.2%", "maxPoints": 5, "points": 4},
                            {"name": "管理制度健全", "group": "预算管理", "maxPoints": 5, "points": 4}],
             "groups": [{"name": "预算执行", "maxPoints": 30, "points": 28}],
             "total": 93, "grade": "良"}""";

    public static final String INCONSISTENCIES = """
            {"unitCode": "114303210062309155", "year": 2024, "systemCode": "xiangtan-county", "version": 14,
             "inconsistencies": [
               {"kind": "PRINTED_FIGURE", "kindLabel": "印制数据不符", "indicator": "A1", "published": "4988", "computed": "4988.65",
                "message": "“预算调整率”印制的除数 4988 是年初预算数 4988.65 的取整；按 4988.65 计算为 6.15 %"},
               {"kind": "GRADE", "kindLabel": "等次不符", "published": "良", "computed": "优",
                "message": "公布等级为“良”，按指标体系的等级标准，总分 93 分应为“优”"}]}""";

    public static final String RANKING = """
            {"items": [{"rank": 1, "unitCode": "114303210062309155", "unitName": "湘潭县中路铺镇人民政府", "total": 93,
                        "maxTotal": 100, "grade": "优", "complete": true, "systemVersion": 1,
                        "groups": {"A": 28, "B": 19, "C": 4, "D": 42}, "projected": false, "asOfMonth": 12,
                        "basisLabel": "年终得分"},
                       {"rank": 2, "unitCode": "114303210062309160", "unitName": "湘潭县易俗河镇人民政府", "total": 71.5,
                        "maxTotal": 100, "grade": "中", "complete": false, "systemVersion": 1,
                        "groups": {"A": 18.5, "B": 17, "C": 4, "D": 32}, "projected": true, "asOfMonth": 7,
                        "basisLabel": "预计得分（截至7月）"}],
             "page": 0, "size": 50, "total": 2,
             "links": {"self": "/api/v1/counties/湘潭县/years/2024/ranking?page=0&size=50",
                       "first": "/api/v1/counties/湘潭县/years/2024/ranking?page=0&size=50",
                       "last": "/api/v1/counties/湘潭县/years/2024/ranking?page=0&size=50"},
             "county": "湘潭县", "year": 2024,
             "system": {"systemCode": "xiangtan-county", "version": 1, "name": "湘潭县部门整体支出绩效评价指标体系（县级模板）"},
             "groups": [{"code": "A", "name": "预算执行", "maxPoints": 30}, {"code": "B", "name": "预算管理", "maxPoints": 20},
                        {"code": "C", "name": "资产管理", "maxPoints": 5}, {"code": "D", "name": "产出效果", "maxPoints": 45}],
             "distribution": {"count": 2, "byGrade": [{"grade": "优", "count": 1}, {"grade": "良", "count": 0},
                              {"grade": "中", "count": 1}, {"grade": "差", "count": 0}], "mean": 82.25, "median": 82.25,
                              "projected": 1}}""";

    public static final String SCORE = """
            {"unitCode": "114303210062309155", "year": 2024, "version": 8, "budgetVersion": 3,
             "computedAt": "2026-11-26T20:12:00.120Z", "total": 93, "maxTotal": 100, "grade": "优", "complete": true,
             "result": {"systemCode": "xiangtan-county", "systemVersion": 1, "systemName": "湘潭县部门整体支出绩效评价指标体系（县级模板）",
               "total": 93, "maxTotal": 100, "grade": "优", "complete": true,
               "groups": [{"code": "A", "name": "预算执行", "parent": null, "maxPoints": 30, "points": 28}],
               "indicators": [
                 {"code": "A1", "name": "预算调整率", "group": "A", "maxPoints": 5, "points": 4, "status": "SCORED",
                  "statusLabel": "已计分", "formula": "adjustmentNet / yearStartBudget * 100",
                  "measures": {"adjustmentNet": 307, "yearStartBudget": 4988.65}, "exactValue": 6.1539,
                  "displayValue": 6.15, "unit": "%", "rule": "(0, 10] 得 4 分",
                  "explanation": "预算调整率 = 预算调整数 / 年初预算数 × 100 = 307 / 4988.65 × 100 = 6.15 %，在区间 (0, 10] 内，得 4 分"},
                 {"code": "B1", "name": "管理制度健全", "group": "B", "maxPoints": 5, "points": 4, "status": "SCORED",
                  "statusLabel": "已计分", "rule": "评价人评分",
                  "explanation": "管理制度健全：评价人 县财政局评价组 评分，满分 5 分，扣 1 分，得 4 分。理由：管理制度基本健全",
                  "judgement": {"points": 4, "deduction": 1, "reason": "管理制度基本健全", "evidence": "自评报告",
                                "by": "县财政局评价组", "at": "2026-11-26T20:11:00Z"}}],
               "inconsistencies": [{"kind": "GRADE", "kindLabel": "等次不符", "published": "良", "computed": "优",
                 "message": "公布等级为“良”，按指标体系的等级标准，总分 93 分应为“优”"}]},
             "status": "SCORED", "statusLabel": "已计分",
             "basis": {"projected": false, "asOfMonth": 12, "missing": [], "label": "年终得分"}}""";

    /** The golden unit's score after the county's evaluator re-scored 职责履行 (D1) from 42 to 38. */
    public static final String SCORE_REVIEWED = """
            {"unitCode": "114303210062309155", "year": 2024, "version": 9, "budgetVersion": 3,
             "computedAt": "2026-11-27T10:00:00.120Z", "total": 93, "maxTotal": 100, "grade": "优", "complete": true,
             "result": {"systemCode": "xiangtan-county", "systemVersion": 1, "systemName": "湘潭县部门整体支出绩效评价指标体系（县级模板）",
               "total": 93, "maxTotal": 100, "grade": "优", "complete": true,
               "groups": [{"code": "D", "name": "产出效果", "parent": null, "maxPoints": 45, "points": 42}],
               "indicators": [
                 {"code": "D1", "name": "职责履行", "group": "D", "maxPoints": 45, "points": 42, "status": "SCORED",
                  "statusLabel": "已计分", "rule": "评价人评分",
                  "explanation": "职责履行：评价人 中路铺镇 评分，得 42 分（满分 45 分）。理由：全年重点工作基本完成",
                  "judgement": {"points": 42, "reason": "全年重点工作基本完成", "by": "中路铺镇", "at": "2026-11-26T20:11:00Z"}}],
               "inconsistencies": []},
             "status": "SCORED", "statusLabel": "已计分",
             "basis": {"projected": false, "asOfMonth": 12, "missing": [], "label": "年终得分"},
             "review": {"total": 89, "maxTotal": 100, "grade": "良", "selfTotal": 93, "selfGrade": "优", "deviation": 4,
               "explanation": "复核 1 个指标，复核得分 89 分（良），自评 93 分（优），自评偏高 4 分",
               "indicators": [{"code": "D1", "name": "职责履行", "maxPoints": 45, "selfPoints": 42, "reviewPoints": 38,
                 "deviation": 4, "reason": "重点工作中两个项目未按期完成，自评未如实扣分", "evidence": "县财政局复核工作底稿 第3页",
                 "by": "evaluator-xiangtan", "at": "2026-11-27T10:00:00.120Z",
                 "explanation": "复核得分 38 分，自评 42 分，自评偏高 4 分。理由：重点工作中两个项目未按期完成，自评未如实扣分（依据：县财政局复核工作底稿 第3页）"}]}}""";

    /** A projected score: July's cumulative execution, 产出 from the targets, one target without its actual yet. */
    public static final String SCORE_PROJECTED = """
            {"unitCode": "114303210062309155", "year": 2024, "version": 3, "budgetVersion": 9,
             "computedAt": "2026-08-05T09:00:00.120Z", "total": 31.63, "maxTotal": 100, "grade": "差", "complete": false,
             "result": {"systemCode": "self-evaluation-2020", "systemVersion": 2, "systemName": "部门整体支出绩效自评表（财预〔2020〕10号）",
               "total": 31.63, "maxTotal": 100, "grade": "差", "complete": false,
               "groups": [{"code": "X", "name": "预算执行", "parent": null, "maxPoints": 10, "points": 4.28},
                          {"code": "Y", "name": "产出", "parent": null, "maxPoints": 50, "points": 27.35}],
               "indicators": [
                 {"code": "X1", "name": "预算执行率", "group": "X", "maxPoints": 10, "points": 4.28, "status": "SCORED",
                  "statusLabel": "已计分", "formula": "totalActual / adjustedBudget * 100",
                  "measures": {"totalActual": 2264.32, "adjustedBudget": 5295.65}, "exactValue": 42.758,
                  "displayValue": 42.76, "unit": "%", "rule": "按比例计分：满分 × 值 / 100",
                  "explanation": "预算执行率 = 实际支出数 / 调整后预算数 × 100 = 2264.32 / 5295.65 × 100 = 42.76 %，按比例计分：10 × 42.758 / 100，得 4.28 分"},
                 {"code": "Y1", "name": "产出指标", "group": "Y", "maxPoints": 50, "points": 27.35, "status": "MISSING_DATA",
                  "statusLabel": "缺少数据", "rule": "按绩效目标完成情况计分：取产出类绩效目标，分值按目标表的权重折算（各目标权重之和折为本指标满分 50 分）",
                  "explanation": "产出指标：产出类绩效目标 2 个；权重合计 12，按比例折为 50 分，其中 1 个缺少完成值（危房改造按期完工率），已计分的 1 个目标合计 27.35 分（满分 50 分）；完成值补齐后方为本指标的得分",
                  "targets": [
                    {"code": "CC-01", "name": "城乡居民医疗保险参保人数", "level2": "数量", "direction": "越大越好",
                     "unitOfMeasure": "人", "targetValue": 42906, "actualValue": 40236, "month": 7, "maxPoints": 29.17,
                     "points": 27.35, "status": "SCORED", "statusLabel": "已计分",
                     "rule": "越大越好：实际值达到目标值得满分，否则按 实际值/目标值 × 分值 计分",
                     "explanation": "城乡居民医疗保险参保人数：目标值 42906 人（越大越好），实际完成 40236 人（截至 7 月），未达目标，按实际/目标 × 分值计 27.35 分（分值 29.17 分）"},
                    {"code": "CC-08", "name": "危房改造按期完工率", "level2": "时效", "direction": "越大越好",
                     "unitOfMeasure": "%", "targetValue": 100, "maxPoints": 20.83, "status": "MISSING_DATA", "statusLabel": "缺少数据",
                     "rule": "越大越好：实际值达到目标值得满分，否则按 实际值/目标值 × 分值 计分",
                     "explanation": "危房改造按期完工率：目标值 100 %（越大越好），未填报完成值，暂不能计分"}]}],
               "inconsistencies": []},
             "status": "SCORED", "statusLabel": "已计分",
             "basis": {"projected": true, "asOfMonth": 7, "label": "预计得分（截至7月）",
               "missing": [{"indicator": "Y1", "item": "危房改造按期完工率",
                            "message": "产出指标：缺少目标“危房改造按期完工率”的完成值（截至目前未填报）"}]}}""";

    /** A score of older budget data: the newest version could not be scored. */
    public static final String SCORE_NOT_SCORED = """
            {"unitCode": "114303210062309155", "year": 2024, "version": 2, "budgetVersion": 3,
             "computedAt": "2026-11-26T20:12:00.120Z", "total": 23, "maxTotal": 100, "grade": "差", "complete": false,
             "result": {"systemCode": "xiangtan-county", "systemVersion": 1, "systemName": "湘潭县部门整体支出绩效评价指标体系（县级模板）",
               "total": 23, "maxTotal": 100, "grade": "差", "complete": false,
               "groups": [{"code": "A", "name": "预算执行", "parent": null, "maxPoints": 30, "points": 23}],
               "indicators": [
                 {"code": "A1", "name": "预算调整率", "group": "A", "maxPoints": 5, "points": 4, "status": "SCORED",
                  "statusLabel": "已计分", "formula": "adjustmentNet / yearStartBudget * 100",
                  "measures": {"adjustmentNet": 307, "yearStartBudget": 4988.65}, "exactValue": 6.1539,
                  "displayValue": 6.15, "unit": "%", "rule": "(0, 10] 得 4 分",
                  "explanation": "预算调整率 = 预算调整数 / 年初预算数 × 100 = 307 / 4988.65 × 100 = 6.15 %，在区间 (0, 10] 内，得 4 分"}],
               "inconsistencies": []},
             "status": "NOT_SCORED", "statusLabel": "未计分",
             "notScored": {"cause": "PROCESSING_FAILED", "causeLabel": "计分失败",
               "reason": "计分失败 3 次：某项文字超出可保存的长度（如单位名称或所属县名称过长），数据无法保存，已转入待处理队列",
               "budgetVersion": 4, "attempts": 3, "since": "2026-11-27T09:30:00.250Z"},
             "basis": {"projected": false, "asOfMonth": null, "missing": [], "label": "年终得分"}}""";

    public static final String SCORE_HISTORY = """
            {"items": [{"version": 1, "budgetVersion": 3, "computedAt": "2026-11-26T20:10:00.456Z", "total": 23, "grade": "差",
                        "complete": false, "systemVersion": 1, "projected": true, "asOfMonth": 7,
                        "basisLabel": "预计得分（截至7月）"},
                       {"version": 2, "budgetVersion": 3, "computedAt": "2026-11-26T20:12:00.120Z", "total": 93, "grade": "优",
                        "complete": true, "systemVersion": 1, "projected": false, "asOfMonth": 12, "basisLabel": "年终得分"}],
             "page": 0, "size": 50, "total": 2,
             "links": {"self": "/api/v1/units/114303210062309155/years/2024/score/history?page=0&size=50",
                       "first": "/api/v1/units/114303210062309155/years/2024/score/history?page=0&size=50",
                       "last": "/api/v1/units/114303210062309155/years/2024/score/history?page=0&size=50"}}""";
}
