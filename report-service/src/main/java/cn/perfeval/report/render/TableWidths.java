package cn.perfeval.report.render;

import cn.perfeval.report.domain.ReportDocument.Table;

import java.util.List;

/**
 * Relative column widths from the widest text of each column (a CJK character counts two, a
 * digit or Latin letter one), within bounds, so that codes and amounts do not wrap.
 */
final class TableWidths {

    private TableWidths() {
    }

    static float[] relative(Table t) {
        float[] w = new float[t.header().size()];
        for (int c = 0; c < w.length; c++) {
            int widest = Math.min(width(t.header().get(c)), 8);
            for (List<String> row : t.rows()) {
                if (c < row.size()) {
                    widest = Math.max(widest, width(row.get(c)));
                }
            }
            w[c] = Math.max(4, Math.min(widest, 20)) + (t.numericColumns().contains(c) ? 3 : 2);
        }
        return w;
    }

    static int width(String s) {
        if (s == null) {
            return 0;
        }
        return s.codePoints().map(c -> c < 0x1100 ? 1 : 2).sum();
    }
}
