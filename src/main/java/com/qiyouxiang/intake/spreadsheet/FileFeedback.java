package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.qiyouxiang.warehouse.Reject;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * What a loaded file's feedback workbook (反馈表) says, read from the warehouse (sql/statements/spreadsheet/feedback_*.sql),
 * and how it is named: the same for the workbook written when the file loads ({@link SpreadsheetIngester}) and for a
 * supplementary one (补充反馈表, {@link LaterFeedback}) for findings made after it loaded. Both are written by
 * {@link FeedbackWorkbookWriter}.
 */
final class FileFeedback {

    private FileFeedback() {
    }

    /**
     * A workbook's content.
     *
     * @param loadDue the workbook written when the file loaded had something to tell (a rejected cell, or findings
     *                recorded as told by it)
     */
    record Content(FeedbackWorkbookWriter.Summary summary, List<Reject> rejects, List<FeedbackWorkbookWriter.Flag> flags,
                   List<String[]> figures, boolean loadDue) {

        boolean rejected() {
            return summary.rejected() > 0;
        }

        /**
         * Writes the workbook; {@code source} is the file as received (its flagged sheets are copied with their marks),
         * or null when no copy of it is left (反馈说明 alone, with its 情况说明 form).
         */
        void write(Path source, int maxMarks, int onePageRows, Path target) throws IOException {
            List<String> sheets = source == null ? List.of() : Stream.concat(rejects.stream().map(Reject::sheetName),
                    flags.stream().map(FeedbackWorkbookWriter.Flag::sheetName)).filter(Objects::nonNull).distinct().toList();
            FeedbackWorkbookWriter.write(source, sheets, rejects, flags, figures, summary, maxMarks, onePageRows, target);
        }
    }

    /**
     * {@code <stem>_退回修改.xlsx} when cells were rejected, else {@code <stem>_数据核实.xlsx}; the n-th supplementary
     * workbook of the file adds （补充） (n = 1) or （补充n）: {@code <stem>_数据核实（补充）.xlsx}.
     */
    static String workbookName(String fileName, boolean rejected, int supplement) {
        return fileName.replaceAll("\\.(xlsx|xlsm|xls)$", "") + (rejected ? "_退回修改" : "_数据核实")
                + (supplement == 0 ? "" : supplement == 1 ? "（补充）" : "（补充" + supplement + "）") + ".xlsx";
    }

    /** Records, in the file's own transaction, the findings its load-time workbook tells (etl_feedback_finding). */
    static void recordLoad(Connection c, long fileId, String fileName, boolean rejected, Long jobExecutionId) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("file_id", fileId);
        values.put("workbook_name", workbookName(fileName, rejected, 0));
        values.put("job_execution_id", jobExecutionId);
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("statements/spreadsheet/record_load_feedback.sql", values));
        }
    }

    /**
     * The file's feedback as it stands in the warehouse, or null when there is nothing to tell the bureau.
     *
     * @param maxRows at most this many rejects, findings and figures are listed
     * @param added   the findings (fct_rule_result ids) to mark 新增: told for the first time
     */
    static Content read(Connection c, long fileId, String fileName, SourceMappings mappings, int maxRows, Set<Long> added)
            throws SQLException {
        FeedbackWorkbookWriter.Summary summary;
        boolean loadDue;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlFiles.read("statements/spreadsheet/feedback_file.sql", Map.of("file_id", fileId)))) {
            if (!rs.next()) {
                return null;
            }
            String counts = "读取 " + rs.getLong(4) + " 条：入库 " + rs.getLong(5) + " 条，退回 " + rs.getLong(6) + " 条，忽略 "
                    + rs.getLong(7) + " 条（标题、表头、填报信息、空行、注释、无数据）";
            // the template by its Chinese description, never its id (the bureau does not know rs-towns)
            String mappingId = rs.getString(1);
            String template = mappings.all().stream().filter(m -> m.id().equals(mappingId)).map(SourceMapping::description)
                    .filter(d -> d != null && !d.isBlank()).findFirst().orElse("");
            summary = new FeedbackWorkbookWriter.Summary(fileName, rs.getString(2), rs.getString(3), template, counts,
                    rs.getLong(6), rs.getLong(8), rs.getLong(9), rs.getLong(10));
            loadDue = rs.getBoolean(11);
        }
        Map<String, Object> limits = Map.of("file_id", fileId, "max_rows", maxRows);
        List<Reject> rejects = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlFiles.read("statements/spreadsheet/feedback_rejects.sql", limits))) {
            while (rs.next()) {
                rejects.add(new Reject(rs.getString(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        }
        List<FeedbackWorkbookWriter.Flag> flags = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlFiles.read("statements/spreadsheet/feedback_findings.sql", limits))) {
            while (rs.next()) {
                flags.add(new FeedbackWorkbookWriter.Flag(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        (Double) rs.getObject(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        added.contains(rs.getLong(15))));
            }
        }
        List<String[]> figures = new ArrayList<>();
        Warehouse.runScript(c, "statements/warehouse/display_macros.sql"); // the figures in their unit and display decimals
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlFiles.read("statements/spreadsheet/feedback_figures.sql", limits))) {
            while (rs.next()) {
                String[] figure = new String[FeedbackWorkbookWriter.FIGURE_HEADERS.length];
                for (int i = 0; i < figure.length; i++) {
                    figure[i] = rs.getString(i + 1) == null ? "" : rs.getString(i + 1);
                }
                figures.add(figure);
            }
        }
        return new Content(summary, rejects, flags, figures, loadDue);
    }
}
