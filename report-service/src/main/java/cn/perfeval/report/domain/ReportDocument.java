package cn.perfeval.report.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * The structured report: what every format (HTML, Markdown, DOCX, PDF, JSON) renders. It is
 * made from the read model and the narrative alone, and states the versions it was made from;
 * it holds no time of generation, so the same inputs give the same content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "结构化的绩效评价自评报告：各种格式（DOCX、PDF、HTML、Markdown）印出的内容，供看板使用")
public record ReportDocument(
        @Schema(description = "报告标题") String title,
        String unitCode,
        @Schema(description = "单位名称") String unitName,
        int year,
        @Schema(description = "报告所依据的数据版本") Provenance provenance,
        @Schema(description = "开头段落（“一、”之前），逐段") List<String> opening,
        @Schema(description = "正文各部分，按印出的顺序（一、至八、及其下的（一）、1.）") List<Section> sections,
        @Schema(description = "综合评价结论") Conclusion conclusion,
        @Schema(description = "落款单位") String issuer,
        @Schema(description = "落款日期，按印出的样子（如2025年5月26日）；文字材料未给出时无") String issuedOn,
        @Schema(description = "附录：预算数据审核发现和评分不一致之处") List<Section> appendix,
        @Schema(description = "附件说明，印在正文之后、落款之前（如“附件：数据核对情况”）；无附件时无") String attachmentNote,
        @Schema(description = "报告文字核对发现（附件（三）的各行）：文字材料和评分说明中与数据或指标体系不符之处，各附原句") List<TextFinding> textFindings,
        @Schema(description = "各项指标的结构化结果，按印出的顺序，供看板使用；尚无评分时为空") List<Indicator> indicators) {

    /** The document without attachment note, text findings or indicators (documents made by hand, tests). */
    public ReportDocument(String title, String unitCode, String unitName, int year, Provenance provenance, List<String> opening,
                          List<Section> sections, Conclusion conclusion, String issuer, String issuedOn, List<Section> appendix) {
        this(title, unitCode, unitName, year, provenance, opening, sections, conclusion, issuer, issuedOn, appendix,
                null, List.of(), List.of());
    }

    /** A sentence of the report's own words that does not agree with its data or its indicator system. */
    @Schema(name = "ReportTextFinding", description = "报告文字核对发现：所在位置、原句和问题说明")
    public record TextFinding(
            @Schema(description = "所在位置（报告的部分，或某指标的评分说明）") String place,
            @Schema(description = "原句，与文字材料或评分说明中写的一致") String sentence,
            @Schema(description = "问题说明") String message) {
    }

    /** One indicator's result as structured data, for dashboards. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReportIndicator", description = "一项指标的结构化结果")
    public record Indicator(
            @Schema(description = "指标代码（指标体系中的编号，如A1）") String code,
            @Schema(description = "指标名称") String name,
            @Schema(description = "所属一级指标（分组）代码") String groupCode,
            @Schema(description = "所属一级指标（分组）名称，如预算执行") String group,
            @Schema(description = "所属二级指标名称；指标直接属于一级指标时无") String subgroup,
            @Schema(description = "满分（分）") BigDecimal maxPoints,
            @Schema(description = "得分（分）；待评定或缺少数据时无") BigDecimal points,
            @Schema(description = "计算所得的指标值（按印出的位数）；评价人评判的指标无") BigDecimal value,
            @Schema(description = "指标值的单位（如%、万元）；无指标值时无") String unit,
            @Schema(description = "状态代码：SCORED 已评分，AWAITING_JUDGEMENT 待评定，MISSING_DATA 缺少数据，NOT_COMPUTABLE 无法计算",
                    enumeration = {"SCORED", "AWAITING_JUDGEMENT", "MISSING_DATA", "NOT_COMPUTABLE"}) String status,
            @Schema(description = "状态的中文说明（已评分、待评定、缺少数据、无法计算）") String statusLabel,
            @Schema(description = "评分说明，与报告正文中该指标的文字一致") String text) {
    }

    /** The data this document was made from. Same provenance, same content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReportProvenance", description = "报告所依据的数据版本；依据相同，内容相同")
    public record Provenance(
            @Schema(description = "预算数据版本号") long budgetVersion,
            @Schema(description = "评分版本号（尚无评分时无）") Long scoreVersion,
            @Schema(description = "评分所依据的预算数据版本号（尚无评分时无）") Long scoredBudgetVersion,
            String systemCode,
            @Schema(description = "指标体系版本号（尚无评分时无）") Integer systemVersion,
            @Schema(description = "指标体系名称（尚无评分时无）") String systemName,
            @Schema(description = "文字材料版本号（尚未保存、使用模板时无）") Long narrativeVersion,
            @Schema(description = "依据说明（文字，印在报告中）") String text) {
    }

    /** A heading of level 1 (一、), 2 (（一）) or 3 (1.) and what follows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReportSection", description = "一个标题及其下的段落和表格")
    public record Section(
            @Schema(description = "标题层级：1为“一、”，2为“（一）”，3为“1.”", minimum = "1", maximum = "3") int level,
            @Schema(description = "标题") String heading,
            @Schema(description = "标题下的段落和表格，按顺序") List<Block> blocks) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Paragraph.class, name = "paragraph"),
            @JsonSubTypes.Type(value = Table.class, name = "table")
    })
    @Schema(name = "ReportBlock", description = "段落或表格（kind 区分）", oneOf = {Paragraph.class, Table.class}, discriminatorProperty = "kind",
            discriminatorMapping = {
                    @DiscriminatorMapping(value = "paragraph", schema = Paragraph.class),
                    @DiscriminatorMapping(value = "table", schema = Table.class)})
    public sealed interface Block {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReportParagraph", description = "段落", requiredProperties = "kind", properties = @SchemaProperty(name = "kind", type = SchemaType.STRING,
            enumeration = "paragraph", description = "内容类别：段落"))
    public record Paragraph(@Schema(description = "段落文字，按原样") String text) implements Block {
    }

    /**
     * A table whose cells are text exactly as printed; amounts in {@code amountUnit}.
     * {@code numericColumns} are right-aligned.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReportTable", description = "表格，单元格为印出的文字", requiredProperties = "kind", properties = @SchemaProperty(name = "kind", type = SchemaType.STRING,
            enumeration = "table", description = "内容类别：表格"))
    public record Table(
            @Schema(description = "表题") String caption,
            @Schema(description = "金额单位（如万元）；表中无金额时无") String amountUnit,
            @Schema(description = "表头，各列名称") List<String> header,
            @Schema(description = "各行单元格，文字与印出的一致（金额单位见 amountUnit）") List<List<String>> rows,
            @Schema(description = "数值列（右对齐）的列序号，从0起") List<Integer> numericColumns,
            @Schema(description = "多层表头（按原表的样子，自上而下逐行，单元格可跨列、跨行）；只有一层表头时无，此时表头即 header")
            List<List<HeaderCell>> headerRows,
            @Schema(description = "各行科目名称（第1列，从0起）印出时的缩进字数，与 rows 逐行对应（项缩进2字）；无缩进时无")
            List<Integer> indents) implements Block {

        public Table(String caption, String amountUnit, List<String> header, List<List<String>> rows, List<Integer> numericColumns) {
            this(caption, amountUnit, header, rows, numericColumns, null, null);
        }

        /** Characters the name (column 1) of row {@code r} is indented by. */
        public int indent(int r) {
            return indents == null || r >= indents.size() ? 0 : indents.get(r);
        }

        /** The column whose cells {@link #indents} indent. */
        public static final int INDENTED_COLUMN = 1;

        /** The header rows as printed: {@code headerRows}, else one row of {@code header}. */
        public List<List<HeaderCell>> printedHeader() {
            if (headerRows != null && !headerRows.isEmpty()) {
                return headerRows;
            }
            return List.of(header.stream().map(h -> new HeaderCell(h, 1, 1)).toList());
        }
    }

    /** A cell of a multi-level table header. */
    @Schema(name = "ReportHeaderCell", description = "多层表头中的一格")
    public record HeaderCell(
            @Schema(description = "文字") String text,
            @Schema(description = "所跨列数", minimum = "1") int colSpan,
            @Schema(description = "所跨行数", minimum = "1") int rowSpan) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReportConclusion", description = "综合评价结论；尚无评分时只有文字")
    public record Conclusion(
            @Schema(description = "自评总分（分）") BigDecimal total,
            @Schema(description = "满分（分）") BigDecimal maxTotal,
            @Schema(description = "评定等次（按指标体系的等次划分，如优、良、中、差）") String grade,
            @Schema(description = "是否所有指标均已得分（有待评判的指标时为否）") boolean complete,
            @Schema(description = "结论文字，按印出的样子") String text,
            @Schema(description = "预计得分的标签，如“预计得分（截至7月）”：评分依据的预算数据不是年终数据时给出；年终得分省略") String scoreLabel) {

        public Conclusion(BigDecimal total, BigDecimal maxTotal, String grade, boolean complete, String text) {
            this(total, maxTotal, grade, complete, text, null);
        }
    }
}
