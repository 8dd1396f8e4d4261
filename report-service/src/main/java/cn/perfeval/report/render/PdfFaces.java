package cn.perfeval.report.render;

import com.lowagie.text.pdf.BaseFont;

/**
 * The embedded faces of a PDF by role, as GB/T 9704 sets them: the title in 小标宋, 一、 headings in 黑体,
 * （一） headings in 楷体, the body in 仿宋, page numbers in 宋体 — each the nearest face installed, with
 * its name (printed in the document's properties).
 */
public record PdfFaces(Face title, Face heading1, Face heading2, Face body, Face pageNumber) {

    /** An embedded face and the name it is known by (the font's full name, e.g. "AR PL UKai CN"). */
    public record Face(BaseFont font, String name) {
    }

    /** One face for every role (a configured font file, or the only one installed). */
    public static PdfFaces single(BaseFont font) {
        Face f = new Face(font, name(font));
        return new PdfFaces(f, f, f, f, f);
    }

    /** The faces by role in Chinese, for the document properties: "标题：…；一级标题：…；…". */
    public String describe() {
        return "标题：" + title.name() + "；一级标题：" + heading1.name() + "；二级标题：" + heading2.name() + "；正文："
                + body.name() + "；页码：" + pageNumber.name();
    }

    /** The font's full name (the first of its names), else its PostScript name. */
    static String name(BaseFont font) {
        String[][] names = font.getFullFontName();
        for (String[] n : names) {
            // [platform, encoding, language, name]: prefer an English name, which every viewer can show
            if (n.length >= 4 && ("1033".equals(n[2]) || "0".equals(n[2]))) {
                return n[3];
            }
        }
        return names.length > 0 ? names[0][names[0].length - 1] : font.getPostscriptFontName();
    }
}
