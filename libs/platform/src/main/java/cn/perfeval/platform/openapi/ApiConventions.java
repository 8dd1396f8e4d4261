package cn.perfeval.platform.openapi;

import cn.perfeval.events.measures.Measures;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.problem.ProblemType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conventions of docs/api.md applied to the OpenAPI document of every service, in one place, so that
 * no operation can be left without them (a service names this filter in {@code mp.openapi.filter}):
 * <ul>
 *   <li>the bearer-JWT security scheme and its requirement on every {@code /api/} operation;</li>
 *   <li>the answers the platform gives to any operation: 401, 403 and 503 always, 400 when it takes
 *       parameters or a body, 408, 413 and 415 when it takes a body;</li>
 *   <li>the one problem schema ({@code Problem}, RFC 9457 + {@code errors[]}) on every 4xx/5xx answer, and
 *       where the operation gives no example, one of its own: its path with the golden unit and year, the
 *       problem type of the status and the answer's description as the detail;</li>
 *   <li>the description and example of every parameter of the shared vocabulary ({@code unitCode},
 *       {@code year}, …) and of every body property that is a measure (label and unit from the catalogue of
 *       measures) or a vocabulary name;</li>
 *   <li>the tags in the order of the work, and a relative server (the service that served the document).</li>
 * </ul>
 */
public class ApiConventions implements OASFilter {

    /** The tags, in the order of the work: units → budget → findings → scores → judgements → reports → … */
    public static final List<String> TAG_ORDER = List.of("单位", "预算数据", "审核发现", "得分", "评判", "报告",
            "县级汇总", "指标体系", "度量", "审计");

    /** Parameters of the vocabulary: description and example (the golden case's unit, year, county, system …). */
    static final Map<String, String[]> PARAMETERS = new LinkedHashMap<>();

    /** Body properties of the vocabulary that are not measures. */
    static final Map<String, String> PROPERTIES = new LinkedHashMap<>();

