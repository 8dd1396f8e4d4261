package cn.perfeval.report.service;

import cn.perfeval.report.domain.NarrativeVersion;
import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.render.DocxRenderer;
import cn.perfeval.report.render.HtmlRenderer;
import cn.perfeval.report.render.MarkdownRenderer;
import cn.perfeval.report.render.PdfFonts;
import cn.perfeval.report.render.PdfRenderer;
import cn.perfeval.report.render.RenderMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Produces a unit-year's report from the read model and renders it in each format; never calls the other
 * services. The report endpoint and the freeze of a submission (which stores the rendered bytes) both render
 * through {@link #render}.
 */
@ApplicationScoped
public class ReportService {

    private final ReadModel readModel;
    private final NarrativeService narratives;
    private final ObjectMapper mapper;
    private final PdfFonts fonts;
    private final RenderMetrics metrics;

    public ReportService(ReadModel readModel, NarrativeService narratives, ObjectMapper mapper, PdfFonts fonts,
                         RenderMetrics metrics) {
        this.readModel = readModel;
        this.narratives = narratives;
        this.mapper = mapper;
        this.fonts = fonts;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReportDocument> report(String unitCode, int year, String systemCode) {
        Optional<String> budget = readModel.budget(unitCode, year);
        if (budget.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(assemble(budget.get(), readModel.score(unitCode, year, systemCode).orElse(null),
                narratives.current(unitCode, year)));
    }

    /** The report of these exact events (as stored) and narrative version; {@code score} may be null. */
    public ReportDocument assemble(String budget, String score, NarrativeVersion narrative) {
        return ReportAssembler.assemble(tree(budget), score == null ? null : tree(score), narrative);
    }

    /**
     * The report rendered in a format (docx, pdf, html, md, json): a String for html and md, bytes for docx and
     * pdf, the document itself for json (written by the REST layer). PDF needs a CJK font (503 without one).
     */
    public Object render(ReportDocument doc, String format) {
        return metrics.render("report", format, () -> switch (format) {
            case "html" -> HtmlRenderer.render(doc);
            case "md" -> MarkdownRenderer.render(doc);
            case "docx" -> DocxRenderer.render(doc);
            case "pdf" -> PdfRenderer.render(doc, fonts.faces());
            case "json" -> doc;
            default -> throw new IllegalArgumentException("unknown format " + format);
        });
    }

    /** {@link #render} as the bytes the report endpoint sends (UTF-8 for text, the JSON as the REST layer writes it). */
    public byte[] renderBytes(ReportDocument doc, String format) {
        Object body = render(doc, format);
        if (body instanceof byte[] b) {
            return b;
        }
        if (body instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report not serialisable", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event unreadable", e);
        }
    }
}
