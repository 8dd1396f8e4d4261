package cn.perfeval.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A unit-year whose latest budget event was set aside: its score, if any, is of older budget data.
 * Kept until a valid event of that version or a newer one is scored.
 */
@Entity
@Table(name = "unit_year_not_scored")
public class NotScored extends PanacheEntityBase {

    @EmbeddedId
    public BudgetSnapshot.Key key;
    /** The budget version set aside, null when it could not be read. */
    @Column(name = "budget_version")
    public Long budgetVersion;
    @Enumerated(EnumType.STRING)
    public Cause cause;
    /** In Chinese, as the API shows it. */
    public String reason;
    public int attempts;
    /** topic-partition@offset of the record set aside. */
    public String source;
    public OffsetDateTime since;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Why the event was set aside. */
    public enum Cause {
        /** Not UTF-8, not JSON, empty. */
        UNREADABLE,
        /** A schemaVersion this service does not read. */
        UNSUPPORTED_VERSION,
        /** Readable, but not a budget event or without what scoring needs. */
        INVALID,
        /** Processing failed every attempt. */
        PROCESSING_FAILED;

        /** The Chinese name a person reads. */
        public String label() {
            return switch (this) {
                case UNREADABLE -> "数据无法读取";
                case UNSUPPORTED_VERSION -> "数据格式版本不支持";
                case INVALID -> "数据不完整或不合规";
                case PROCESSING_FAILED -> "计分失败";
            };
        }
    }
}
