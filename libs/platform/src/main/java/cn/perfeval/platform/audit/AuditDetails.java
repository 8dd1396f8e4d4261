package cn.perfeval.platform.audit;

import java.util.List;

/**
 * Completes audit entries as they are read, for a service whose rows refer to a record it keeps
 * elsewhere instead of repeating it (scoring-service: a recomputation's row names the score row by
 * its system and sequence number; the figures are those of that row). A service without such rows
 * has no bean of this type, and entries are answered as stored.
 */
public interface AuditDetails {

    /** The entries of one page, in the same order, each completed where this service knows how. */
    List<AuditEntry> complete(List<AuditEntry> entries);
}
