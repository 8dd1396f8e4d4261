package cn.perfeval.platform.audit;

/** Example bodies of {@code GET /api/v1/audit} for the OpenAPI document. */
final class AuditExamples {

    private AuditExamples() {
    }

    static final String PAGE = """
            {"page": 0, "size": 50, "total": 2, "links": {"self": "/api/v1/audit?unitCode=114303210062309155&page=0&size=50",
              "first": "/api/v1/audit?unitCode=114303210062309155&page=0&size=50", "last": "/api/v1/audit?unitCode=114303210062309155&page=0&size=50"},
             "items": [
              {"id": 42, "at": "2026-11-26T20:12:00.120Z", "actor": "finance-114303210062309155", "roles": ["finance"],
               "action": "staff.replace", "unitCode": "114303210062309155", "year": 2024, "target": "staff",
               "before": {"version": 3, "staff": {"authorizedPosts": 130, "inService": 125}},
               "after": {"version": 4, "staff": {"authorizedPosts": 136, "inService": 125}}},
              {"id": 41, "at": "2026-11-26T20:10:00.456Z", "actor": "system:budget-events", "roles": ["system"],
               "action": "score.recomputed", "unitCode": "114303210062309155", "year": 2024, "target": "score:xiangtan-county",
               "before": null,
               "after": {"systemCode": "xiangtan-county", "systemVersion": 1, "version": 7, "budgetVersion": 3,
                         "total": 89, "maxTotal": 100, "grade": "良", "complete": false}}]}""";
}
