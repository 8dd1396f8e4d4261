package cn.perfeval.platform.problem;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of problem the three services answer, defined once: its {@code type} URI
 * ({@code /problems/<kind>}, which resolves to a page describing it), HTTP status, Chinese title,
 * and what it means and what to do, as the page says it.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "请求无效",
            "请求中的某些值不符合要求：金额为负、代码格式不对、年份越界、必填项缺失等。",
            "按 errors[] 中每一项的 field（出错的字段或参数）和 message（允许什么）改正后重新提交；未存储任何数据。"),
    MALFORMED_BODY("malformed-body", 400, "请求体无法读取",
            "请求体不是合乎要求的 JSON：语法错误、未知字段、类型不对（如金额写成文字），或同一字段出现两次。",
            "按 detail 与 errors[] 所指的位置改正请求体；未存储任何数据。"),
    MALFORMED_WORKBOOK("malformed-workbook", 400, "工作簿无法读取",
            "导入的文件不是可读的 xlsx 工作簿，或缺少应有的工作表、表头，或某个单元格的内容不合要求；detail 与 errors[] 指出工作表和单元格。",
            "按所指的工作表和单元格改正后重新导入；未存储任何数据。"),
    MALFORMED_CSV("malformed-csv", 400, "CSV 文件无法读取",
            "导入的 CSV 不是 UTF-8 文本，或表头、列数、某一行的值不合要求；detail 与 errors[] 指出行和列。",
            "按所指的行和列改正后重新导入；未存储任何数据。"),
    UNAUTHORIZED("unauthorized", 401, "未认证",
            "请求没有带有效的令牌：缺少 Authorization: Bearer 令牌，或令牌格式错误、已过期、签名不对、签发方不是本县的身份提供方。",
            "向本县身份提供方重新获取令牌后再请求。"),
    FORBIDDEN("forbidden", 403, "无权访问",
            "令牌有效，但其角色、所属单位或所属县不允许这一操作；detail 说明需要什么。",
            "使用具有相应角色（管理员、财政、评价人员、查看者）且属于该单位或该县的账号。"),
    NOT_FOUND("not-found", 404, "未找到",
            "所请求的单位、年度、指标体系、版本或其他资源不存在。",
            "核对路径中的单位代码、年度和其他标识；需要时先创建该资源。"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "不支持该方法",
            "该路径不支持所用的 HTTP 方法。",
            "按接口文档使用 GET、PUT 或 POST。"),
    NOT_ACCEPTABLE("not-acceptable", 406, "无法提供所要求的格式",
            "Accept 请求头要求的格式本接口不提供。",
            "去掉 Accept 或改为接口文档列出的格式；报告的格式用 format 参数选择。"),
    CONFLICT("conflict", 409, "冲突",
            "请求与已存储的数据冲突，例如以已有的代码再次创建指标体系。",
            "读取现有资源，改用新的代码或改为新增版本。"),
    STALE_VERSION("stale-version", 412, "版本已过期",
            "If-Match 给出的版本不是当前版本：读取之后已有人修改了该资源。未存储任何数据。",
            "重新读取（GET）以取得当前内容和 ETag，核对他人的修改后，以新的 ETag 作为 If-Match 再提交。"),
    REQUEST_TIMEOUT("request-timeout", 408, "请求体未送达",
            "请求声明了请求体，但请求体在规定时间内没有继续送达（例如 Content-Length 大于实际发送的字节数，或分块传输没有结束）；连接随后关闭。",
            "检查 Content-Length 与实际发送的字节数是否一致，然后重新发送完整的请求；未存储任何数据。"),
    TOO_LARGE("too-large", 413, "请求体过大",
            "请求体超过了服务接受的大小。",
            "拆分数据或只提交需要修改的表。"),
    URI_TOO_LONG("uri-too-long", 414, "请求行过长",
            "请求的路径加查询参数超过了服务接受的长度。",
            "缩短查询参数；筛选条件很多时分几次查询。"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "不支持的请求体类型",
            "请求体的 Content-Type 不是该接口接受的类型。",
            "JSON 请求体使用 Content-Type: application/json（UTF-8）；导入工作簿使用 xlsx 或 CSV 的类型。"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "请求头过大",
            "请求头的总大小超过了服务接受的上限。",
            "去掉不需要的请求头或 Cookie；令牌只需放在 Authorization 中。"),
    PRECONDITION_REQUIRED("precondition-required", 428, "缺少 If-Match",
            "该资源已存在，替换时必须在 If-Match 中给出读取时的版本（ETag），以免覆盖他人的修改。",
            "先读取（GET）该资源，把响应的 ETag 作为 If-Match 随修改一起提交。"),
    INTERNAL("internal", 500, "内部错误",
            "服务内部出错，请求未完成，也未改变任何数据。",
            "稍后重试；仍然出错时把响应中的 instance 和时间告知运维人员。"),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "服务暂不可用",
            "服务暂时连不上数据库；请求未改变任何数据。",
            "稍后以同样的请求重试（见 Retry-After）。"),
    PDF_UNAVAILABLE("pdf-font-missing", 503, "PDF 暂不可用",
            "服务器上没有生成 PDF 所需的中文字体（宋体、黑体、仿宋、楷体或其替代字体），因此无法生成 PDF。",
            "改用 DOCX 或 HTML 格式，或请运维人员安装字体（见 report-service 的说明）。");

    private final String kind;
    private final int status;
    private final String title;
    private final String meaning;
    private final String remedy;

    ProblemType(String kind, int status, String title, String meaning, String remedy) {
        this.kind = kind;
        this.status = status;
        this.title = title;
        this.meaning = meaning;
        this.remedy = remedy;
    }

    public static final String PATH = "/problems/";

    public String kind() {
        return kind;
    }

    /** {@code /problems/<kind>}: a URI reference that, resolved against the service, is the page describing it. */
    public String uri() {
        return PATH + kind;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String meaning() {
        return meaning;
    }

    public String remedy() {
        return remedy;
    }

    public static Optional<ProblemType> ofKind(String kind) {
        return Arrays.stream(values()).filter(t -> t.kind.equals(kind)).findFirst();
    }

    /** The type of a status no more specific type covers (a 4xx becomes 请求无效, a 5xx 内部错误). */
    public static ProblemType ofStatus(int status) {
        return Arrays.stream(values()).filter(t -> t.status == status).findFirst()
                .orElse(status >= 500 ? INTERNAL : VALIDATION);
    }

    public ProblemDetail problem(String detail, String instance) {
        return problem(detail, instance, java.util.List.of());
    }

    public ProblemDetail problem(String detail, String instance, java.util.List<ProblemDetail.FieldError> errors) {
        return new ProblemDetail(uri(), title, status, detail, instance, errors);
    }
}
