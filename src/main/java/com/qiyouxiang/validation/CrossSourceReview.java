package com.qiyouxiang.validation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.SqlFiles;

/**
 * The cross-source check run from the other side: after the platform derivation, the bureaus'
 * spreadsheet figures already loaded are judged against the derived figures that now exist
 * (sql/statements/validation/reported_to_compare_with_derived.sql). Findings are stored against the spreadsheet
 * figure and its file, with its sheet, row and cell, like those made at load time (核实性: the figure becomes 待核实 and
 * the bureau explains it in its 情况说明); the figure itself stays loaded whatever the tier, since it was accepted then.
 * The bureau hears of them in a supplementary feedback workbook (intake.spreadsheet's writeLaterFeedback step).
 */
public final class CrossSourceReview {

    private static final Set<String> KINDS = Set.of("cross-source");

    private CrossSourceReview() {
    }

    /** @return a summary line, or none when there was nothing new to compare */
    public static List<String> judgeReported(Connection c, ValueRules rules, Long jobExecutionId) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlFiles.read("statements/validation/reported_to_compare_with_derived.sql"))) {
            while (rs.next()) {
                Observation o = new Observation(rs.getString(1), rs.getString(2), rs.getString(3), (Double) rs.getObject(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6), "A");
                Long fileId = (Long) rs.getObject(8);
                candidates.add(new Candidate(o, new Candidate.Source("spreadsheet", rs.getString(7), fileId == null ? 0 : fileId,
                        rs.getString(9)), rs.getString(10), (Long) rs.getObject(11), rs.getString(12), String.valueOf(o.value()), null,
                        o.townCode().length() == 6));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = rules.check(c, candidates, KINDS);
        RuleResults.record(c, findings, jobExecutionId);
        ReviewStates.applyAll(c);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("cross-source: %d reported figures compared with the derived ones, %d differ beyond tolerance",
                candidates.size(), findings.size()));
        for (Finding f : findings) {
            Observation o = f.candidate().observation();
            lines.add("  " + o.indicatorCode() + " " + o.townCode() + " " + o.periodCode() + " " + f.tier().zh() + ": " + f.messageZh());
        }
        return lines;
    }
}
