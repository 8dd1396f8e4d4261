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

/** A stored validation {@link Finding} of a unit-year, replaced on every change. */
@Entity
@Table(name = "finding")
public class FindingEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_id_seq")
    @SequenceGenerator(name = "finding_id_seq", sequenceName = "finding_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_year_id")
    public UnitYear unitYear;

    public int seq;
    @Column(name = "rule_id")
    public String ruleId;
    public String severity;
    @Column(name = "table_name")
    public String table;
    public String code;
    @Column(name = "column_name")
    public String column;
    public BigDecimal expected;
    public BigDecimal actual;
    public String message;

    public Finding toFinding() {
        return new Finding(ruleId, Finding.Severity.valueOf(severity), table, code, column, expected, actual, message);
    }
}
