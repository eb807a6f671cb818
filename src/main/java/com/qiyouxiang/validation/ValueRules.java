package com.qiyouxiang.validation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The checks every figure passes before it becomes a fact, whatever its source (spreadsheet or
 * platform export). Callers turn findings into outcomes: {@link Tier#MANDATORY} rejects the figure
 * (etl_reject, feedback workbook), {@link Tier#VERIFY} loads it for review, {@link Tier#HINT} is
 * only reported.
 */
public interface ValueRules {

    /**
     * @param c          the caller's warehouse connection (history is read through it: last period, ...)
     * @param candidates one file's figures
     * @return the failed checks, any number per candidate
     */
    List<Finding> check(Connection c, List<Candidate> candidates) throws SQLException;

    /** Only the rules of the given kinds (e.g. cross-source, run again after a derivation). */
    default List<Finding> check(Connection c, List<Candidate> candidates, java.util.Set<String> kinds) throws SQLException {
        return check(c, candidates).stream().filter(f -> kinds.contains(f.ruleKind())).toList();
    }
}
