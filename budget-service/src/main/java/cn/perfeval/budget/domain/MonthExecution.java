package cn.perfeval.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Cumulative actual spending from January to the end of {@link #month} (万元), optionally by function code. */
@Entity
@Table(name = "month_execution")
public class MonthExecution extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "month_execution_id_seq")
    @SequenceGenerator(name = "month_execution_id_seq", sequenceName = "month_execution_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_year_id")
    public UnitYear unitYear;

    public int month;
    @Column(name = "basic_actual")
    public BigDecimal basicActual;
    @Column(name = "project_actual")
    public BigDecimal projectActual;

    @OneToMany(mappedBy = "month", cascade = {CascadeType.PERSIST, CascadeType.REMOVE}, orphanRemoval = true)
    @OrderBy("seq")
    public List<MonthExecutionRow> byFunction = new ArrayList<>();

    public BigDecimal total() {
        return basicActual.add(projectActual);
    }
}
