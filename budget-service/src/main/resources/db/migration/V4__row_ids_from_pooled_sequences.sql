-- Issue #7: rows of the tables get their ids from their sequence 50 at a time (Hibernate's pooled
-- optimizer, allocationSize 50) instead of one IDENTITY round trip per row, so that the inserts of
-- a table replace can be sent as JDBC batches. The column defaults keep using the same sequences,
-- so a row inserted by hand cannot collide with ids Hibernate has reserved.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['expenditure_row', 'revenue_row', 'summary_item', 'adjustment', 'execution_row',
                             'three_public_item', 'finding']
    LOOP
        EXECUTE format('ALTER SEQUENCE %I INCREMENT BY 50', t || '_id_seq');
        EXECUTE format('SELECT setval(%L, (SELECT COALESCE(max(id), 0) + 50 FROM %I))', t || '_id_seq', t);
    END LOOP;
END $$;
