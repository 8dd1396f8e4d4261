package cn.perfeval.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A service's OpenAPI document held to what the service does (issue #14, docs/api.md):
 * <ul>
 *   <li>{@link #check}: a response the tests received — its status must be declared for the operation and
 *       its JSON body must be valid against the declared schema, with no property the schema does not name
 *       (every {@code @QuarkusTest} response goes through it: {@link ContractCallback});</li>
 *   <li>{@link #exampleViolations}: every example in the document is valid against its schema;</li>
 *   <li>{@link #coverage}: the figures {@code deploy/api-coverage} prints.</li>
 * </ul>
 * A {@code null} property counts as absent: an optional field the service writes as null is allowed,
 * a required one is not.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Set<String> BINARY = Set.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream",
            "multipart/form-data", "text/csv");

    private OpenApiContract() {
    }

    /** The document a running service serves at {@code /q/openapi} (fetched once per base URI). */
    public static JsonNode document(String baseUri) {
        return DOCUMENTS.computeIfAbsent(baseUri, b -> {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(b + "/q/openapi?format=json")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET /q/openapi answered " + r.statusCode());
                }
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the OpenAPI document of " + b, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    // ---------------------------------------------------------------- responses

    /** The operation a request reached: its path template and its node, if the document has it. */
    public record Operation(String template, String method, JsonNode node) {
    }

    public static Optional<Operation> operation(JsonNode doc, String method, String path) {
        List<Operation> found = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(e -> {
            if (template(e.getKey()).matcher(path).matches() && e.getValue().has(method.toLowerCase(Locale.ROOT))) {
                found.add(new Operation(e.getKey(), method, e.getValue().get(method.toLowerCase(Locale.ROOT))));
            }
        });
        // a literal segment is more specific than a parameter: /systems/measures before /systems/{code}
        return found.stream().min(Comparator.comparingInt(o -> o.template().split("\\{", -1).length));
    }

    /**
     * What is wrong with one response the service gave: an undeclared status, or a body its schema does not
     * allow. Empty when the path is not an operation of the document (an unknown path, a method it has not).
     */
    public static List<String> check(JsonNode doc, String method, String path, int status, String contentType, String body) {
        Optional<Operation> op = operation(doc, method, path);
        if (op.isEmpty()) {
            return List.of();
        }
        String where = method + " " + op.get().template() + " → " + status;
        JsonNode response = op.get().node().path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            return List.of(where + ": the status is not declared (declared: "
                    + iterable(op.get().node().path("responses").fieldNames()) + ")");
        }
        String media = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (body == null || body.isEmpty() || !media.endsWith("json")) {
            return List.of();
        }
        JsonNode declared = response.path("content").path(media);
        if (declared.isMissingNode()) {
            return List.of(where + ": the media type " + media + " is not declared (declared: "
                    + iterable(response.path("content").fieldNames()) + ")");
        }
        if (!declared.has("schema")) {
            return List.of(where + ": " + media + " has no schema");
        }
        try {
            return validate(doc, declared.get("schema"), JSON.readTree(body)).stream()
                    .map(m -> where + ": " + m).toList();
        } catch (IOException e) {
            return List.of(where + ": the body is not JSON");
        }
    }

    /** The messages of validating {@code value} against {@code schema} of {@code doc}, strictly (no undeclared property). */
    public static List<String> validate(JsonNode doc, JsonNode schema, JsonNode value) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", strict(doc.path("components").deepCopy()));
        root.putArray("allOf").add(strict(schema.deepCopy()));
        Schema s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(root.toString(), InputFormat.JSON);
        List<Error> errors = s.validate(withoutNulls(value.deepCopy()).toString(), InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    /** Every object schema that lists its properties allows no other (outside compositions). */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            boolean composed = o.has("allOf") || o.has("anyOf") || o.has("oneOf");
            if (o.has("properties") && !o.has("additionalProperties") && !composed) {
                o.put("additionalProperties", false);
            }
            // OpenAPI keywords JSON Schema does not know are harmless; examples are checked on their own
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!(composed && Set.of("allOf", "anyOf", "oneOf").contains(e.getKey()))) {
                    strict(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(OpenApiContract::strict);
        }
        return node;
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> nulls = new ArrayList<>();
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    withoutNulls(e.getValue());
                }
            });
            o.remove(nulls);
        } else if (node instanceof ArrayNode a) {
            a.forEach(OpenApiContract::withoutNulls);
        }
        return node;
    }

    // ---------------------------------------------------------------- examples

    /** Every example of a response, request body or parameter that its schema does not allow. */
    public static List<String> exampleViolations(JsonNode doc) {
        List<String> out = new ArrayList<>();
        forEachOperation(doc, (path, method, op) -> {
            op.path("requestBody").path("content").fields().forEachRemaining(m ->
                    examples(m.getValue()).forEach((name, value) -> validate(doc, m.getValue().path("schema"), value)
                            .forEach(v -> out.add(method + " " + path + " request example " + name + ": " + v))));
            op.path("responses").fields().forEachRemaining(r -> r.getValue().path("content").fields().forEachRemaining(m ->
                    examples(m.getValue()).forEach((name, value) -> {
                        validate(doc, m.getValue().path("schema"), value)
                                .forEach(v -> out.add(method + " " + path + " " + r.getKey() + " example " + name + ": " + v));
                        String instance = value.path("instance").asText(null);
                        if (instance != null && !template(path).matcher(instance).matches()) {
                            out.add(method + " " + path + " " + r.getKey() + " example " + name
                                    + ": its instance " + instance + " is another operation's path");
                        }
                    })));
        });
        return out;
    }

    private static Map<String, JsonNode> examples(JsonNode media) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        if (media.has("example")) {
            out.put("example", media.get("example"));
        }
        media.path("examples").fields().forEachRemaining(e -> {
            if (e.getValue().has("value")) {
                out.put(e.getKey(), e.getValue().get("value"));
            }
        });
        return out;
    }

    // ---------------------------------------------------------------- coverage

    /** The coverage of one document, as {@code deploy/api-coverage} prints it. */
    public record Coverage(int operations, int withSchemas, int withOwnValidExamples, int withEveryStatus,
                           int properties, int describedProperties, int parameters, int describedParameters,
                           List<String> gaps) {

        public boolean complete() {
            return withSchemas == operations && withOwnValidExamples == operations && withEveryStatus == operations
                    && describedProperties == properties && describedParameters == parameters;
        }

        public String line(String service) {
            return String.format(Locale.ROOT, "%-15s %3d operations; schemas %s; own valid examples %s; "
                            + "every applicable status %s; described properties %s; described parameters %s",
                    service, operations, pct(withSchemas, operations), pct(withOwnValidExamples, operations),
                    pct(withEveryStatus, operations), pct(describedProperties, properties),
                    pct(describedParameters, parameters));
        }

        private static String pct(int n, int of) {
            return String.format(Locale.ROOT, "%d %% (%d/%d)", of == 0 ? 100 : Math.floorDiv(n * 100, of), n, of);
        }
    }

    public static Coverage coverage(JsonNode doc) {
        List<String> gaps = new ArrayList<>();
        int[] c = new int[8];
        forEachOperation(doc, (path, method, op) -> {
            String name = method + " " + path;
            c[0]++;
            if (!op.hasNonNull("operationId")) {
                gaps.add(name + ": no operationId");
            }
            if (!HAN.matcher(op.path("summary").asText("")).find()) {
                gaps.add(name + ": no Chinese summary");
            }
            List<String> schemaGaps = schemaGaps(op);
            schemaGaps.forEach(g -> gaps.add(name + ": " + g));
            if (schemaGaps.isEmpty() && op.hasNonNull("operationId") && HAN.matcher(op.path("summary").asText("")).find()) {
                c[1]++;
            }
            List<String> exampleGaps = exampleGaps(doc, path, method, op);
            exampleGaps.forEach(g -> gaps.add(name + ": " + g));
            if (exampleGaps.isEmpty()) {
                c[2]++;
            }
            List<String> statusGaps = statusGaps(doc, path, method, op);
            statusGaps.forEach(g -> gaps.add(name + ": " + g));
            if (statusGaps.isEmpty()) {
                c[3]++;
            }
            for (JsonNode p : parameters(doc, path, method)) {
                c[6]++;
                boolean described = HAN.matcher(p.path("description").asText("")).find()
                        && (!"path".equals(p.path("in").asText()) || p.has("example") || p.has("examples"));
                if (described) {
                    c[7]++;
                } else {
                    gaps.add(name + ": parameter " + p.path("name").asText() + " has no Chinese description"
                            + ("path".equals(p.path("in").asText()) ? " or no example" : ""));
                }
            }
        });
        doc.path("components").path("schemas").fields().forEachRemaining(s ->
                properties(s.getKey(), s.getValue(), c, gaps));
        return new Coverage(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], gaps);
    }

    private static void properties(String where, JsonNode schema, int[] c, List<String> gaps) {
        schema.path("properties").fields().forEachRemaining(p -> {
            c[4]++;
            if (HAN.matcher(p.getValue().path("description").asText("")).find()) {
                c[5]++;
            } else {
                gaps.add("schema " + where + ": property " + p.getKey() + " has no Chinese description");
            }
            properties(where + "." + p.getKey(), p.getValue(), c, gaps);
            properties(where + "." + p.getKey() + "[]", p.getValue().path("items"), c, gaps);
        });
    }

    private static List<String> schemaGaps(JsonNode op) {
        List<String> gaps = new ArrayList<>();
        op.path("requestBody").path("content").fields().forEachRemaining(m -> {
            if (!m.getValue().has("schema")) {
                gaps.add("request body " + m.getKey() + " has no schema");
            }
        });
        op.path("responses").fields().forEachRemaining(r -> {
            if (!r.getValue().has("content") && !Set.of("204", "304").contains(r.getKey())) {
                gaps.add(r.getKey() + " declares no body");
            }
            r.getValue().path("content").fields().forEachRemaining(m -> {
                if (!m.getValue().has("schema")) {
                    gaps.add(r.getKey() + " " + m.getKey() + " has no schema");
                }
            });
        });
        return gaps;
    }

    private static List<String> exampleGaps(JsonNode doc, String path, String method, JsonNode op) {
        List<String> gaps = new ArrayList<>();
        op.path("requestBody").path("content").fields().forEachRemaining(m -> {
            if (!BINARY.contains(m.getKey()) && examples(m.getValue()).isEmpty()) {
                gaps.add("request body " + m.getKey() + " has no example");
            }
        });
        op.path("responses").fields().forEachRemaining(r -> r.getValue().path("content").fields().forEachRemaining(m -> {
            if (BINARY.contains(m.getKey()) || m.getKey().startsWith("text/")) {
                return;
            }
            if (examples(m.getValue()).isEmpty()) {
                gaps.add(r.getKey() + " " + m.getKey() + " has no example");
            }
        }));
        ObjectNode one = JSON.createObjectNode();
        ObjectNode paths = one.putObject("paths").putObject(path);
        paths.set(method.toLowerCase(Locale.ROOT), op);
        one.set("components", doc.path("components"));
        exampleViolations(one).forEach(gaps::add);
        return gaps;
    }

    private static List<String> statusGaps(JsonNode doc, String path, String method, JsonNode op) {
        List<String> need = new ArrayList<>(List.of("401", "403", "503"));
        List<JsonNode> parameters = parameters(doc, path, method);
        boolean body = op.has("requestBody");
        if (body || !parameters.isEmpty()) {
            need.add("400");
        }
        if (body) {
            need.addAll(List.of("408", "413", "415"));
        }
        // 404, 409 and 428 depend on what the operation does: the contract check of the tests' responses,
        // not this rule, holds them to the document (an operation that never answers 404 declares none)
        boolean ifMatch = parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.path("name").asText()));
        if (ifMatch) {
            need.add("412");
        }
        List<String> gaps = new ArrayList<>();
        for (String s : need) {
            if (!op.path("responses").has(s)) {
                gaps.add("does not declare " + s);
            }
        }
        // a replaceable resource carries its version: ETag on the answers of its GET and PUT
        boolean versioned = ifMatch || doc.path("paths").path(path).path("put").path("parameters").findValues("name")
                .stream().anyMatch(n -> "If-Match".equalsIgnoreCase(n.asText()));
        if (versioned && (method.equals("GET") || method.equals("PUT"))) {
            op.path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2") && !r.getValue().path("headers").has("ETag")) {
                    gaps.add(r.getKey() + " does not declare the ETag header");
                }
            });
        }
        return gaps;
    }

    private static List<JsonNode> parameters(JsonNode doc, String path, String method) {
        List<JsonNode> out = new ArrayList<>();
        doc.path("paths").path(path).path("parameters").forEach(p -> out.add(resolve(doc, p)));
        doc.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("parameters").forEach(p -> out.add(resolve(doc, p)));
        return out;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : node;
    }

    interface OperationVisitor {
        void visit(String path, String method, JsonNode op);
    }

    private static void forEachOperation(JsonNode doc, OperationVisitor v) {
        doc.path("paths").fields().forEachRemaining(p -> {
            if (!p.getKey().startsWith("/api/")) {
                return;
            }
            for (String m : List.of("get", "put", "post", "delete", "patch")) {
                if (p.getValue().has(m)) {
                    v.visit(p.getKey(), m.toUpperCase(Locale.ROOT), p.getValue().get(m));
                }
            }
        });
    }

    private static Pattern template(String template) {
        StringBuilder re = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            re.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(re.toString());
    }

    private static String iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return String.join(", ", out);
    }

    // ---------------------------------------------------------------- the whole check of one service

    /**
     * The check of a service's {@code ApiContractTest}: every example valid, coverage complete; writes the
     * coverage line to {@code target/api-coverage.txt} (what {@code deploy/api-coverage} prints) and fails
     * with every gap when something is missing.
     */
    public static Coverage assertComplete(String service, String baseUri) {
        JsonNode doc = document(baseUri);
        Coverage coverage = coverage(doc);
        // the gaps hold every operation's example violations too (exampleGaps): they are not checked twice
        List<String> problems = coverage.gaps();
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "api-coverage.txt"), coverage.line(service) + "\n"
                    + String.join("\n", problems.stream().distinct().map(p -> "  gap: " + p).toList())
                    + (problems.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!problems.isEmpty() || !coverage.complete()) {
            throw new AssertionError(coverage.line(service) + "\n" + String.join("\n",
                    problems.stream().distinct().toList()));
        }
        return coverage;
    }
}
