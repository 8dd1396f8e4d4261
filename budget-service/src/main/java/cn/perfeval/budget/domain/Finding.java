package cn.perfeval.budget.domain;

import java.math.BigDecimal;

/**
 * A validation finding: which rule, how serious, where (table, code, column), the value the
 * rule expects and the value found, and a sentence in Chinese for a finance officer.
 */
public record Finding(String ruleId, Severity severity, String table, String code, String column,
                      BigDecimal expected, BigDecimal actual, String message) {

    public enum Severity { ERROR, WARNING, INFO }
}
