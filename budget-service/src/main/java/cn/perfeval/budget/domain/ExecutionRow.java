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

/** Actual spending of one function code, basic and project (万元). */
@Entity
@Table(name = "execution_row")
public class ExecutionRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "execution_row_id_seq")
    @SequenceGenerator(name = "execution_row_id_seq", sequenceName = "execution_row_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_year_id")
    public UnitYear unitYear;

    public int seq;
    public String code;
    public String name;
    @Column(name = "basic_actual")
    public BigDecimal basicActual;
    @Column(name = "project_actual")
    public BigDecimal projectActual;
}
