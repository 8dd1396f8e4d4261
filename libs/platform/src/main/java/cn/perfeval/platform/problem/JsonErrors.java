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
        if (e instanceof StreamConstraintsException) {
            return new Described(field, "JSON 嵌套层数或长度超过上限");
        }
        if (e instanceof JsonParseException p) {
            Matcher dup = DUPLICATE.matcher(String.valueOf(p.getOriginalMessage()));
            if (dup.find()) {
                return new Described(field.isEmpty() ? dup.group(1) : field, "字段 " + dup.group(1) + " 重复出现，只能出现一次");
            }
        }
        String where = e.getLocation() == null ? ""
                : "（第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列）";
        return new Described(field, "不是合法的 JSON" + where);
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