    static {
        PARAMETERS.put("unitCode", new String[]{"单位代码：18 位统一社会信用代码", "114303210062309155"});
        PARAMETERS.put("year", new String[]{"年度（2000–2100）", "2024"});
        PARAMETERS.put("county", new String[]{"县（市、区）的名称，与单位信息中的一致", "湘潭县"});
        PARAMETERS.put("systemCode", new String[]{"指标体系代码", "xiangtan-county"});
        PARAMETERS.put("indicatorCode", new String[]{"指标代码（指标体系中的编号）", "A1"});
        PARAMETERS.put("version", new String[]{"版本号，从 1 起", "1"});
        PARAMETERS.put("page", new String[]{"页码，从 0 起", "0"});
        PARAMETERS.put("size", new String[]{"每页条数（1–200）", "50"});
        PARAMETERS.put("system", new String[]{"指标体系代码；不给时用该县年度指定的指标体系", "xiangtan-county"});
        // no example: Swagger UI would fill it in, and a fixed past instant finds nothing for new data
        PARAMETERS.put("asOf", new String[]{"时点（ISO 8601 日期时间，如 2025-03-31T00:00:00Z）：给出时返回该时点有效的结果", null});
        PARAMETERS.put("If-Match", new String[]{"读取时得到的版本（ETag），如 \"3\"；资源已被他人修改时拒绝（412）", "\"1\""});

        PROPERTIES.put("unitCode", "单位代码：18 位统一社会信用代码");
        PROPERTIES.put("year", "年度");
        PROPERTIES.put("county", "县（市、区）");
        PROPERTIES.put("province", "省");
        PROPERTIES.put("version", "版本号，从 1 起；与 ETag 相同");
        PROPERTIES.put("systemCode", "指标体系代码");
        PROPERTIES.put("systemVersion", "指标体系的版本号");
        PROPERTIES.put("indicatorCode", "指标代码");
        PROPERTIES.put("items", "本页的条目");
        PROPERTIES.put("page", "页码，从 0 起");
        PROPERTIES.put("size", "每页条数");
        PROPERTIES.put("total", "全部条目的数目");
        PROPERTIES.put("links", "本页、首页、上一页、下一页和末页的链接");
        PROPERTIES.put("amountUnit", "金额单位（元或万元）");
    }

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        String scheme = securityScheme(openAPI);
        problemSchemas(openAPI);
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/").description("提供本文档的服务"));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                    List<Parameter> parameters = new ArrayList<>();
                    if (path.getValue().getParameters() != null) {
                        parameters.addAll(path.getValue().getParameters());
                    }
                    if (op.getValue().getParameters() != null) {
                        parameters.addAll(op.getValue().getParameters());
                    }
                    parameters.forEach(ApiConventions::describe);
                    conventions(scheme, path.getKey(), op.getValue(), parameters);
                }
            }
        }
        if (openAPI.getComponents().getSchemas() != null) {
            anyJson(openAPI);
            openAPI.getComponents().getSchemas().values().forEach(ApiConventions::describeProperties);
        }
        if (openAPI.getTags() != null) {
            List<Tag> tags = new ArrayList<>(openAPI.getTags());
            tags.sort(Comparator.comparingInt(t -> {
                int i = TAG_ORDER.indexOf(t.getName());
                return i < 0 ? TAG_ORDER.size() : i;
            }));
            openAPI.setTags(tags);
        }
    }

    private static String securityScheme(OpenAPI openAPI) {
        String scheme = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class).orElse("bearer");
        if (openAPI.getComponents().getSecuritySchemes() == null
                || !openAPI.getComponents().getSecuritySchemes().containsKey(scheme)) {
            openAPI.getComponents().addSecurityScheme(scheme, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
        }
        openAPI.getComponents().getSecuritySchemes().get(scheme).description(
                "本县身份提供方签发的 RS256 JWT 令牌：角色在 groups 中（admin 管理员、finance 财政、evaluator 评价人员、"
                        + "viewer 查看者），财政人员的单位在 unit 中，评价人员的县在 county 中。见 docs/security.md。");
        return scheme;
    }

    /** The one problem body: {@code Problem} and {@code FieldError}. */
    private static void problemSchemas(OpenAPI openAPI) {
        Schema fieldError = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("一个出错的字段")
                .addProperty("field", string("字段或参数：请求体中的 JSON 路径（如 rows[0].basic）、参数名或请求头名"))
                .addProperty("message", string("问题及允许的值"))
                .addProperty("rejected", string("被拒绝的值（以文字给出）"))
                .required(List.of("field", "message"));
        Schema problem = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("错误说明（RFC 9457 problem+json），附出错字段的列表")
                .addProperty("type", string("问题类型：相对于本服务解析后即说明该类问题的页面，如 /problems/validation"))
                .addProperty("title", string("问题类型的名称"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).description("HTTP 状态码"))
                .addProperty("detail", string("这一次出了什么问题、允许什么"))
                .addProperty("instance", string("出问题的请求路径"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("出错的字段，每项说明问题和允许的值").items(ref("FieldError")))
                .required(List.of("type", "title", "status"));
        openAPI.getComponents().addSchema("FieldError", fieldError);
        openAPI.getComponents().addSchema("Problem", problem);
    }

    private static void conventions(String scheme, String path, Operation op, List<Parameter> parameters) {
        op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(scheme)));
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        boolean body = op.getRequestBody() != null;
        add(responses, 401, "没有令牌，或令牌格式错误、已过期、签名不对、签发方不对（附 WWW-Authenticate: Bearer）");
        add(responses, 403, "令牌的角色、单位或县不允许这一操作；detail 说明需要什么");
        add(responses, 503, "暂时连不上数据库；未改变任何数据，稍后重试（附 Retry-After）");
        if (body || !parameters.isEmpty()) {
            add(responses, 400, body ? "请求体或参数不合要求；errors[] 指出每个字段及允许的值" : "参数不合要求；errors[] 指出参数及允许的值");
        }
        if (body) {
            add(responses, 408, "请求体在规定时间内没有继续送达（如 Content-Length 大于实际发送的字节数）；连接随后关闭");
            add(responses, 413, "请求体超过服务接受的大小");
            add(responses, 415, "请求体的 Content-Type 不是该操作接受的类型");
        }
        String instance = concrete(path, parameters);
        for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
            int status = status(r.getKey());
            if (status >= 400) {
                problem(r.getValue(), status, instance);
            }
        }
    }

    private static void add(APIResponses responses, int status, String description) {
        String key = String.valueOf(status);
        if (!responses.hasAPIResponse(key)) {
            responses.addAPIResponse(key, OASFactory.createAPIResponse().description(description));
        } else if (responses.getAPIResponse(key).getDescription() == null
                || responses.getAPIResponse(key).getDescription().isBlank()
                || !containsChinese(responses.getAPIResponse(key).getDescription())) {
            // the bare one Quarkus adds for secured operations ("Not Authorized") says nothing to the reader
            responses.getAPIResponse(key).description(description);
        }
    }

    /** Every error answer is a Problem; an answer without an example gets one of its own operation. */
    private static void problem(APIResponse response, int status, String instance) {
        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.content(content);
        }
        MediaType media = content.getMediaType(ProblemDetail.MEDIA_TYPE);
        if (media == null) {
            media = OASFactory.createMediaType();
            content.addMediaType(ProblemDetail.MEDIA_TYPE, media);
        }
        // any other media type the scanner guessed for an error (the operation's own) is not what is sent
        for (String other : new ArrayList<>(content.getMediaTypes().keySet())) {
            if (!other.equals(ProblemDetail.MEDIA_TYPE)) {
                content.removeMediaType(other);
            }
        }
        media.setSchema(ref("Problem"));
        if (media.getExamples() == null || media.getExamples().isEmpty()) {
            ProblemType type = ProblemType.ofStatus(status);
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", type.uri());
            example.put("title", type.title());
            example.put("status", status);
            example.put("detail", response.getDescription());
            example.put("instance", instance);
            media.addExample(type.kind(), OASFactory.createExample().summary(type.title()).value(example));
        }
    }

    /**
     * A property held as a JSON tree (Jackson's {@code JsonNode}: the audit trail's before/after) is any JSON
     * value; the scanner would describe the node class itself (an array with its getters as properties).
     */
    private static void anyJson(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (Schema schema : schemas.values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Map.Entry<String, Schema> p : new ArrayList<>(schema.getProperties().entrySet())) {
                if (isJsonNode(p.getValue())) {
                    schema.addProperty(p.getKey(), OASFactory.createSchema().description(p.getValue().getDescription()));
                }
            }
        }
        openAPI.getComponents().removeSchema("JsonNode");
        openAPI.getComponents().removeSchema("JsonNodeType");
    }

    private static boolean isJsonNode(Schema s) {
        if (s == null) {
            return false;
        }
        if (s.getRef() != null && s.getRef().endsWith("/JsonNode")) {
            return true;
        }
        if (s.getItems() != null && s.getItems().getRef() != null && s.getItems().getRef().endsWith("/JsonNode")) {
            return true;
        }
        return s.getAllOf() != null && s.getAllOf().stream().anyMatch(ApiConventions::isJsonNode);
    }

    private static void describe(Parameter p) {
        String[] known = PARAMETERS.get(p.getName());
        if (known == null) {
            return;
        }
        if (p.getDescription() == null || p.getDescription().isBlank()) {
            p.setDescription(known[0]);
        }
        if (known[1] != null && p.getExample() == null && (p.getExamples() == null || p.getExamples().isEmpty())) {
            p.setExample(known[1]);
        }
    }

    private static void describeProperties(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
            Schema s = property.getValue();
            if (s.getDescription() == null || s.getDescription().isBlank()) {
                String name = property.getKey();
                if (Measures.isMeasure(name)) {
                    s.setDescription(Measures.label(name) + "（" + Measures.unit(name) + "）");
                } else if (PROPERTIES.containsKey(name)) {
                    s.setDescription(PROPERTIES.get(name));
                }
            }
            describeProperties(s);
            if (s.getItems() != null) {
                describeProperties(s.getItems());
            }
        }
    }

    /** The path with its parameters' examples (the golden values, {@link #describe}): the instance of its examples. */
    static String concrete(String path, List<Parameter> parameters) {
        Matcher m = PATH_PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = parameters.stream().filter(p -> name.equals(p.getName()) && p.getExample() != null)
                    .map(p -> String.valueOf(p.getExample())).findFirst().orElse(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int status(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean containsChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }
}
