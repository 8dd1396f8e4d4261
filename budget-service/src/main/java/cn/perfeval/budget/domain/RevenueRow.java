package cn.perfeval.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A row of the 年初部门预算收入总表: one function code by revenue source (万元); null = empty cell. */
@Entity
@Table(name = "revenue_row")
public class RevenueRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revenue_row_id_seq")
    @SequenceGenerator(name = "revenue_row_id_seq", sequenceName = "revenue_row_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_year_id")
    public UnitYear unitYear;

    public int seq;
    public String code;
    public String name;
    public BigDecimal total;
    /** 一般公共预算拨款. */
    @Column(name = "general_budget")
    public BigDecimal generalBudget;
    /** 其中：经费拨款. */
    @Column(name = "general_budget_funding")
    public BigDecimal generalBudgetFunding;
    /** 其中：纳入一般公共预算管理的非税收入拨款. */
    @Column(name = "general_budget_non_tax")
    public BigDecimal generalBudgetNonTax;
    /** 政府性基金收入. */
    @Column(name = "government_fund")
    public BigDecimal governmentFund;
    /** 纳入专户管理的非税收入拨款. */
    @Column(name = "special_account_non_tax")
    public BigDecimal specialAccountNonTax;
    /** 上级补助收入. */
    @Column(name = "superior_subsidy")
    public BigDecimal superiorSubsidy;
    /** 其他收入. */
    public BigDecimal other;
}
