package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument.HeaderCell;
import cn.perfeval.report.domain.ReportDocument.Table;

import java.util.List;

/**
 * Column widths of a table over the text block. A cell of digits, letters and signs only (a 7-digit
 * code, an amount) must never wrap: its column is at least as wide as the widest such cell. The
 * rest of the width goes to the columns of text in proportion to how much wider they would like to
 * be, so names wrap before codes and amounts do.
 */
final class TableWidths {

    /**
     * Width of a digit or Latin letter in ems, where the face is not known (a DOCX is set in whatever face the
     * reader's machine substitutes for 仿宋_GB2312: digits of 0.5 em in the real one, 0.64 em in DejaVu Sans).
     */
    static final float LATIN_EM = 0.64f;

    private TableWidths() {
    }

    /**
     * Widths in points for a table {@code total} points wide, set in {@code fontSize} points with
     * {@code padding} points left and right in each cell.
     */
    static float[] points(Table t, float total, float fontSize, float padding) {
        return points(t, total, fontSize, padding, LATIN_EM);
    }

    /** As {@link #points(Table, float, float, float)}, a digit or Latin letter being {@code latin} ems wide. */
    static float[] points(Table t, float total, float fontSize, float padding, float latin) {
        int n = t.header().size();
        float[] min = new float[n];
        float[] want = new float[n];
        for (int c = 0; c < n; c++) {
            // a header may wrap, but not inside a word of two characters; the rows say how wide a column would like to be
            min[c] = 2 * fontSize;
            want[c] = 2 * fontSize;
            for (List<String> row : t.rows()) {
                if (c >= row.size()) {
                    continue;
                }
                String cell = row.get(c);
                float w = ems(cell, latin) * fontSize;
                if (unbreakable(cell)) {
                    min[c] = Math.max(min[c], w);
                }
                want[c] = Math.max(want[c], Math.min(w, 20 * fontSize));
            }
        }
        for (List<HeaderCell> row : t.printedHeader()) {
            int c = 0;
            for (HeaderCell h : row) {
                // a short header of one column (科目编码, 类　款　项) stays on one line
                if (h.colSpan() == 1 && h.rowSpan() == 1 && c < n && (unbreakable(h.text()) || h.text().length() <= 5)) {
                    min[c] = Math.max(min[c], ems(h.text(), latin) * fontSize);
                }
                c += h.colSpan();
            }
        }
        float sumMin = 0;
        float sumExtra = 0;
        for (int c = 0; c < n; c++) {
            min[c] += 2 * padding + 3;
            want[c] = Math.max(want[c] + 2 * padding + 3, min[c]);
            sumMin += min[c];
            sumExtra += want[c] - min[c];
        }
        float[] w = new float[n];
        float spare = total - sumMin;
        for (int c = 0; c < n; c++) {
            if (spare <= 0) {
                w[c] = total * min[c] / sumMin;
            } else if (sumExtra <= spare) {
                // everything fits: what is left over is shared in proportion to the wanted widths
                w[c] = want[c] + (spare - sumExtra) * want[c] / (sumMin + sumExtra);
            } else {
                w[c] = min[c] + spare * (want[c] - min[c]) / sumExtra;
            }
        }
        return w;
    }

    /** A cell of digits, Latin letters and signs only: a code or an amount, printed on one line. */
    static boolean unbreakable(String s) {
        return s != null && !s.isBlank() && s.codePoints().allMatch(c -> c < 0x1100 && !Character.isWhitespace(c));
    }

    /** Width of a text in ems: a CJK character is one, a digit or Latin letter about half of one. */
    static float ems(String s, float latin) {
        if (s == null) {
            return 0;
        }
        float w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x1100 ? latin : 1;
        }
        return w;
    }

    /**
     * Lines a table row takes when its cells are {@code widths} points wide with {@code padding} on each side:
     * the most of any cell (a cell of a code or an amount is one line).
     */
    static int lines(List<String> row, float[] widths, float fontSize, float padding) {
        int most = 1;
        for (int c = 0; c < row.size() && c < widths.length; c++) {
            float room = Math.max(fontSize, widths[c] - 2 * padding);
            most = Math.max(most, (int) Math.ceil(ems(row.get(c), LATIN_EM) * fontSize / room));
        }
        return most;
    }

    /** The width of {@code text} in half-width units (a CJK character counts two). */
    static int width(String s) {
        if (s == null) {
            return 0;
        }
        return s.codePoints().map(c -> c < 0x1100 ? 1 : 2).sum();
    }
}
