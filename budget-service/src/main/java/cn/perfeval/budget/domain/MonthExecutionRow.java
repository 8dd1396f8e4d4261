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

/** A month's cumulative actual spending of one function code, basic and project (万元). */
@Entity
@Table(name = "month_execution_row")
public class MonthExecutionRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "month_execution_row_id_seq")
    @SequenceGenerator(name = "month_execution_row_id_seq", sequenceName = "month_execution_row_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "month_execution_id")
    public MonthExecution month;

    public int seq;
    public String code;
    public String name;
    @Column(name = "basic_actual")
    public BigDecimal basicActual;
    @Column(name = "project_actual")
    public BigDecimal projectActual;
}
