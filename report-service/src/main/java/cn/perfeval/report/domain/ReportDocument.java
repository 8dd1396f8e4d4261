package cn.perfeval.report.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;
import java.util.List;

/**
 * The structured report: what every format (HTML, Markdown, DOCX, PDF, JSON) renders. It is
 * made from the read model and the narrative alone, and states the versions it was made from;
 * it holds no time of generation, so the same inputs give the same content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportDocument(String title, String unitCode, String unitName, int fiscalYear,
                             Provenance provenance, List<String> opening, List<Section> sections,
                             Conclusion conclusion, String issuer, String issuedOn, List<Section> appendix) {

    /** The data this document was made from. Same provenance, same content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Provenance(long budgetVersion, Long scoreVersion, Long scoredBudgetVersion,
                             String systemCode, Integer systemVersion, String systemName,
                             Long narrativeVersion, String text) {
    }

    /** A heading of level 1 (一、), 2 (（一）) or 3 (1.) and what follows it. */
    public record Section(int level, String heading, List<Block> blocks) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Paragraph.class, name = "paragraph"),
            @JsonSubTypes.Type(value = Table.class, name = "table")
    })
    public sealed interface Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /**
     * A table whose cells are text exactly as printed; amounts in {@code amountUnit}.
     * {@code numericColumns} are right-aligned.
     */
    public record Table(String caption, String amountUnit, List<String> header, List<List<String>> rows,
                        List<Integer> numericColumns) implements Block {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conclusion(BigDecimal total, BigDecimal maxTotal, String grade, boolean complete, String text) {
    }
}
