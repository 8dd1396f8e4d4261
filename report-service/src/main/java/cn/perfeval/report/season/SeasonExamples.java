package cn.perfeval.report.season;

/** Example bodies of the season's operations in the OpenAPI document (the golden unit of 湘潭县 2024). */
public final class SeasonExamples {

    private SeasonExamples() {
    }

    public static final String SEASON_REQUEST = """
            {"systemCode": "xiangtan-county", "deadline": "2025-03-31", "deviationThreshold": 5,
             "unitCodes": ["114303210062309155"]}""";

    public static final String SEASON_SETTINGS = """
            {"deadline": "2025-04-30", "deviationThreshold": 5}""";

    public static final String SEASON_CHANGED = """
            {"id": 1, "county": "湘潭县", "year": 2024, "systemCode": "xiangtan-county", "deadline": "2025-04-30",
             "deviationThreshold": 5, "version": 2, "createdBy": "admin", "createdAt": "2025-03-01T01:00:00.123456Z",
             "units": 1, "overdue": 0,
             "states": [{"state": "NOT_STARTED", "label": "未开始", "count": 0},
                        {"state": "FILLING", "label": "填报中", "count": 1},
                        {"state": "SUBMITTED", "label": "已提交", "count": 0},
                        {"state": "IN_REVIEW", "label": "审核中", "count": 0},
                        {"state": "RETURNED", "label": "已退回", "count": 0},
                        {"state": "APPROVED", "label": "已通过", "count": 0},
                        {"state": "PUBLISHED", "label": "已公开", "count": 0}]}""";

    public static final String SEASON = """
            {"id": 1, "county": "湘潭县", "year": 2024, "systemCode": "xiangtan-county", "deadline": "2025-03-31",
             "deviationThreshold": 5, "version": 1, "createdBy": "admin", "createdAt": "2025-03-01T01:00:00.123456Z",
             "units": 1, "overdue": 0,
             "states": [{"state": "NOT_STARTED", "label": "未开始", "count": 0},
                        {"state": "FILLING", "label": "填报中", "count": 0},
                        {"state": "SUBMITTED", "label": "已提交", "count": 1},
                        {"state": "IN_REVIEW", "label": "审核中", "count": 0},
                        {"state": "RETURNED", "label": "已退回", "count": 0},
                        {"state": "APPROVED", "label": "已通过", "count": 0},
                        {"state": "PUBLISHED", "label": "已公开", "count": 0}]}""";

    public static final String TASK = """
            {"unitCode": "114303210062309155", "year": 2024, "unitName": "湘潭县中路铺镇人民政府", "county": "湘潭县",
             "systemCode": "xiangtan-county", "state": "RETURNED", "stateLabel": "已退回", "deadline": "2025-03-31",
             "overdue": false, "overdueDays": 0, "submissions": 1, "version": 5,
             "allowedActions": [{"action": "SUBMIT", "label": "提交"}],
             "comments": [{"by": "evaluator", "at": "2025-03-22T02:00:00.5Z", "comment": "指标B2的佐证材料不足，请补充后重新提交"}],
             "transitions": [
               {"action": "START", "actionLabel": "开始填报", "fromState": "NOT_STARTED", "fromStateLabel": "未开始",
                "toState": "FILLING", "toStateLabel": "填报中", "by": "finance-114303210062309155", "role": "finance",
                "at": "2025-03-02T01:00:00.1Z"},
               {"action": "SUBMIT", "actionLabel": "提交", "fromState": "FILLING", "fromStateLabel": "填报中",
                "toState": "SUBMITTED", "toStateLabel": "已提交", "by": "finance-114303210062309155", "role": "finance",
                "at": "2025-03-20T01:00:00.1Z", "submissionNumber": 1},
               {"action": "REVIEW", "actionLabel": "开始审核", "fromState": "SUBMITTED", "fromStateLabel": "已提交",
                "toState": "IN_REVIEW", "toStateLabel": "审核中", "by": "evaluator", "role": "evaluator",
                "at": "2025-03-21T01:00:00.1Z"},
               {"action": "RETURN", "actionLabel": "退回", "fromState": "IN_REVIEW", "fromStateLabel": "审核中",
                "toState": "RETURNED", "toStateLabel": "已退回", "by": "evaluator", "role": "evaluator",
                "at": "2025-03-22T02:00:00.5Z", "comment": "指标B2的佐证材料不足，请补充后重新提交"}]}""";

    public static final String TASK_PAGE = """
            {"items": [{"unitCode": "114303210062309155", "year": 2024, "unitName": "湘潭县中路铺镇人民政府", "county": "湘潭县",
                        "systemCode": "xiangtan-county", "state": "NOT_STARTED", "stateLabel": "未开始", "deadline": "2025-03-31",
                        "overdue": true, "overdueDays": 3, "submissions": 0, "version": 1,
                        "allowedActions": [], "comments": [], "transitions": []}],
             "page": 0, "size": 50, "total": 1,
             "links": {"self": "/api/v1/counties/湘潭县/years/2024/season/tasks?overdue=true&page=0&size=50",
                       "first": "/api/v1/counties/湘潭县/years/2024/season/tasks?overdue=true&page=0&size=50",
                       "last": "/api/v1/counties/湘潭县/years/2024/season/tasks?overdue=true&page=0&size=50"}}""";

    public static final String TRANSITION = """
            {"action": "RETURN", "comment": "指标B2的佐证材料不足，请补充后重新提交"}""";

    public static final String SUBMISSION = """
            {"unitCode": "114303210062309155", "year": 2024, "number": 1, "systemCode": "xiangtan-county", "systemVersion": 1,
             "budgetVersion": 5, "scoreVersion": 7, "narrativeVersion": 3, "total": 93, "grade": "优",
             "submittedBy": "finance-114303210062309155", "submittedAt": "2025-03-20T01:00:00.1Z",
             "documents": [{"format": "docx", "mediaType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            "size": 48211, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
                           {"format": "html", "mediaType": "text/html", "size": 60112,
                            "sha256": "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"}]}""";

    public static final String SUBMISSION_PAGE = """
            {"items": [""" + SUBMISSION + """
            ], "page": 0, "size": 50, "total": 1,
             "links": {"self": "/api/v1/units/114303210062309155/years/2024/submissions?page=0&size=50",
                       "first": "/api/v1/units/114303210062309155/years/2024/submissions?page=0&size=50",
                       "last": "/api/v1/units/114303210062309155/years/2024/submissions?page=0&size=50"}}""";

    public static final String DIFF = """
            {"unitCode": "114303210062309155", "year": 2024, "number": 1,
             "summary": "自提交以来预算数据已更新（第5版→第6版），总分未变", "changed": true,
             "versions": [{"what": "budget", "label": "预算数据", "submitted": 5, "now": 6, "changed": true},
                          {"what": "score", "label": "评分", "submitted": 7, "now": 7, "changed": false},
                          {"what": "narrative", "label": "文字材料", "submitted": 3, "now": 3, "changed": false},
                          {"what": "system", "label": "指标体系", "submitted": 1, "now": 1, "changed": false}],
             "submittedTotal": 93, "nowTotal": 93, "submittedGrade": "优", "nowGrade": "优",
             "indicators": [], "narrativeSections": [],
             "findings": [{"change": "GONE", "severity": "ERROR", "ruleId": "BUD-XTAB-001",
                           "message": "科目 2010499（其他发展与改革事务支出）在收入总表中合计为 274.97 万元，在支出总表中合计为 274.96 万元……"}]}""";
}
