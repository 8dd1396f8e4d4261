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
import java.util.List;

/** One of the three public expenses (三公经费): budget and actual, this year and last (万元). */
@Entity
@Table(name = "three_public_item")
public class ThreePublicItem extends PanacheEntityBase {

    /** The three items, in the order reports print them. */
    public static final List<String> ITEMS = List.of("因公出国（境）", "公务用车购置及运行", "公务接待");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "three_public_item_id_seq")
    @SequenceGenerator(name = "three_public_item_id_seq", sequenceName = "three_public_item_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_year_id")
    public UnitYear unitYear;

    public int seq;
    public String item;
    public BigDecimal budget;
    public BigDecimal actual;
    @Column(name = "budget_last_year")
    public BigDecimal budgetLastYear;
    @Column(name = "actual_last_year")
    public BigDecimal actualLastYear;
}
