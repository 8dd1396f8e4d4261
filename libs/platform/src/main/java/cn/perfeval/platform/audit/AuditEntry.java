package cn.perfeval.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** One row of the audit trail: when, who (actor and roles), what (action, unit-year, target), before and after. */
@Schema(description = "审计记录的一条：何时、谁（账号与角色）、做了什么（动作、单位年度、对象）、改动前后")
public record AuditEntry(
        @Schema(description = "记录编号", example = "42") long id,
        @Schema(description = "发生时间", format = "date-time", example = "2026-11-26T20:12:00.120Z") OffsetDateTime at,
        @Schema(description = "操作者：令牌中的账号，或由事件驱动时为 system:<主题>", example = "finance-114303210062309155") String actor,
        @Schema(description = "操作者的角色（admin 管理员、finance 财政、evaluator 评价人员、viewer 查看者、system 系统）") List<String> roles,
        @Schema(description = "动作，如 staff.replace（替换人员表）、score.recomputed（重新计算得分）", example = "staff.replace") String action,
        String unitCode,
        Integer year,
        @Schema(description = "被改动的对象，如表名、score:<指标体系代码>", example = "staff") String target,
        @Schema(description = "改动前的数据；新建时没有") JsonNode before,
        @Schema(description = "改动后的数据") JsonNode after) {

    /** The answer of {@code GET /api/v1/audit} as the document describes it: a {@link cn.perfeval.platform.api.Page} of entries. */
    @Schema(name = "AuditPage", description = "一页审计记录，新的在前")
    public record PageOfEntries(@Schema(description = "本页的审计记录，新的在前") List<AuditEntry> items,
                                @Schema(description = "页码，从 0 起") int page,
                                @Schema(description = "每页条数（1–200）") int size,
                                @Schema(description = "符合筛选条件的记录总数") long total,
                                @Schema(description = "本页、首页、上一页、下一页和末页的链接") cn.perfeval.platform.api.Page.Links links) {
    }

    /** The entries of one page and the number of all entries matching the filters. */
    public record Found(List<AuditEntry> entries, long total) {
    }
}
