package cn.perfeval.budget.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** The unit an amount is given in. Amounts are stored and returned in 万元. */
@Schema(name = "AmountUnit", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
        enumeration = {"万元", "元"}, description = "金额单位：万元或元（1 万元 = 10000 元）")
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
