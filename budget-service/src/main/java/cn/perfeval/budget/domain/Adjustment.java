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
import java.time.LocalDate;

/** A budget adjustment during the year: 调增, 调减 or 追加 of one function code (万元). */
@Entity
@Table(name = "adjustment")
public class Adjustment extends PanacheEntityBase {

    public static final String INCREASE = "调增";
    public static final String DECREASE = "调减";
    public static final String SUPPLEMENT = "追加";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "adjustment_id_seq")
    @SequenceGenerator(name = "adjustment_id_seq", sequenceName = "adjustment_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_year_id")
    public UnitYear unitYear;

    public int seq;
    public String kind;
    @Column(name = "adjusted_on")
    public LocalDate date;
    public String reason;
    public String code;
    public BigDecimal amount;

    /** 调减 lowers the budget; 调增 and 追加 raise it. */
    public boolean isDecrease() {
        return DECREASE.equals(kind);
    }
}
