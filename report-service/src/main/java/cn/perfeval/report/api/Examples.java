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

    public static final String UNIT_MONITORING = """
            {"unitCode": "114303210062309155", "unitName": "湘潭县中路铺镇人民政府", "county": "湘潭县", "year": 2024, "month": 7,
             "settings": {"executionGapThreshold": 10, "targetGapThreshold": 20, "scheduled": false, "version": 1},
             "execution": {"adjustedBudget": 5295.65, "basicActual": 1971.92, "projectActual": 292.4, "totalActual": 2264.32,
                           "executionRate": 42.76, "timeProgress": 58.33, "gap": 15.57, "reported": true, "behind": true,
                           "source": "7月分月执行数据"},
             "overallGoal": "锚定“文明村镇提质、乡村振兴示范”两大目标，……",
             "targets": [{"code": "CC-03", "level1": "产出", "level2": "数量", "name": "城镇新增就业人数", "unitOfMeasure": "人",
                          "direction": "越大越好", "targetValue": 315, "targetLabel": "≥315人", "proRata": true, "expectedValue": 183.75,
                          "actualMonth": 7, "actualValue": 142, "actualLabel": "142人", "completion": 77.28, "status": "LAGGING",
                          "statusLabel": "滞后", "deviationReason": "上半年企业用工需求集中在三季度，新增就业进度偏慢"},
                         {"code": "CC-08", "level1": "产出", "level2": "时效", "name": "危房改造按期完工率", "unitOfMeasure": "%",
                          "direction": "越大越好", "targetValue": 100, "targetLabel": "≥100%", "proRata": false, "expectedValue": 100,
                          "status": "NO_ACTUAL", "statusLabel": "尚无完成值"}],
             "laggingTargets": ["城镇新增就业人数"],
             "findings": [{"code": "MON-EXEC-001", "message": "截至7月累计支出2264.32万元（基本支出1971.92万元，项目支出292.4万元），预算执行率42.76%，低于序时进度58.33%共15.57个百分点，超过县设定的预警阈值10个百分点。"},
                          {"code": "MON-TGT-001", "targetCode": "CC-03", "message": "“城镇新增就业人数”截至7月完成142人，按序时应完成183.75人（全年目标315人的7/12），完成进度77.28%，低于应完成进度22.72个百分点，超过县设定的预警阈值20个百分点。偏差原因：上半年企业用工需求集中在三季度，新增就业进度偏慢。"},
                          {"code": "MON-TGT-002", "targetCode": "CC-08", "message": "“危房改造按期完工率”截至7月尚未录入完成值。"}],
             "projection": {"projected": true, "asOfMonth": 7, "label": "预计得分（截至7月）", "total": 86.5, "maxTotal": 100, "grade": "良",
                            "complete": false, "systemCode": "xiangtan-county", "systemName": "湘潭县部门整体支出绩效评价指标体系（县级模板）",
                            "scoreVersion": 5, "missing": [{"indicator": "D3", "item": "群众满意度", "message": "“群众满意度”尚无完成值"}]},
             "budgetVersion": 9}""";

    public static final String COUNTY_MONITORING = """
            {"county": "湘潭县", "year": 2024, "month": 7,
             "settings": {"executionGapThreshold": 10, "targetGapThreshold": 20, "scheduled": false, "version": 1},
             "timeProgress": 58.33,
             "rows": [{"unitCode": "114303210062309155", "unitName": "湘潭县中路铺镇人民政府", "executionRate": 42.76, "timeProgress": 58.33,
                       "gap": 15.57, "reported": true, "behind": true, "laggingTargets": 3,
                       "laggingTargetNames": ["城镇新增就业人数", "农村新建卫生厕所", "退役军人优待证办理完成率"], "targetsWithoutActual": 4,
                       "findings": 8, "total": 86.5, "grade": "良", "scoreLabel": "预计得分（截至7月）", "projected": true, "budgetVersion": 9}],
             "gapBands": [{"label": "不落后于序时进度", "count": 0, "units": []}, {"label": "落后0至5个百分点", "count": 0, "units": []},
                          {"label": "落后5至10个百分点", "count": 0, "units": []},
                          {"label": "落后10至20个百分点", "count": 1, "units": ["114303210062309155"]},
                          {"label": "落后20个百分点以上", "count": 0, "units": []},
                          {"label": "无法计算（执行数据未报送或预算未录入）", "count": 0, "units": []}],
             "gradeDistribution": [{"grade": "良", "count": 1}],
             "mostBehind": [{"unitCode": "114303210062309155", "unitName": "湘潭县中路铺镇人民政府", "executionRate": 42.76, "timeProgress": 58.33,
                             "gap": 15.57, "reported": true, "behind": true, "laggingTargets": 3,
                             "laggingTargetNames": ["城镇新增就业人数", "农村新建卫生厕所", "退役军人优待证办理完成率"], "targetsWithoutActual": 4,
                             "findings": 8, "total": 86.5, "grade": "良", "scoreLabel": "预计得分（截至7月）", "projected": true, "budgetVersion": 9}],
             "provenance": "共1个单位，7月执行数据已报送1个；执行率落后序时进度超过10个百分点的1个；有绩效目标完成滞后的1个。序时进度按月均计，监控设置第1版。"}""";

    public static final String NO_FONT_MONITORING = """
            {"type": "/problems/pdf-font-missing", "title": "PDF 暂不可用", "status": 503,
             "detail": "服务器上没有可用于 PDF 的中文字体（已查找：/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc、/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc）：请安装 Debian 软件包 fonts-wqy-zenhei（或 fonts-noto-cjk），或将 report.pdf.font-path 设为一个中文字体文件（TTF、OTF 或 TTC）；其他格式（docx、html、md、json）不受影响",
             "instance": "/api/v1/units/114303210062309155/years/2024/monitoring-report"}""";

    public static final String NO_FONT_COUNTY_MONITORING = """
            {"type": "/problems/pdf-font-missing", "title": "PDF 暂不可用", "status": 503,
             "detail": "服务器上没有可用于 PDF 的中文字体（已查找：/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc、/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc）：请安装 Debian 软件包 fonts-wqy-zenhei（或 fonts-noto-cjk），或将 report.pdf.font-path 设为一个中文字体文件（TTF、OTF 或 TTC）；其他格式（docx、html、md、json）不受影响",
             "instance": "/api/v1/counties/湘潭县/years/2024/monitoring-report"}""";

    public static final String DATABASE_UNAVAILABLE_MONITORING = """
            {"type": "/problems/database-unavailable", "title": "服务暂不可用", "status": 503,
             "detail": "暂时连不上数据库；请求未改变任何数据，请稍后重试",
             "instance": "/api/v1/units/114303210062309155/years/2024/monitoring-report"}""";

    public static final String DATABASE_UNAVAILABLE_COUNTY_MONITORING = """
            {"type": "/problems/database-unavailable", "title": "服务暂不可用", "status": 503,
             "detail": "暂时连不上数据库；请求未改变任何数据，请稍后重试",
             "instance": "/api/v1/counties/湘潭县/years/2024/monitoring-report"}""";
}
