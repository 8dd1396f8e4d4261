package cn.perfeval.budget.api;

/** Media types of imported files. */
public final class TableImportMedia {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    private TableImportMedia() {
    }
}
