package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;

import java.util.List;
import java.util.stream.Collectors;

/** Markdown (CommonMark with pipe tables). Markdown and HTML syntax in texts is escaped. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(ReportDocument doc) {
        StringBuilder m = new StringBuilder(32768);
        m.append("# ").append(escape(doc.title())).append("\n\n");
        doc.opening().forEach(p -> m.append(escape(p)).append("\n\n"));
        sections(m, doc.sections());
        if (doc.attachmentNote() != null) {
            // the attachment note, before the signature; several titles one per line
            m.append(String.join("  \n", java.util.Arrays.stream(doc.attachmentNote().split("\n")).map(MarkdownRenderer::escape).toList()))
                    .append("\n\n");
        }
        m.append(escape(doc.issuer())).append("  \n");
        if (doc.issuedOn() != null) {
            m.append(escape(doc.issuedOn())).append('\n');
        }
        m.append('\n');
        // each attachment: "附件" then its title, as the printed page has them
        long count = doc.appendix().stream().filter(s -> s.level() == 1).count();
        int number = 0;
        for (Section s : doc.appendix()) {
            if (s.level() == 1) {
                number++;
                m.append("---\n\n").append(count > 1 ? "附件" + number : "附件").append("\n\n## ")
                        .append(escape(cn.perfeval.report.service.ReportAssembler.attachmentTitle(s.heading()))).append("\n\n");
                sections(m, List.of(new Section(s.level(), null, s.blocks())));
            } else {
                sections(m, List.of(s));
            }
        }
        m.append("---\n\n").append(escape(doc.provenance().text()));
        return m.append('\n').toString();
    }

    private static void sections(StringBuilder m, List<Section> sections) {
        for (Section s : sections) {
            if (s.heading() != null) {
                m.append("#".repeat(Math.min(s.level() + 1, 6))).append(' ').append(escape(s.heading())).append("\n\n");
            }
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    m.append(escape(p.text())).append("\n\n");
                } else if (b instanceof Table t) {
                    m.append("**").append(escape(t.caption())).append("**");
                    if (t.amountUnit() != null && !t.amountUnit().isEmpty()) {
                        m.append("（单位：").append(escape(t.amountUnit())).append("）");
                    }
                    m.append("\n\n");
                    m.append(row(t.header())).append('|').append(" --- |".repeat(t.header().size())).append('\n');
                    // a pipe table has no indentation: a 项's name stands as budget-service holds it (the JSON's indents say
                    // how far the other formats set it in)
                    t.rows().forEach(r -> m.append(row(r)));
                    m.append('\n');
                }
            }
        }
    }

    private static String row(List<String> cells) {
        return cells.stream().map(MarkdownRenderer::escape).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    /**
     * Backslash-escapes Markdown punctuation and entity-escapes HTML, so text stays text; a line
     * that would start a list, quote or heading is escaped too.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '#', '|', '!', '{', '}', '(', ')', '~' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        String r = out.toString();
        if (r.startsWith("-") || r.startsWith("+") || r.startsWith("=")) {
            r = "\\" + r;
        }
        if (r.matches("^\\d{1,9}[.)](\\s.*|$)")) {
            r = r.replaceFirst("^(\\d{1,9})([.)])", "$1\\\\$2");
        }
        return r;
    }
}
