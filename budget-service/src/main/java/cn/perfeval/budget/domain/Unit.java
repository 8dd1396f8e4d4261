package cn.perfeval.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A budget unit (部门 / 预算单位): a township government, a county bureau, … */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String county;
    public String province;
    /** 行政 or 事业. */
    public String kind;
    @Column(name = "rank")
    public String rank;
    public String address;
    /** Internal offices (内设机构), in the order given. */
    @ElementCollection
    @CollectionTable(name = "unit_office", joinColumns = @JoinColumn(name = "unit_code"))
    @OrderColumn(name = "seq")
    @Column(name = "name")
    public List<String> offices = new ArrayList<>();
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** Grows by one with each update of the master data; the ETag of the unit. */
    public long version = 1;

    public static Unit findByCode(String code) {
        return findById(code);
    }
}
