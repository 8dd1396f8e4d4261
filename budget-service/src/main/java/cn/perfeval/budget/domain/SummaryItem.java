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

/**
 * A line of the 收支总表: a revenue source (or a sub-item of one, {@link #parentSeq}) or an
 * expenditure 类 with its code. Amounts in 万元.
 */
@Entity
@Table(name = "summary_item")
public class SummaryItem extends PanacheEntityBase {

    public static final String REVENUE = "REVENUE";
    public static final String EXPENDITURE = "EXPENDITURE";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "summary_item_id_seq")
    @SequenceGenerator(name = "summary_item_id_seq", sequenceName = "summary_item_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_year_id")
    public UnitYear unitYear;

    public String section;
    /** Position within its section as given (children follow their parent), from 0. */
    public int seq;
    @Column(name = "parent_seq")
    public Integer parentSeq;
    public String code;
    public String item;
    public BigDecimal amount;
}
