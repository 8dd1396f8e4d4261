package cn.perfeval.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** A row of the 年初部门预算支出总表: one function code, its total, basic and project amounts (万元). */
@Entity
@Table(name = "expenditure_row")
public class ExpenditureRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "expenditure_row_id_seq")
    @SequenceGenerator(name = "expenditure_row_id_seq", sequenceName = "expenditure_row_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_year_id")
    public UnitYear unitYear;

    /** Position in the table as given, from 0. */
    public int seq;
    public String code;
    public String name;
    public BigDecimal total;
    public BigDecimal basic;
    public BigDecimal project;
}
