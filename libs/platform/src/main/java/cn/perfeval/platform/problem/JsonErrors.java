package cn.perfeval.platform.problem;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.lang.reflect.Method;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says why a JSON body could not be read in the user's terms: the field (as a JSON path such as
 * {@code rules[0].rounding}) and what is allowed there — the known fields, the known types, the
 * expected kind of value — never Jackson's wording or a Java class name.
 */
public final class JsonErrors {

    /** The field ("" when the body as a whole is unreadable) and what is wrong with it. */
    public record Described(String field, String message) {
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private JsonErrors() {
    }

    public static Described describe(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            return new Described(field, "未知字段 " + u.getPropertyName() + "；允许的字段：" + list(u.getKnownPropertyIds()));
        }
        if (e instanceof InvalidTypeIdException t) {
            return typeId(field, t);
        }
        if (e instanceof cn.perfeval.platform.json.BoundedDecimals.OutOfRange r) {
            return new Described(field, r.getOriginalMessage());
        }
        if (e instanceof InvalidFormatException f) {
            return new Described(field, "无法读取 " + quoted(f.getValue()) + "：应为" + expected(f.getTargetType()));
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            String why = cause == null || cause.getMessage() == null ? null
                    : ProblemDetail.withoutClassNames(cause.getMessage().split("\n")[0]);
            return new Described(field, why == null || why.isBlank() ? "取值不符合要求" : why);
        }
        if (e instanceof MismatchedInputException m) {
            String original = String.valueOf(m.getOriginalMessage());
            if (original.startsWith("No content to map")) {
                return new Described(field, "请求体为空，应为一个 JSON 值");
            }
            if (original.startsWith("Trailing token")) {
                return new Described(field, "一个请求体只能有一个 JSON 值，其后还有其他内容");
            }
            if (original.startsWith("Missing required creator property")) {
                return new Described(field, "缺少必填字段");
            }
            return new Described(field, m.getTargetType() == null ? "取值的类型不对" : "应为" + expected(m.getTargetType()));
        }
        String where = e.getLocation() == null ? ""
                : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
        if (field.isEmpty() && e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser) {
            field = path(parser.getParsingContext());
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return new Described(field, "JSON 嵌套超过 " + cn.perfeval.platform.json.JsonConfig.MAX_NESTING_DEPTH + " 层" + where);
            }
            if (original.startsWith("Number value length")) {
                return new Described(field, "数字过长" + where + "：" + cn.perfeval.platform.json.BoundedDecimals.ALLOWED);
            }
            return new Described(field, "JSON 的长度超过上限" + where);
        }
        if (e instanceof JsonParseException) {
            Matcher dup = DUPLICATE.matcher(original);
            if (dup.find()) {
                return new Described(field.isEmpty() ? dup.group(1) : field, "字段 " + dup.group(1) + " 重复出现，只能出现一次");
            }
            String why = syntax(original);
            if (why != null) {
                return new Described(field, "不是合法的 JSON：" + why + where);
            }
        }
        // a syntax error met while binding a field arrives wrapped, with the path of the object being bound;
        // the parser knows the field itself
        if (e.getCause() instanceof JsonParseException cause) {
            com.fasterxml.jackson.core.JsonParser parser = cause.getProcessor();
            String at = parser == null ? "" : path(parser.getParsingContext());
            String here = at.length() > field.length() && at.startsWith(field) ? at : field;
            String causeMessage = String.valueOf(cause.getOriginalMessage());
            Matcher dup = DUPLICATE.matcher(causeMessage);
            if (dup.find()) {
                String key = here.endsWith("." + dup.group(1)) || here.equals(dup.group(1)) ? here
                        : (here.isEmpty() ? dup.group(1) : here + "." + dup.group(1));
                return new Described(key, "字段 " + dup.group(1) + " 重复出现，只能出现一次");
            }
            String why = syntax(causeMessage);
            if (why != null) {
                return new Described(here, "不是合法的 JSON：" + why + where);
            }
        }
        return new Described(field, "不是合法的 JSON" + where);
    }

    /** What a JSON syntax error means, in the user's terms, or null. */
    static String syntax(String original) {
        if (original.contains("comment") || original.contains("('#' (code 35))") || original.contains("('/' (code 47))")) {
            return "JSON 中不能有注释（/* … */、// 或 #）";
        }
        if (NON_STANDARD.matcher(original).find()) {
            return "NaN 与 Infinity 不是 JSON 的数值：应为有限的十进制数，如 1827.5";
        }
        if (original.contains("(''' (code 39))")) {
            return "字段名和文本应使用英文双引号（\"），不能用单引号";
        }
        if (original.contains("was expecting double-quote to start field name")) {
            return "此处应为用英文双引号括起的字段名（字段名须加双引号，对象末尾不能有多余的逗号）";
        }
        if (original.startsWith("Unrecognized token")) {
            return "无法识别的值：应为数字、用英文双引号括起的文本、true、false、null、数组或对象";
        }
        if (original.contains("end-of-input") || original.contains("End-of-input") || original.contains("EOF")) {
            return "内容不完整，括号或引号没有闭合就结束了";
        }
        if (original.startsWith("Illegal unquoted character")) {
            return "文本中的控制字符（如制表符、换行）须写成 \\t、\\n 或 \\uXXXX 形式的转义";
        }
        if (original.startsWith("Invalid UTF-8")) {
            // the body was checked to be UTF-8 before it was parsed: this is a bare word such as 万元
            return "无法识别的值：文本须用英文双引号括起";
        }
        if (original.contains("Leading zeroes not allowed")) {
            return "数字不能以多余的 0 开头（如 01363.4）";
        }
        if (original.contains("in numeric value") || original.contains("Invalid numeric value")) {
            return "数字的写法不对：只能有半角数字、小数点、负号和指数部分，不能有正号";
        }
        if (original.contains("expected a valid value") || original.contains("expected a value")) {
            return "此处应为一个 JSON 值（数字、用英文双引号括起的文本、true、false、null、数组或对象）";
        }
        if (original.contains("was expecting comma") || original.contains("was expecting a colon")) {
            return "此处缺少逗号或冒号";
        }
        if (original.contains("Unexpected close marker")) {
            return "括号不配对";
        }
        return null;
    }

    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '[+-]?(NaN|Infinity|INF)'");

    /** "rows", [0], "total" of the parser's position → "rows[0].total" ("" at the top). */
    static String path(com.fasterxml.jackson.core.JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String p = String.join("", parts);
        return p.startsWith(".") ? p.substring(1) : p;
    }

    /** "rules", "[0]", "rounding" → "rules[0].rounding". */
    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static Described typeId(String field, InvalidTypeIdException t) {
        Class<?> base = t.getBaseType() == null ? null : t.getBaseType().getRawClass();
        JsonTypeInfo info = base == null ? null : base.getAnnotation(JsonTypeInfo.class);
        String property = info == null || info.property().isEmpty() ? "type" : info.property();
        String at = field.isEmpty() ? property : field + "." + property;
        String allowed = list(subtypeNames(base));
        if (t.getTypeId() == null) {
            return new Described(at, "缺少类型字段 " + property + "；允许的类型：" + allowed);
        }
        return new Described(at, "未知类型 " + t.getTypeId() + "；允许的类型：" + allowed);
    }

    /** The names of the subtypes that {@code @JsonSubTypes} declares on {@code base}. */
    static List<String> subtypeNames(Class<?> base) {
        List<String> names = new ArrayList<>();
        JsonSubTypes subTypes = base == null ? null : base.getAnnotation(JsonSubTypes.class);
        if (subTypes == null) {
            return names;
        }
        for (JsonSubTypes.Type type : subTypes.value()) {
            if (type.names().length > 0) {
                names.addAll(Arrays.asList(type.names()));
            } else if (!type.name().isEmpty()) {
                names.add(type.name());
            } else {
                JsonTypeName named = type.value().getAnnotation(JsonTypeName.class);
                names.add(named != null ? named.value() : type.value().getSimpleName());
            }
        }
        return names;
    }

    /** What a value of {@code type} looks like, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "另一种取值";
        }
        if (type.isEnum()) {
            return "以下之一：" + list(enumValues(type));
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "整数";
        }
        if (type.isPrimitive() && type != boolean.class && type != char.class || Number.class.isAssignableFrom(type)) {
            return "数字";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true 或 false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "文本";
        }
        if (type == LocalDate.class) {
            return "日期，如 2025-05-26";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "时间，如 2025-05-26T08:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "数组";
        }
        if (Map.class.isAssignableFrom(type) || !type.isInterface()) {
            return "对象";
        }
        return "另一种取值";
    }

    static String expected(JavaType type) {
        return expected(type == null ? null : type.getRawClass());
    }

    /** The names by which JSON spells the constants of an enum ({@code @JsonValue} if it has one). */
    private static List<String> enumValues(Class<?> type) {
        Method jsonValue = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0)
                .findFirst().orElse(null);
        List<String> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String v = ((Enum<?>) constant).name();
            if (jsonValue != null) {
                try {
                    jsonValue.setAccessible(true);
                    v = String.valueOf(jsonValue.invoke(constant));
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // keep the constant's name
                }
            }
            values.add(v);
        }
        return values;
    }

    private static String list(Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return "（无）";
        }
        boolean ordered = values instanceof List<?>;
        Collection<String> names = ordered
                ? values.stream().map(String::valueOf).toList()
                : values.stream().filter(Objects::nonNull).map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
        return String.join("、", names);
    }

    private static String quoted(Object value) {
        String v = String.valueOf(value);
        return "\"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"";
    }
}
