package cn.perfeval.scoring.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.Map;

/** The part of budget-service's {@code BudgetUnitYearChanged} event that scoring needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BudgetEventPayload(String type, String unitCode, Integer fiscalYear, Long version, Unit unit,
                                 Map<String, BigDecimal> measures) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String code, String name, String county) {
    }

    /** Why the event cannot be used, or null when it is complete. */
    public String invalidReason() {
        if (!"BudgetUnitYearChanged".equals(type)) {
            return "unknown event type " + type;
        }
        if (unitCode == null || fiscalYear == null || version == null || version < 1) {
            return "unitCode, fiscalYear and a positive version are required";
        }
        if (unit == null || unit.name() == null || unit.county() == null) {
            return "unit name and county are required";
        }
        if (measures == null || measures.values().stream().anyMatch(v -> v == null)) {
            return "measures must be an object of decimals";
        }
        return null;
    }
}
