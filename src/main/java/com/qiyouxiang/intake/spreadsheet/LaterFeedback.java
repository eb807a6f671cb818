package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.qiyouxiang.warehouse.FaultInjection;
import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.SqlFiles;

/**
 * The supplementary feedback workbooks (补充反馈表). A finding can be made on a file after it loaded: the cross-source
 * pass after the platform derivation ({@code validation.CrossSourceReview}) judges the figures loaded before against
 * the derived figures that now exist. For each loaded spreadsheet file with such findings still open and told by no
 * workbook yet (sql/statements/spreadsheet/later_feedback_due.sql), this writes a workbook into today's feedback
 * folder listing all the file's findings with the new ones marked 新增 ({@link FileFeedback}, {@link
 * FeedbackWorkbookWriter}), from the archived copy of the file (反馈说明 alone, with its 情况说明 form, when no copy is left), then
 * records the new findings as told by it (etl_feedback_finding), one transaction per file committed after the write.
 * A crash between the two writes it again under the same name; the next run finds nothing to tell.
 */
final class LaterFeedback {

    private static final Logger log = LoggerFactory.getLogger(LaterFeedback.class);

    /** A supplementary workbook written: the file, the workbook, how many findings it told first. */
    record Written(String fileName, Path workbook, int added, boolean sheetsCopied) {
    }

    /** The workbooks written, and the files whose workbook could not be written (a full disk), with the cause. */
    record Outcome(List<Written> written, List<String> failures) {
    }

    /** A file with findings to tell: where its copies are, and the findings (fct_rule_result ids). */
    private record Due(long fileId, String fileName, String checksum, String path, LocalDate processedDay,
                       int supplementsBefore, List<Long> findings) {
    }

    private final IngestProperties properties;
    private final SourceMappings mappings;
    private final Archiver archiver;

    LaterFeedback(IngestProperties properties, SourceMappings mappings) {
        this.properties = properties;
        this.mappings = mappings;
        this.archiver = new Archiver(properties.archiveDir(), properties.ingest().archiveMode());
    }

    /** @param c a connection with auto-commit off; each file's workbook is committed (or rolled back) on it */
    Outcome writeAll(Connection c, LocalDate today, Long jobExecutionId) throws SQLException {
        Map<Long, Due> due = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlFiles.read("statements/spreadsheet/later_feedback_due.sql"))) {
            while (rs.next()) {
                Due d = due.get(rs.getLong(1));
                if (d == null) {
                    d = new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                            rs.getInt(7), new ArrayList<>());
                    due.put(d.fileId(), d);
                }
                d.findings().add(rs.getLong(6));
            }
        }
        c.commit();
        List<Written> written = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Due d : due.values()) {
            try {
                Written w = write(c, d, today, jobExecutionId);
                if (w != null) {
                    c.commit();
                    written.add(w);
                    log.info("{}: supplementary feedback {} ({} finding(s) made after it loaded)", d.fileName(), w.workbook(), w.added());
                }
            } catch (IOException e) {
                c.rollback(); // the next run writes it (nothing was recorded)
                log.warn("{}: supplementary feedback not written: {}", d.fileName(), e.toString());
                failures.add(d.fileName() + " (" + e + ")");
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return new Outcome(written, failures);
    }

    private Written write(Connection c, Due d, LocalDate today, Long jobExecutionId) throws SQLException, IOException {
        int maxMarks = properties.ingest().feedbackMaxMarks();
        FileFeedback.Content content = FileFeedback.read(c, d.fileId(), d.fileName(), mappings, maxMarks * 10, Set.copyOf(d.findings()));
        if (content == null) {
            return null;
        }
        String name = FileFeedback.workbookName(d.fileName(), content.rejected(), d.supplementsBefore() + 1);
        Path target = properties.feedbackDir().resolve(today.toString()).resolve(name);
        Path source = source(d);
        FaultInjection.ioError("later-feedback:" + d.fileName());
        content.write(source, maxMarks, properties.ingest().feedbackOnePageRows(), target);
        Map<String, Object> values = new HashMap<>();
        values.put("workbook_day", today.toString());
        values.put("workbook_name", name);
        values.put("job_execution_id", jobExecutionId);
        values.put("rule_result_ids", String.join(",", d.findings().stream().map(String::valueOf).toList()));
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("statements/spreadsheet/record_later_feedback.sql", values));
        }
        FaultInjection.beforeCommit("later-feedback:" + d.fileName());
        return new Written(d.fileName(), target, d.findings().size(), source != null);
    }

    /** The file as received: its archived copy, else the file where it was received if it is still there unchanged. */
    private Path source(Due d) {
        Path archived = archiver.archived(d.fileName(), d.checksum(), d.processedDay());
        if (archived != null) {
            return archived;
        }
        Path received = d.path() == null ? null : Path.of(d.path());
        return received != null && Files.isRegularFile(received) && FileRegistry.sha256(received).equals(d.checksum()) ? received : null;
    }
}
