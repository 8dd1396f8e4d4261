package cn.perfeval.budget.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** The unit an amount is given in. Amounts are stored and returned in 万元. */
public enum AmountUnit {
    @JsonProperty("万元") WAN_YUAN,
    @JsonProperty("元") YUAN;

    public static final String STORED = "万元";

    /** Converts exactly to 万元 (1 万元 = 10,000 元); null stays null. */
    public BigDecimal toWanYuan(BigDecimal amount) {
        if (amount == null || this == WAN_YUAN) {
            return amount;
        }
        return amount.movePointLeft(4);
    }
}
