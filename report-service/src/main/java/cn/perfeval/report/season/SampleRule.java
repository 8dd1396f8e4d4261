package cn.perfeval.report.season;

/**
 * The rules that put a unit into a sample for re-evaluation (抽查复核) besides the random draw, with the
 * label a person reads.
 */
public enum SampleRule {
    /** The unit's latest submission is graded 优 while the budget data it filed carry ERROR or WARNING findings. */
    EXCELLENT_WITH_FINDINGS("自评等级为优但预算数据有审核发现"),
    /** Last year's season of the county flagged the unit: |review deviation| above last year's threshold. */
    LARGE_DEVIATION_LAST_YEAR("上年度复核偏差超过阈值");

    private final String label;

    SampleRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
