package cn.perfeval.report.api;

/** Example bodies of the OpenAPI document; the tests use the same JSON. */
public final class Examples {

    private Examples() {
    }

    public static final String NARRATIVE = """
            {"opening": "2024年，在县委、县政府的坚强领导下，……现将情况报告如下：",
             "overview": "2024年，中路铺镇政府坚持以习近平新时代中国特色社会主义思想为指导，……",
             "basicInfo": "中路铺镇位于湘潭县境东南部，辖区总面积为183.6平方公里，……",
             "organisation": "本单位系正科级行政机关，……共有干部职工编制数136人，实有人数125人，……",
             "duties": "1.制定和组织实施经济、科技和社会发展计划，……\\n2.制定并组织实施村镇建设规划，……",
             "evaluationWork": "1.前期准备（2024年4月25日-4月30日）。……\\n2.组织实施（2024年5月7日-5月24日）。……",
             "analysisIntro": "根据收集的绩效资料，结合本单位年度工作情况汇报材料及自评报告内容，本单位2024年部门整体支出主要绩效情况如下：",
             "targetSetting": "1.目标设定：单位设立的目标依据充分，符合实际情况；设定的绩效指标清晰，做到了细化和量化。",
             "outputs": "经济发展稳步推进。……\\n民生保障持续改善。……",
             "experience": "1.加强政府自身建设。……",
             "problems": "1.产业结构单一，内生动力不足。……",
             "suggestions": "1.坚持产业强镇。……",
             "issuer": "湘潭县中路铺镇人民政府",
             "issuedOn": "2025-05-26"}""";

    /** The answer to a PUT of {@link #NARRATIVE} as the third version (abridged). */
    public static final String NARRATIVE_VERSION = """
            {"unitCode": "114303210062309155", "year": 2024, "version": 3,
             "savedAt": "2026-11-26T20:30:00.123456Z",
             "narrative": {"overview": "2024年，中路铺镇政府坚持以习近平新时代中国特色社会主义思想为指导，……",
                           "issuer": "湘潭县中路铺镇人民政府", "issuedOn": "2025-05-26"}}""";

    public static final String NARRATIVE_HISTORY = """
            {"items": [{"unitCode": "114303210062309155", "year": 2024, "version": 1, "savedAt": "2026-11-26T20:30:00.123456Z",
                        "narrative": {"overview": "初稿"}},
                       {"unitCode": "114303210062309155", "year": 2024, "version": 2, "savedAt": "2026-11-26T20:35:10.5Z",
                        "narrative": {"overview": "2024年，中路铺镇政府……"}}],
             "page": 0, "size": 50, "total": 2,
             "links": {"self": "/api/v1/units/114303210062309155/years/2024/narrative/versions?page=0&size=50",
                       "first": "/api/v1/units/114303210062309155/years/2024/narrative/versions?page=0&size=50",
                       "last": "/api/v1/units/114303210062309155/years/2024/narrative/versions?page=0&size=50"}}""";

    public static final String REPORT_JSON = """
            {"title": "湘潭县中路铺镇人民政府2024年度部门整体支出绩效评价自评报告", "unitCode": "114303210062309155",
             "unitName": "湘潭县中路铺镇人民政府", "year": 2024,
             "provenance": {"budgetVersion": 3, "scoreVersion": 4, "scoredBudgetVersion": 3, "systemCode": "xiangtan-county",
                            "systemVersion": 1, "systemName": "湘潭县部门整体支出绩效评价指标体系（县级模板）", "narrativeVersion": 2,
                            "text": "本报告依据：预算数据第3版；评分第4版（依据预算数据第3版，指标体系湘潭县部门整体支出绩效评价指标体系（县级模板）第1版）；文字材料第2版。"},
             "opening": ["2024年，在县委、县政府的坚强领导下，……"],
             "sections": [{"level": 1, "heading": "一、工作概述", "blocks": [{"kind": "paragraph", "text": "2024年，……"}]}],
             "conclusion": {"total": 93, "maxTotal": 100, "grade": "优", "complete": true,
                            "text": "根据以上预算绩效完成情况，我单位2024年预算绩效自评得分93分，评定等次：优。"},
             "issuer": "湘潭县中路铺镇人民政府", "issuedOn": "2025年5月26日", "appendix": [],
             "attachmentNote": "附件：数据核对情况",
             "textFindings": [{"place": "指标“管理制度健全”的评分说明", "sentence": "综上所述，预算执行考核指标总计5分，扣 1分，得4分。",
                               "message": "小计所称的“预算执行”满分30分，文中为5分；此句写在“管理制度健全”（属“预算管理”）之下，该指标满分5分，所指应为“管理制度健全”"}],
             "indicators": [{"code": "A1", "name": "预算调整率", "groupCode": "A", "group": "预算执行", "maxPoints": 5, "points": 4,
                             "value": 6.15, "unit": "%", "status": "SCORED", "statusLabel": "已评分",
                             "text": "预算调整率 = 预算调整数 / 年初预算数 × 100 = 307 / 4988.65 × 100 = 6.15 %，在区间 (0, 10] 内，得 4 分（满分5分，扣1分）。"}]}""";

    public static final String SUMMARY_JSON = """
            {"county": "湘潭县", "year": 2024, "groups": ["预算执行", "预算管理", "资产管理", "产出效果"],
             "rows": [{"rank": 1, "unitCode": "114303210062309155", "unitName": "湘潭县中路铺镇人民政府", "total": 93,
                       "maxTotal": 100, "grade": "优", "complete": true, "groupPoints": [28, 19, 4, 42],
                       "budgetVersion": 3, "scoreVersion": 4}]}""";

    /** A PDF asked for where no CJK font is installed (PdfWithoutFontTest). */
    public static final String NO_FONT = """
            {"type": "/problems/pdf-font-missing", "title": "PDF 暂不可用", "status": 503,
             "detail": "服务器上没有可用于 PDF 的中文字体（已查找：/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc、/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc）：请安装 Debian 软件包 fonts-wqy-zenhei（或 fonts-noto-cjk），或将 report.pdf.font-path 设为一个中文字体文件（TTF、OTF 或 TTC）；其他格式（docx、html、md、json）不受影响",
             "instance": "/api/v1/units/114303210062309155/years/2024/report"}""";

    public static final String DATABASE_UNAVAILABLE = """
            {"type": "/problems/database-unavailable", "title": "服务暂不可用", "status": 503,
             "detail": "暂时连不上数据库；请求未改变任何数据，请稍后重试",
             "instance": "/api/v1/units/114303210062309155/years/2024/report"}""";

    public static final String MONITORING_SETTINGS = """
            {"executionGapThreshold": 10, "targetGapThreshold": 20}""";

    public static final String MONITORING_SETTINGS_VIEW = """
            {"county": "湘潭县", "year": 2024, "executionGapThreshold": 10, "targetGapThreshold": 20,
             "version": 1, "defaulted": false, "updatedAt": "2026-11-30T08:00:00.123456Z", "updatedBy": "admin"}""";
}
