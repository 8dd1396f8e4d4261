package cn.perfeval.budget.domain;

/**
 * How the rows of the tables get their ids: from their table's sequence, reserved 50 at a time
 * (migration V4 sets each sequence's increment to the same figure). With IDENTITY ids Hibernate
 * must insert each row on its own to learn its id; with reserved ids it sends the rows of a table
 * replace in JDBC batches ({@code quarkus.hibernate-orm.jdbc.statement-batch-size}).
 */
public final class RowIds {

    /** Must equal the INCREMENT BY of the sequences (migration V4). */
    public static final int ALLOCATION_SIZE = 50;

    private RowIds() {
    }
}
