package cn.perfeval.report.api;

/** Examples of the review and sampling part of the season API (samples, overview), for the OpenAPI document. */
final class SeasonReviewExamples {

    private SeasonReviewExamples() {
    }

    static final String SAMPLE_REQUEST = """
            {"share": 20, "seed": 20240501, "rules": ["EXCELLENT_WITH_FINDINGS", "LARGE_DEVIATION_LAST_YEAR"]}""";

    static final String SAMPLE = """
            {"number": 1, "county": "湘潭县", "year": 2024, "share": 20.00, "seed": 20240501,
             "rules": ["EXCELLENT_WITH_FINDINGS"],
             "population": ["114303210062309155", "114303210062309156", "114303210062309157"],
             "randomCount": 1,
             "method": "随机抽取的方法：对每个单位计算“种子:单位代码”（UTF-8 编码）的 SHA-256 摘要，按摘要的十六进制文字从小到大排序，取排在前面的单位，个数为比例×已提交单位数÷100（向上取整）；同一种子、同一组单位总是得到同样的结果。",
             "units": [{"unitCode": "114303210062309155", "unitName": "湘潭县中路铺镇人民政府",
                        "reasons": [{"code": "RANDOM", "text": "随机抽取（种子20240501，按比例20%从3个已提交单位中抽取1个，排第1位）"},
                                    {"code": "EXCELLENT_WITH_FINDINGS", "text": "最近一次提交（第1次）自评等级为优，而所提交的预算数据有2条警告的审核发现"}]}],
             "drawnBy": "county-evaluator", "drawnAt": "2025-05-20T02:00:00Z"}""";

    static final String SAMPLE_PAGE = """
            {"items": [""" + SAMPLE + """
            ], "page": 0, "size": 50, "total": 1,
             "links": {"self": "/api/v1/counties/湘潭县/years/2024/season/samples?page=0&size=50",
                       "first": "/api/v1/counties/湘潭县/years/2024/season/samples?page=0&size=50",
                       "last": "/api/v1/counties/湘潭县/years/2024/season/samples?page=0&size=50"}}""";

    static final String OVERVIEW = """
            {"county": "湘潭县", "year": 2024, "systemCode": "xiangtan-county", "systemName": "湘潭县部门整体支出绩效评价指标体系（县级模板）", "deadline": "2025-04-30", "deviationThreshold": 5.00,
             "asOf": "2025-05-20", "unitsTotal": 2,
             "states": [{"state": "NOT_STARTED", "label": "未开始", "count": 1}, {"state": "FILLING", "label": "填报中", "count": 0},
                        {"state": "SUBMITTED", "label": "已提交", "count": 0}, {"state": "IN_REVIEW", "label": "审核中", "count": 0},
                        {"state": "RETURNED", "label": "已退回", "count": 0}, {"state": "APPROVED", "label": "已通过", "count": 1},
                        {"state": "PUBLISHED", "label": "已公开", "count": 0}],
             "overdue": [{"unitCode": "114303210062309156", "unitName": "湘潭县花石镇人民政府", "state": "NOT_STARTED", "stateLabel": "未开始", "overdueDays": 20}],
             "units": [{"unitCode": "114303210062309155", "unitName": "湘潭县中路铺镇人民政府", "state": "APPROVED", "stateLabel": "已通过",
                        "submissions": 1, "overdue": false, "selfTotal": 93, "selfGrade": "优", "reviewTotal": 87, "reviewGrade": "良",
                        "deviation": 6, "flagged": true, "flag": "自评质量：自评得分高于复核得分6分，超过5分的阈值", "sampled": true,
                        "reviewedIndicators": [{"code": "D3", "name": "社会效益", "maxPoints": 10, "selfPoints": 10, "reviewPoints": 4,
                                                "deviation": 6, "reason": "佐证材料不足以支撑满分"}]},
                       {"unitCode": "114303210062309156", "unitName": "湘潭县花石镇人民政府", "state": "NOT_STARTED", "stateLabel": "未开始",
                        "submissions": 0, "overdue": true, "overdueDays": 20, "flagged": false, "sampled": false}],
             "grades": [{"grade": "优", "self": 1, "review": 0}, {"grade": "良", "self": 0, "review": 1},
                        {"grade": "中", "self": 0, "review": 0}, {"grade": "差", "self": 0, "review": 0}],
             "reviewed": 1, "flagged": 1}""";
}
