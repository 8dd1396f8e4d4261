package cn.perfeval.events;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The schemaVersion rule. {@code schemaVersion} is the major version of an event's schema, a
 * positive integer. Fields are added within a major (consumers ignore fields they do not know);
 * removing or renaming a field, or changing its meaning or type, makes a new major. A consumer
 * accepts the majors it knows ({@link #SUPPORTED}, only 1 today); any other is a poison record
 * with the reason {@code invalid: schemaVersion N not supported; supported: 1}.
 */
public final class SchemaVersions {

    /** The majors this library reads, the same for both events. */
    public static final List<Integer> SUPPORTED = List.of(1);

    private SchemaVersions() {
    }

    public static boolean supported(int schemaVersion) {
        return SUPPORTED.contains(schemaVersion);
    }

    /** The dead-letter reason of an event with a schemaVersion not in {@link #SUPPORTED}. */
    public static String notSupported(Object schemaVersion) {
        return "invalid: schemaVersion " + schemaVersion + " not supported; supported: "
                + SUPPORTED.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
