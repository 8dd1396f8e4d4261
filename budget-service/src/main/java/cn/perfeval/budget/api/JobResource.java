package cn.perfeval.budget.api;

import cn.perfeval.budget.api.JobDtos.JobResponse;
import cn.perfeval.budget.security.Caller;
import cn.perfeval.budget.security.Roles;
import cn.perfeval.budget.service.BulkCsv;
import cn.perfeval.budget.service.ImportJobWorker;
import cn.perfeval.budget.service.ImportJobs;
import cn.perfeval.platform.problem.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/** Asynchronous bulk operations (issue #18): a job is accepted at once and processed in the background. */
@Path("/api/v1/jobs")
@Tag(name = "批量作业", description = "整县、整省预算数据的异步批量导入")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    public static final String NDJSON = "application/x-ndjson";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ImportJobs jobs;
    private final ImportJobWorker worker;
    private final Caller caller;

    public JobResource(ImportJobs jobs, ImportJobWorker worker, Caller caller) {
        this.jobs = jobs;
        this.worker = worker;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/budget-imports")
    @Consumes({NDJSON, TableImportMedia.CSV, TableImportMedia.XLSX})
    @Operation(operationId = "createBudgetImportJob", summary = "批量导入多个单位年度的预算数据（异步）",
            description = "NDJSON（application/x-ndjson，UTF-8）：每行一个单位年度的 JSON 对象（格式见 BulkUnitYear：单位基本信息及该年度的各表，"
                    + "每部分与单个单位接口的请求体相同）。CSV（text/csv，UTF-8，逗号分隔）：首行为表头 unitCode,year,unitName,county,province,kind,"
                    + "amountUnit,code,name,total,basic,project,basicActual,projectActual，此后每行为支出总表的一行，同一单位年度的行须相邻，"
                    + "单位信息取其第一行；basicActual、projectActual 为该科目的实际支出（可空），其合计为该单位年度的实际支出。"
                    + "多单位工作簿（xlsx）：名为“批量导入”的工作表（工作簿只有一张工作表时不限名称），格式与 CSV 相同：第一行为表头，"
                    + "此后每行为一个单位年度支出总表的一行，单位在各自的列中；出错时指出工作表的行号。"
                    + "上传的数据先全部保存，然后答 202 和作业（Location 为作业地址），在后台逐个单位年度导入：每个单位年度在一个事务中校验、保存并发布一个事件；"
                    + "有误的单位年度不导入，其错误（字段路径与单个单位接口相同，前加所在部分的名称）列在作业中，其余照常导入。服务重启后未完成的作业自动继续。"
                    + "请求体至多 4 MB，每行至多 100 万个字符；更多的单位年度请分成多个作业。仅管理员可用。")
    @RequestBody(required = true, content = {
            @Content(mediaType = NDJSON, schema = @Schema(implementation = JobDtos.BulkUnitYear.class,
                    description = "每行一个单位年度的 JSON 对象（此处的格式为一行的格式），UTF-8"),
                    examples = @ExampleObject(name = "两个单位年度", value = Examples.BULK_NDJSON)),
            @Content(mediaType = TableImportMedia.CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "每行为一个单位年度支出总表的一行，UTF-8，逗号分隔，首行为表头"),
                    examples = @ExampleObject(name = "两个单位年度", value = Examples.BULK_CSV)),
            @Content(mediaType = TableImportMedia.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "多单位工作簿：工作表“批量导入”，表头与 CSV 相同，每行为一个单位年度支出总表的一行"))})
    @APIResponse(responseCode = "202", description = "已接受：数据已保存，作业排队等候处理；Location 为作业地址",
            headers = @Header(name = HttpHeaders.LOCATION, description = "作业的地址，如 /api/v1/jobs/0b9f1c2e-7d3a-4a51-9c4e-2f1d6b8e5a70",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobResponse.class),
                    examples = @ExampleObject(name = "排队中", value = Examples.JOB_QUEUED)))
    @APIResponse(responseCode = "400", description = "请求体不是 UTF-8，没有任何单位年度，CSV 或工作簿的表头不对，或工作簿无法读取；未创建作业")
    public Response create(@Parameter(hidden = true) @jakarta.ws.rs.HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        MediaType type = contentType == null ? null : MediaType.valueOf(contentType);
        UUID id;
        if (type != null && type.isCompatible(MediaType.valueOf(TableImportMedia.CSV))) {
            id = jobs.createFromItems("csv", BulkCsv.read(bytes), caller.actor());
        } else if (type != null && type.isCompatible(MediaType.valueOf(TableImportMedia.XLSX))) {
            id = jobs.createFromItems("xlsx", BulkCsv.readXlsx(bytes), caller.actor());
        } else {
            id = jobs.createFromNdjson(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), caller.actor());
        }
        worker.wake();
        return Response.accepted(jobs.get(id)).location(URI.create("/api/v1/jobs/" + id)).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(operationId = "getJob", summary = "读取批量作业的状态和进度",
            description = "状态（state 为代码，stateLabel 为中文：排队中、进行中、已完成、已失败）、已处理和总的单位年度数、"
                    + "未导入的单位年度及其错误、开始和完成时间。已完成的作业也可能有未导入的单位年度（见 failed 和 errors）；"
                    + "没有一个单位年度能导入时为已失败。仅管理员可用。")
    @APIResponse(responseCode = "200", description = "作业的状态和进度",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobResponse.class),
                    examples = @ExampleObject(name = "已完成，一个单位年度有误", value = Examples.JOB_DONE)))
    @APIResponse(responseCode = "400", description = "作业编号格式不对")
    @APIResponse(responseCode = "404", description = "没有这个作业")
    public Response get(@Parameter(description = "作业编号（创建作业时 Location 中给出）", example = "0b9f1c2e-7d3a-4a51-9c4e-2f1d6b8e5a70")
                        @PathParam("id") String id) {
        if (!UUID_TEXT.matcher(id).matches()) {
            throw ApiException.invalid("id", "作业编号格式不对：应为创建作业时给出的编号，如 0b9f1c2e-7d3a-4a51-9c4e-2f1d6b8e5a70", id);
        }
        return Response.ok(jobs.get(UUID.fromString(id))).build();
    }
}
