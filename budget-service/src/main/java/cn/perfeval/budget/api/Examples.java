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
              "address": "湖南省湘潭县中路铺镇湘中路10号",
              "offices": ["党政办公室", "党建办公室", "财政办公室"]
            }""";

    /** The unit as the first PUT of {@link #UNIT} answers it. */
    public static final String UNIT_CREATED = """
            {
              "unitCode": "114303210062309155", "name": "湘潭县中路铺镇人民政府", "county": "湘潭县", "province": "湖南省",
              "kind": "行政", "rank": "正科级行政机关", "address": "湖南省湘潭县中路铺镇湘中路10号",
              "offices": ["党政办公室", "党建办公室", "财政办公室"], "years": [], "version": 1
            }""";

    public static final String UNIT_RESPONSE = """
            {
              "unitCode": "114303210062309155", "name": "湘潭县中路铺镇人民政府", "county": "湘潭县", "province": "湖南省",
              "kind": "行政", "rank": "正科级行政机关", "address": "湖南省湘潭县中路铺镇湘中路10号",
              "offices": ["党政办公室", "党建办公室", "财政办公室"], "years": [2024], "version": 2
            }""";

    public static final String UNIT_PAGE = """
            {
              "items": [{"unitCode": "114303210062309155", "name": "湘潭县中路铺镇人民政府", "county": "湘潭县",
                         "province": "湖南省", "kind": "行政", "rank": "正科级行政机关",
                         "address": "湖南省湘潭县中路铺镇湘中路10号", "offices": ["党政办公室"], "years": [2024], "version": 2}],
              "page": 0, "size": 50, "total": 1,
              "links": {"self": "/api/v1/units?county=%E6%B9%98%E6%BD%AD%E5%8E%BF&page=0&size=50",
                        "first": "/api/v1/units?county=%E6%B9%98%E6%BD%AD%E5%8E%BF&page=0&size=50",
                        "last": "/api/v1/units?county=%E6%B9%98%E6%BD%AD%E5%8E%BF&page=0&size=50"}
            }""";

    public static final String UNIT_YEAR = """
            {
              "unitCode": "114303210062309155", "year": 2024, "version": 5, "amountUnit": "万元",
              "measures": {"yearStartBudget": 4988.65, "basicBudget": 3274.34, "projectBudget": 1714.31,
                           "adjustmentNet": 307, "adjustedBudget": 5295.65, "totalActual": 4413, "staffAuthorized": 136},
              "staff": {"authorizedPosts": 136, "actual": 125, "inService": 125, "administrative": 44,
                        "publicInstitution": 81, "nonCivilServiceInstitution": 0, "retired": 94, "survivorSubsidy": 11},
              "budgetSummary": {"amountUnit": "万元", "revenue": [{"item": "上级补助收入", "amount": 2135.35}],
                                "revenueTotal": 4988.65, "expenditure": [{"code": "201", "item": "一般公共服务支出", "amount": 1827.5}],
                                "carryForwardToNextYear": 0, "expenditureTotal": 4988.65},
              "revenue": [{"code": "201", "name": "一般公共服务支出", "total": 1827.5, "generalBudget": 1027.53,
                           "generalBudgetFunding": 1027.53, "specialAccountNonTax": 5, "superiorSubsidy": 794.97}],
              "expenditure": [{"code": "201", "name": "一般公共服务支出", "total": 1827.5, "basic": 1570.5, "project": 257}],
              "execution": {"amountUnit": "万元", "adjustmentIncrease": 307, "adjustmentDecrease": 0, "basicActual": 3553,
                            "projectActual": 860, "yearEndBalance": 0, "threePublicBudget": 12, "threePublicActual": 0,
                            "byFunction": [], "threePublicItems": []},
              "adjustments": [],
              "findings": [{"ruleId": "BUD-EXE-002", "severity": "WARNING", "severityLabel": "警告",
                            "table": "execution", "tableLabel": "预算执行情况", "code": null,
                            "column": "yearEndBalance", "columnLabel": "年末结余", "expected": 882.65, "actual": 0,
                            "message": "单位申报年末无资金结余（年末结余 0 万元），但调整后预算 5295.65 万元（年初预算 4988.65 + 预算调整 307）减去实际支出 4413 万元（基本支出 3553 + 项目支出 860）后应余 882.65 万元（未记录结转下年资金），与申报相差 882.65 万元，未作说明。"}]
            }""";

    public static final String UNIT_MEASURES = """
            {
              "unitCode": "114303210062309155", "year": 2024, "version": 5, "amountUnit": "万元",
              "measures": {"yearStartBudget": 4988.65, "basicBudget": 3274.34, "projectBudget": 1714.31,
                           "adjustmentIncrease": 307, "adjustmentDecrease": 0, "adjustmentNet": 307,
                           "adjustedBudget": 5295.65, "basicActual": 3553, "projectActual": 860, "totalActual": 4413,
                           "yearEndBalance": 0, "threePublicBudget": 12, "threePublicActual": 0,
                           "staffAuthorized": 136, "staffInService": 125}
            }""";

    public static final String MEASURES = """
            {
              "items": [
                {"name": "yearStartBudget", "label": "年初预算数", "unit": "万元", "definition": "支出总表各类科目合计数之和"},
                {"name": "basicBudget", "label": "基本支出年初预算数", "unit": "万元", "definition": "支出总表各类科目基本支出之和"}
              ],
              "page": 0, "size": 2, "total": 30,
              "links": {"self": "/api/v1/measures?page=0&size=2", "first": "/api/v1/measures?page=0&size=2",
                        "next": "/api/v1/measures?page=1&size=2", "last": "/api/v1/measures?page=14&size=2"}
            }""";

    public static final String STAFF = """
            {
              "authorizedPosts": 136, "actual": 125, "inService": 125, "administrative": 44,
              "publicInstitution": 81, "nonCivilServiceInstitution": 0, "retired": 94, "survivorSubsidy": 11
            }""";

    public static final String BUDGET_SUMMARY = """
            {
              "amountUnit": "万元",
              "revenue": [
                {"item": "一般公共预算拨款", "amount": 2753.3, "children": [
                  {"item": "经费拨款", "amount": 2753.3},
                  {"item": "纳入一般公共预算管理的非税收入拨款", "amount": 0}]},
                {"item": "政府性基金收入", "amount": 0},
                {"item": "纳入专户管理的非税收入拨款", "amount": 100},
                {"item": "上级补助收入", "amount": 2135.35},
                {"item": "其他收入", "amount": 0}
              ],
              "revenueTotal": 4988.65,
              "expenditure": [
                {"code": "201", "item": "一般公共服务支出", "amount": 1827.5},
                {"code": "204", "item": "公共安全支出", "amount": 540.37},
                {"code": "208", "item": "社会保障和就业支出", "amount": 471.69},
                {"code": "210", "item": "卫生健康支出", "amount": 134.26},
                {"code": "212", "item": "城乡社区支出", "amount": 897.45},
                {"code": "213", "item": "农林水支出", "amount": 1117.38}
              ],
              "carryForwardToNextYear": 0,
              "expenditureTotal": 4988.65
            }""";

    public static final String REVENUE_TABLE = """
            {
              "amountUnit": "万元",
              "rows": [
                {"code": "201", "name": "一般公共服务支出", "total": 1827.5, "generalBudget": 1027.53,
                 "generalBudgetFunding": 1027.53, "specialAccountNonTax": 5, "superiorSubsidy": 794.97},
                {"code": "20103", "name": "政府办公厅（室）及相关机构事务", "total": 1827.5, "generalBudget": 1027.53,
                 "generalBudgetFunding": 1027.53, "specialAccountNonTax": 5, "superiorSubsidy": 794.97}
              ]
            }""";

    public static final String ADJUSTMENTS = """
            {
              "amountUnit": "万元",
              "items": [
                {"kind": "追加", "date": "2024-06-30", "reason": "防汛救灾资金", "code": "2130104", "amount": 300},
                {"kind": "调增", "date": "2024-09-15", "reason": "退役军人优待证工作经费", "code": "2082899", "amount": 7}
              ]
            }""";

    public static final String FINDINGS = """
            {
              "items": [{
                "ruleId": "BUD-HIER-001", "severity": "ERROR", "severityLabel": "错误",
                "table": "expenditure", "tableLabel": "支出总表", "code": "20104", "column": "total", "columnLabel": "合计",
                "expected": 274.96, "actual": 274.97,
                "message": "支出总表中款 20104（发展与改革事务）的合计为 274.97 万元，而其下级科目 2010499 之和为 274.96 万元，相差 0.01 万元；上级科目应等于下级科目之和。"
              }],
              "page": 0, "size": 1, "total": 4,
              "links": {"self": "/api/v1/units/114303210062309155/years/2024/findings?page=0&size=1",
                        "first": "/api/v1/units/114303210062309155/years/2024/findings?page=0&size=1",
                        "next": "/api/v1/units/114303210062309155/years/2024/findings?page=1&size=1",
                        "last": "/api/v1/units/114303210062309155/years/2024/findings?page=3&size=1"}
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

    public static final String EXECUTION_FULL = """
            {
              "amountUnit": "万元",
              "basicActual": 3553, "projectActual": 860, "yearEndBalance": 0, "carryOver": 0,
              "threePublicBudget": 12, "threePublicActual": 0,
              "threePublicBudgetLastYear": 12, "threePublicActualLastYear": 1.5,
              "carryOverBalance": 0, "carryOverBalanceLastYear": 0,
              "procurementBudget": 120, "procurementActual": 118.5,
              "publicRunningBudget": 260, "publicRunningActual": 251.3,
              "fixedAssetsInUse": 5120.4, "fixedAssetsTotal": 5300,
              "keyProjectSpending": 640, "paymentProgressActual": 95, "paymentProgressPlanned": 100,
              "keyTasksAssigned": 20, "keyTasksCompleted": 19,
              "byFunction": [
                {"code": "201", "name": "一般公共服务支出", "basicActual": 1700, "projectActual": 200},
                {"code": "20103", "name": "政府办公厅（室）及相关机构事务", "basicActual": 1700, "projectActual": 200}
              ],
              "threePublicItems": [
                {"item": "因公出国（境）", "budget": 0, "actual": 0},
                {"item": "公务用车购置及运行", "budget": 8, "actual": 0},
                {"item": "公务接待", "budget": 4, "actual": 0}
              ]
            }""";

    /** One table (支出总表) as CSV, for the import. */
    public static final String EXPENDITURE_CSV = """
            年初部门预算支出总表
            单位：万元
            科目编码,科目名称,合计,基本支出,项目支出
            201,一般公共服务支出,1827.5,1570.5,257
            20103,政府办公厅（室）及相关机构事务,1827.5,1570.5,257
            2010301,行政运行,1827.5,1570.5,257
            ,合计,1827.5,1570.5,257
            """;

    // ------------------------------------------------------------------ 绩效目标表 and 分月执行

    public static final String TARGETS = """
            {
              "overallGoal": "完成财政总收入4300万元以上，城乡居民医保、养老保险参保应保尽保，群众满意度达到90%以上。",
              "indicators": [
                {"code": "CC-01", "level1": "产出", "level2": "数量", "name": "城乡居民医疗保险参保人数", "unitOfMeasure": "人",
                 "targetValue": 42906, "direction": "越大越好", "weight": 7},
                {"code": "CC-09", "level1": "产出", "level2": "成本", "name": "“三公”经费支出", "unitOfMeasure": "万元",
                 "targetValue": 12, "direction": "越小越好", "weight": 5},
                {"code": "XY-04", "level1": "效益", "level2": "可持续影响", "name": "防返贫动态监测和帮扶机制长效运行",
                 "targetText": "防止返贫监测帮扶机制有效运行，不发生规模性返贫", "direction": "定性", "weight": 5}
              ]
            }""";

    public static final String TARGETS_VIEW = """
            {
              "unitCode": "114303210062309155", "year": 2024, "version": 9,
              "overallGoal": "完成财政总收入4300万元以上，城乡居民医保、养老保险参保应保尽保，群众满意度达到90%以上。",
              "indicators": [
                {"code": "CC-01", "level1": "产出", "level2": "数量", "name": "城乡居民医疗保险参保人数", "unitOfMeasure": "人",
                 "targetValue": 42906, "direction": "越大越好", "weight": 7,
                 "progress": [
                   {"month": 7, "actualValue": 40236, "by": "zhang.san", "at": "2024-08-05T09:30:00+08:00"},
                   {"month": 12, "actualValue": 41851, "deviationReason": "部分外出务工人员在务工地参保，本镇参保人数较目标少1055人",
                    "by": "zhang.san", "at": "2025-01-10T10:00:00+08:00"}]},
                {"code": "XY-04", "level1": "效益", "level2": "可持续影响", "name": "防返贫动态监测和帮扶机制长效运行",
                 "targetText": "防止返贫监测帮扶机制有效运行，不发生规模性返贫", "direction": "定性", "weight": 5,
                 "progress": [
                   {"month": 12, "achievement": "达成", "achievementPercent": 85,
                    "actualText": "核处风险预警90条，脱贫户及监测户动态调整11次，未发生规模性返贫",
                    "by": "zhang.san", "at": "2025-01-10T10:05:00+08:00"}]}
              ]
            }""";

    public static final String PROGRESS = """
            {"actualValue": 41851, "deviationReason": "部分外出务工人员在务工地参保，本镇参保人数较目标少1055人"}""";

    public static final String PROGRESS_QUALITATIVE = """
            {"achievement": "达成", "achievementPercent": 85,
             "actualText": "核处风险预警90条，脱贫户及监测户动态调整11次，未发生规模性返贫"}""";

    public static final String MONTHLY = """
            {
              "amountUnit": "万元",
              "months": [
                {"month": 6, "basicActual": 1687.68, "projectActual": 232.2},
                {"month": 7, "basicActual": 1971.92, "projectActual": 292.4,
                 "byFunction": [{"code": "201", "name": "一般公共服务支出", "basicActual": 1020.5, "projectActual": 80}]}
              ]
            }""";

    public static final String MONTH = """
            {"amountUnit": "万元", "basicActual": 1971.92, "projectActual": 292.4}""";

    public static final String MONTHLY_VIEW = """
            {
              "unitCode": "114303210062309155", "year": 2024, "version": 8, "amountUnit": "万元",
              "period": {"yearEnd": false, "asOfMonth": 7},
              "months": [
                {"month": 6, "basicActual": 1687.68, "projectActual": 232.2},
                {"month": 7, "basicActual": 1971.92, "projectActual": 292.4}
              ]
            }""";

    // ------------------------------------------------------------------ bulk import jobs (issue #18)

    /** Two unit-years as NDJSON, one per line. */
    public static final String BULK_NDJSON = """
            {"unitCode":"114303210062309155","year":2024,"unit":{"name":"湘潭县中路铺镇人民政府","county":"湘潭县","province":"湖南省","kind":"行政"},"expenditure":{"amountUnit":"万元","rows":[{"code":"201","name":"一般公共服务支出","total":1827.5,"basic":1570.5,"project":257}]},"execution":{"amountUnit":"万元","basicActual":1500,"projectActual":200}}
            {"unitCode":"114303210062309156","year":2024,"unit":{"name":"湘潭县易俗河镇人民政府","county":"湘潭县","province":"湖南省","kind":"行政"},"expenditure":{"amountUnit":"万元","rows":[{"code":"201","name":"一般公共服务支出","total":900,"basic":700,"project":200}]}}
            """;

    /** The same unit-years as CSV: one row per row of the 支出总表, the unit-year's columns repeated. */
    public static final String BULK_CSV = """
            unitCode,year,unitName,county,province,kind,amountUnit,code,name,total,basic,project,basicActual,projectActual
            114303210062309155,2024,湘潭县中路铺镇人民政府,湘潭县,湖南省,行政,万元,201,一般公共服务支出,1827.5,1570.5,257,1500,200
            114303210062309156,2024,湘潭县易俗河镇人民政府,湘潭县,湖南省,行政,万元,201,一般公共服务支出,900,700,200,,
            """;

    public static final String JOB_QUEUED = """
            {
              "id": "0b9f1c2e-7d3a-4a51-9c4e-2f1d6b8e5a70", "kind": "budget-import", "format": "ndjson",
              "state": "QUEUED", "stateLabel": "排队中", "total": 2, "done": 0, "succeeded": 0, "failed": 0,
              "createdBy": "admin", "createdAt": "2026-11-30T12:00:00Z", "errors": []
            }""";

    public static final String JOB_DONE = """
            {
              "id": "0b9f1c2e-7d3a-4a51-9c4e-2f1d6b8e5a70", "kind": "budget-import", "format": "ndjson",
              "state": "SUCCEEDED", "stateLabel": "已完成", "total": 3, "done": 3, "succeeded": 2, "failed": 1,
              "createdBy": "admin", "createdAt": "2026-11-30T12:00:00Z",
              "startedAt": "2026-11-30T12:00:01Z", "finishedAt": "2026-11-30T12:00:02Z",
              "errors": [
                {"line": 2, "unitCode": "114303210062309156", "year": 2024,
                 "errors": [{"field": "expenditure.rows[0].basic", "message": "不能为负数", "rejected": "-1"}]}
              ]
            }""";
}
