package cn.perfeval.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;

/** One row of the audit trail: when, who (actor and roles), what (action, unit-year, target), before and after. */
public record AuditEntry(long id, OffsetDateTime at, String actor, List<String> roles, String action,
                         String unitCode, Integer year, String target, JsonNode before, JsonNode after) {

    /** One page of the trail, newest first. */
    public record Page(int page, int size, long total, List<AuditEntry> entries) {
    }
}
