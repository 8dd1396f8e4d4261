package cn.perfeval.scoring.api;

/** The descriptions of this service's tags (names from docs/api.md's list), the same wherever a tag is used. */
final class Tags {

    private Tags() {
    }

    static final String SCORES = "单位年度的得分：当前结果、计分历史、单位公布的得分及其与计算结果的差异";
    static final String JUDGEMENTS = "评价人对评分类指标的评分，每条都保留";
    static final String REVIEWS = "县级复核：评价人对单位自评的指标重新评分（与单位自评的评分分开记录，每条都保留），"
            + "并在得分中给出复核得分、等次和与自评的偏差";
    static final String COUNTY = "县的某年度：分配的指标体系，以及各单位的排名和得分分布";
    static final String SYSTEMS = "指标体系：指标组、指标、公式、计分规则和等次标准，按版本保存";
    static final String MEASURES = "指标公式可用的度量（来自预算数据）";
}
