package cn.perfeval.budget.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** What happened during the year, in 万元; a null field is not recorded yet. */
@Embeddable
public class Execution {

    /** 预算调增. */
    @Column(name = "adjustment_increase")
    public BigDecimal adjustmentIncrease;
    /** 预算调减. */
    @Column(name = "adjustment_decrease")
    public BigDecimal adjustmentDecrease;
    /** 基本支出实际支出. */
    @Column(name = "basic_actual")
    public BigDecimal basicActual;
    /** 项目支出实际支出. */
    @Column(name = "project_actual")
    public BigDecimal projectActual;
    /** 年末结余 as the unit reports it. */
    @Column(name = "year_end_balance")
    public BigDecimal yearEndBalance;
    /** 三公经费预算. */
    @Column(name = "three_public_budget")
    public BigDecimal threePublicBudget;
    /** 三公经费实际支出. */
    @Column(name = "three_public_actual")
    public BigDecimal threePublicActual;
}
