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

/**
 * One indicator target of a unit-year's target table (绩效目标表): its categories, name, unit of
 * measure, target value (or text, for a qualitative target), direction and weight.
 */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    public static final String QUALITATIVE = "定性";
    public static final String LARGER_BETTER = "越大越好";
    public static final String SMALLER_BETTER = "越小越好";
    public static final String EQUAL = "等于";

    /** The level-2 categories of each level-1 category, as the national target table lists them. */
    public static final List<String> LEVEL2_OUTPUT = List.of("数量", "质量", "时效", "成本");
    public static final List<String> LEVEL2_EFFECT = List.of("经济效益", "社会效益", "生态效益", "可持续影响");
    public static final List<String> LEVEL2_SATISFACTION = List.of("服务对象满意度");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "target_id_seq")
    @SequenceGenerator(name = "target_id_seq", sequenceName = "target_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_year_id")
    public UnitYear unitYear;

    public int seq;
    public String code;
    public String level1;
    public String level2;
    public String name;
    @Column(name = "unit_of_measure")
    public String unitOfMeasure;
    @Column(name = "target_value")
    public BigDecimal targetValue;
    @Column(name = "target_text")
    public String targetText;
    public String direction;
    public BigDecimal weight;

    public boolean isQualitative() {
        return QUALITATIVE.equals(direction);
    }

    /** The level-2 categories allowed under a level-1 category (empty for an unknown one). */
    public static List<String> level2Of(String level1) {
        return switch (level1 == null ? "" : level1) {
            case "产出" -> LEVEL2_OUTPUT;
            case "效益" -> LEVEL2_EFFECT;
            case "满意度" -> LEVEL2_SATISFACTION;
            default -> List.of();
        };
    }
}
