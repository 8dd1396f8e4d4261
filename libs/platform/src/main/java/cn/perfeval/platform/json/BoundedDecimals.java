package cn.perfeval.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The decimals a request may carry: less than 10<sup>15</sup> in magnitude (a province's budget in 元 is
 * about 10<sup>12</sup>) and at most 10 decimal places. {@code 1e400} would be stored and then be
 * impossible to write out as a plain figure; {@code 1e-10000} has ten thousand digits. Both are refused
 * when the body is read, naming the field, before any rule or database sees them.
 */
public final class BoundedDecimals {

    /** Exclusive bound of a decimal's magnitude. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);
    /** Most decimal places a decimal may have. */
    public static final int MAX_SCALE = 10;
    public static final String ALLOWED = "数值的绝对值应小于 10 的 15 次方，小数不超过 " + MAX_SCALE + " 位";

    private BoundedDecimals() {
    }

    static SimpleModule module() {
        return new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new Deserializer());
    }

    /** Why a decimal is refused, or null. */
    public static String problem(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.abs().compareTo(LIMIT) >= 0) {
            return "数值过大：" + ALLOWED;
        }
        if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            return "小数位过多：" + ALLOWED;
        }
        return null;
    }

    /** Refused as an {@link OutOfRange}, which {@code JsonErrors} reports with its Chinese message. */
    static final class Deserializer extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getText();
            // the exponent of a number is checked before the value is built: 1e-1000000000 would take long
            // to normalise (a text is not a number at all: the coercion rules refuse it)
            boolean number = p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT
                    || p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT;
            int e = number ? Math.max(text.indexOf('e'), text.indexOf('E')) : -1;
            if (e >= 0) {
                try {
                    if (Math.abs(Integer.parseInt(text.substring(e + 1).replace("+", ""))) > 100) {
                        throw new OutOfRange(p, text, "数值超出允许的范围：" + ALLOWED);
                    }
                } catch (NumberFormatException tooLong) {
                    throw new OutOfRange(p, text, "数值超出允许的范围：" + ALLOWED);
                }
            }
            BigDecimal value = super.deserialize(p, ctxt);
            String problem = problem(value);
            if (problem != null) {
                throw new OutOfRange(p, text, problem);
            }
            return value;
        }
    }

    /** A decimal outside {@link #ALLOWED}; its message is the one the client reads. */
    public static final class OutOfRange extends InvalidFormatException {
        public OutOfRange(JsonParser p, String value, String message) {
            super(p, message, value, BigDecimal.class);
        }
    }
}
