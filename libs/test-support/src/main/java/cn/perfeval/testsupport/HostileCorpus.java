package cn.perfeval.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The hostile-input corpus of a service (issue #13): requests a hostile or careless client sends, each with
 * the refusal it must get. A service's corpus is a file of JSON lines under {@code src/test/resources/hostile/}
 * plus the cases its HostileInputTest builds in code (bodies of megabytes, workbooks), whose expected answers
 * are in a second file of that folder. For every request the runner checks that
 * <ul>
 *   <li>the status is the expected 4xx (never a 5xx, never a 2xx);</li>
 *   <li>the body is {@code application/problem+json} with {@code type}, {@code title}, {@code detail} and the
 *       same {@code status};</li>
 *   <li>the problem names what was wrong: the expected field among {@code errors[].field}, or the expected
 *       words in {@code detail};</li>
 *   <li>no Java class, stack trace or library wording reaches the client.</li>
 * </ul>
 * Whether anything stored changed is the calling test's to check, before and after the whole corpus.
 *
 * <h2>The file</h2>
 * One JSON object per line ({@code #} starts a comment line): {@code name} (unique), {@code method},
 * {@code path} (sent as written: percent-encode what needs it), optional {@code headers} (an object; a header
 * given as {@code null} is left out), {@code contentType}, {@code token} (a name the test maps to a bearer
 * token; {@code "none"} sends none; the default is the test's administrator), the body as {@code body} (text,
 * sent as UTF-8), {@code bodyBase64} (bytes), {@code json} (a JSON value, sent as written by Jackson) or
 * {@code base} + {@code replace} (one of the test's example bodies with [from, to] pairs replaced), and the
 * expectation: {@code status} and {@code field} (an entry of {@code errors[].field}) and/or {@code detail}
 * (words the detail contains). {@code {{name}}} in the path and body is replaced by the test's value of name.
 */
public final class HostileCorpus {

    /** What no refusal may contain: Java, its libraries' wording, or the HTTP layer's bare reason phrase. */
    public static final List<String> LEAKS = List.of("Unrecognized field", "class cn.", "java.", "javax.", "jakarta.",
            "Exception", "HTTP 400 Bad Request", "@Consumes", "com.fasterxml", "Jackson", "\tat ", "RESTEASY", "io.vertx",
            "org.hibernate", "PSQLException", "NullPointer");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request and the answer it must get. */
    public record Case(String name, Supplier<Response> send, int status, String field, String detail) {
    }

    /** What the corpus came to. */
    public record Outcome(int sent, Map<Integer, Integer> byStatus, List<String> failures) {
    }

    /** Where a test's code-built cases find their expected answers. */
    public record Expected(int status, String field, String detail) {
    }

    private HostileCorpus() {
    }

    /** A request spec as the corpus sends it: headers exactly as given, no charset added by rest-assured. */
    public static RequestSpecification request() {
        return RestAssured.given().urlEncodingEnabled(false).config(RestAssuredConfig.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    /** The cases of a corpus file on the class path. */
    public static List<Case> load(String resource, Map<String, String> variables, Map<String, String> bases,
                                  Function<String, String> tokens) {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = HostileCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                JsonNode c;
                try {
                    c = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException(resource + ":" + lineNo + ": not JSON: " + e.getMessage());
                }
                cases.add(toCase(resource + ":" + lineNo, c, variables, bases, tokens));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Case toCase(String where, JsonNode c, Map<String, String> variables, Map<String, String> bases,
                               Function<String, String> tokens) {
        for (String required : List.of("name", "method", "path", "status")) {
            if (!c.hasNonNull(required)) {
                throw new IllegalArgumentException(where + ": no " + required);
            }
        }
        if (!c.hasNonNull("field") && !c.hasNonNull("detail")) {
            throw new IllegalArgumentException(where + ": neither field nor detail: what must the refusal name?");
        }
        String method = c.get("method").asText();
        String path = substitute(c.get("path").asText(), variables);
        byte[] body = null;
        if (c.has("body")) {
            body = substitute(c.get("body").asText(), variables).getBytes(StandardCharsets.UTF_8);
        } else if (c.has("bodyBase64")) {
            body = Base64.getDecoder().decode(c.get("bodyBase64").asText());
        } else if (c.has("json")) {
            body = substitute(c.get("json").toString(), variables).getBytes(StandardCharsets.UTF_8);
        } else if (c.has("base")) {
            String text = bases.get(c.get("base").asText());
            if (text == null) {
                throw new IllegalArgumentException(where + ": no base body " + c.get("base").asText());
            }
            for (JsonNode pair : c.path("replace")) {
                String from = pair.get(0).asText();
                if (!text.contains(from)) {
                    throw new IllegalArgumentException(where + ": the base body has no " + from);
                }
                text = text.replace(from, pair.get(1).asText());
            }
            body = substitute(text, variables).getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (c.hasNonNull("contentType")) {
            headers.put("Content-Type", c.get("contentType").asText());
        } else if (body != null && !c.path("headers").has("Content-Type")) {
            headers.put("Content-Type", "application/json");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            headers.put(h.getKey(), h.getValue().isNull() ? null : substitute(h.getValue().asText(), variables));
        }
        String token = c.hasNonNull("token") ? c.get("token").asText() : "admin";
        String bearer = token.equals("none") ? null : tokens.apply(token);
        if (!token.equals("none") && bearer == null) {
            throw new IllegalArgumentException(where + ": no token " + token);
        }
        byte[] sent = body;
        Supplier<Response> send = () -> {
            RequestSpecification r = request();
            if (bearer != null) {
                r.header("Authorization", bearer.startsWith("raw:") ? bearer.substring(4) : "Bearer " + bearer);
            }
            headers.forEach((k, v) -> {
                if (v != null) {
                    r.header(k, v);
                }
            });
            if (sent != null) {
                r.body(sent);
            }
            return r.request(method, path);
        };
        return new Case(c.get("name").asText(), send, c.get("status").asInt(),
                c.hasNonNull("field") ? c.get("field").asText() : null,
                c.hasNonNull("detail") ? c.get("detail").asText() : null);
    }

    private static String substitute(String text, Map<String, String> variables) {
        String out = text;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            out = out.replace("{{" + v.getKey() + "}}", v.getValue());
        }
        return out;
    }

    /** The expected answers of a test's code-built cases: lines of name, status and field or detail, tab-separated. */
    public static Map<String, Expected> expectations(String resource) {
        Map<String, Expected> out = new HashMap<>();
        try (InputStream in = HostileCorpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no expectations " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw new IllegalArgumentException(resource + ": not name, status, field:… or detail:…: " + line);
                }
                String what = f[2];
                out.put(f[0], new Expected(Integer.parseInt(f[1]),
                        what.startsWith("field:") ? what.substring(6) : null,
                        what.startsWith("detail:") ? what.substring(7) : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A name that fits on one line of the expectations: control and invisible characters spelled out. */
    public static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if (Character.isISOControl(ch) || Character.isSurrogate(ch) || (ch >= 0x200B && ch <= 0x206F) || ch == 0xFEFF) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** A code-built case with its expected answer from {@code expected}; a case without one fails. */
    public static Case coded(String name, Supplier<Response> send, Map<String, Expected> expected) {
        Expected e = expected.get(printable(name));
        return e == null ? new Case(printable(name), send, -1, null, null)
                : new Case(printable(name), send, e.status(), e.field(), e.detail());
    }

    /**
     * Sends every case and checks its answer. With {@code -Dhostile.observed=<prefix>} the answers are also
     * written to {@code <prefix>-<service>.tsv} (name, status, fields, detail), to review when cases are added.
     */
    public static Outcome run(String service, List<Case> cases) {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> names = new HashMap<>();
        StringBuilder observed = new StringBuilder();
        for (Case c : cases) {
            if (names.merge(c.name(), 1, Integer::sum) > 1) {
                failures.add(c.name() + ": the name is used twice in the corpus");
            }
            Response r;
            try {
                r = c.send().get();
            } catch (RuntimeException | AssertionError e) {
                failures.add(c.name() + ": " + e.getMessage());
                continue;
            }
            int status = r.statusCode();
            byStatus.merge(status, 1, Integer::sum);
            String body = r.asString();
            JsonNode problem = null;
            try {
                problem = JSON.readTree(body);
            } catch (IOException | RuntimeException notJson) {
                // reported below
            }
            List<String> fields = new ArrayList<>();
            if (problem != null) {
                problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            }
            String detail = problem == null ? "" : problem.path("detail").asText("");
            observed.append(c.name()).append('\t').append(status).append('\t').append(String.join(",", fields))
                    .append('\t').append(detail.replace('\t', ' ').replace('\n', ' ')).append('\n');
            List<String> wrong = new ArrayList<>();
            if (c.status() < 0) {
                wrong.add("no expected answer");
            } else if (status != c.status()) {
                wrong.add("status " + status + ", expected " + c.status());
            }
            if (status < 400 || status >= 500) {
                wrong.add("not a 4xx");
            }
            String type = r.contentType() == null ? "" : r.contentType();
            if (!type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                wrong.add("content type " + type);
            } else if (problem == null || !problem.path("type").isTextual() || !problem.path("title").isTextual()
                    || problem.path("status").asInt() != status || detail.isBlank()) {
                wrong.add("not a complete problem");
            }
            if (c.field() != null && !fields.contains(c.field())) {
                wrong.add("errors[] does not name " + c.field() + " (names " + fields + ")");
            }
            if (c.detail() != null && !detail.contains(c.detail())) {
                wrong.add("detail does not say " + c.detail());
            }
            String withoutEchoes = withoutRejectedValues(problem, body);
            for (String leak : LEAKS) {
                if (withoutEchoes.contains(leak)) {
                    wrong.add("leaks \"" + leak + "\"");
                }
            }
            if (!wrong.isEmpty()) {
                failures.add(c.name() + ": " + String.join("; ", wrong) + " — " + abbreviate(body));
            }
        }
        String file = System.getProperty("hostile.observed");
        if (file != null && !file.isBlank()) {
            try {
                Files.writeString(Path.of(file + "-" + service + ".tsv"), observed.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.printf("HostileCorpus[%s]: %d hostile requests sent; statuses %s; %d answered otherwise than expected%n",
                service, cases.size(), byStatus, failures.size());
        return new Outcome(cases.size(), byStatus, failures);
    }

    /** The problem as text without the values it quotes back ({@code rejected}): those are the client's own words. */
    private static String withoutRejectedValues(JsonNode problem, String body) {
        if (problem == null || !problem.isObject()) {
            return body;
        }
        JsonNode copy = problem.deepCopy();
        copy.path("errors").forEach(e -> {
            if (e.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("rejected");
            }
        });
        return copy.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
