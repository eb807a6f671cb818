package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.validation.ReviewStates;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.FaultInjection;
import com.qiyouxiang.warehouse.FileRefusal;
import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.FileStatus;
import com.qiyouxiang.warehouse.RefusedFiles;
import com.qiyouxiang.warehouse.Reject;
import com.qiyouxiang.warehouse.RowCounts;
import com.qiyouxiang.warehouse.SqlFiles;

/**
 * Loads one inbox spreadsheet in its own transaction: skip it when the same content was loaded
 * before; recognise its template; read its sheets (streamed); check, stage and merge its figures
 * (revisions by {@link FactWriter}); record the file with reconciling counts. Then archive it and,
 * when cells were rejected, write its 退回修改 workbook. A file that fits no template, is not a
 * workbook, is a zip bomb, or does not reconcile is recorded with its reason and left in the inbox;
 * nothing of it is loaded.
 */
public final class SpreadsheetIngester {

    private static final Logger log = LoggerFactory.getLogger(SpreadsheetIngester.class);

    private final SourceMappings mappings;
    private final ReferenceData reference;
    private final ValueRules rules;
    private final IngestProperties properties;
    private final Archiver archiver;

    public SpreadsheetIngester(SourceMappings mappings, ReferenceData reference, ValueRules rules,
                               IngestProperties properties) {
        this.mappings = mappings;
        this.reference = reference;
        this.rules = rules;
        this.properties = properties;
        this.archiver = new Archiver(properties.archiveDir(), properties.ingest().archiveMode());
    }

    /** @param c a connection with auto-commit off; this method commits or rolls back the file's transaction */
    public FileResult ingest(Connection c, Path file, Long jobExecutionId) throws SQLException {
        String checksum = FileRegistry.sha256(file);
        Long done = FileRegistry.findProcessed(c, checksum, FileLoad.SOURCE_KIND);
        if (done != null) {
            c.commit();
            afterLoad(c, file, checksum, done, false);
            return FileResult.notLoaded(file, FileStatus.UNCHANGED, done, "与已入库文件（file_id " + done + "）内容相同，未重复入库");
        }
        String name = file.getFileName().toString();
        FileFacts facts = new FileFacts();
        FileRefusal seen;
        try {
            seen = FileRefusal.inspect(file);
        } catch (IOException e) {
            seen = FileRefusal.UNREADABLE;
        }
        if (seen != null) {
            log.warn("{}: refused: {}", name, seen.reasonCode());
            return refused(c, file, checksum, seen, jobExecutionId);
        }
        try {
            long fileId = FileRegistry.register(c, file, checksum, FileLoad.SOURCE_KIND, jobExecutionId);
            FileResult result = load(c, file, fileId, facts, jobExecutionId);
            FaultInjection.beforeCommit("file:" + name);
            c.commit();
            log.info("{}: {} {}", name, result.status(), result.load().counts());
            return result.withFeedback(afterLoad(c, file, checksum, fileId, true));
        } catch (NotRecognisedException e) {
            c.rollback();
            FileResult r = refused(c, file, checksum, new FileRefusal(FileStatus.UNRECOGNISED, "UNRECOGNISED_FILE", e.getMessage()), jobExecutionId);
            // the Chinese reason is what the bureau reads (etl_file, etl_reject); the clerk's hint only in the summary
            return e.hint() == null ? r : FileResult.notLoaded(file, r.status(), r.fileId(), r.message() + " [mapping: " + e.hint() + "]")
                    .withFeedback(r.feedback());
        } catch (SQLException e) {
            c.rollback(); // the warehouse itself failed: stop the step (a restart redoes this file)
            throw e;
        } catch (IOException | RuntimeException e) {
            c.rollback();
            FileRefusal refusal = refusal(e);
            // the English detail stays in the log; the bureau and the clerk read the Chinese reason
            log.warn("{}: refused ({}): {}", name, refusal.reasonCode(), e.toString(), e instanceof IOException || isZipBomb(e) ? null : e);
            return refused(c, file, checksum, refusal, jobExecutionId);
        }
    }

    private FileResult load(Connection c, Path file, long fileId, FileFacts facts, Long jobExecutionId)
            throws IOException, SQLException {
        String name = file.getFileName().toString();
        try (WorkbookSource workbook = WorkbookSource.open(file)) {
            SourceMapping mapping = mappings.recognise(name, workbook.sheets()).orElseThrow(() -> new NotRecognisedException(
                    "文件名或工作表名与任何报表模板都不匹配，无法识别报送单位和报表类型"));
            String bureau = reference.bureau(mapping.bureau());
            if (bureau == null) {
                throw new IllegalStateException("Source mapping " + mapping.id() + " names unknown bureau " + mapping.bureau());
            }
            facts.bureauCode = bureau;
            facts.periodFromFileName = mapping.options().periodFrom().contains("file-name") ? PeriodParser.parse(name) : null;
            FileLoad load = new FileLoad(c, rules, fileId, name, bureau, jobExecutionId, properties.ingest().chunkSize());
            for (WorkbookSource.SheetInfo sheet : workbook.sheets()) {
                boolean wanted = mapping.recognise().sheet().matcher(TextNormalizer.normalize(sheet.name())).matches();
                if ((sheet.hidden() && mapping.options().skipHiddenSheets()) || !wanted) {
                    facts.sheetsSkipped.add(sheet.name() + (sheet.hidden() ? "（隐藏）" : ""));
                    continue;
                }
                SheetParser parser = new SheetParser(mapping, reference, sheet.name(), load, facts);
                workbook.read(sheet.name(), parser);
                parser.finish();
                facts.sheetsRead.add(sheet.name());
            }
            load.finish();
            List<FactWriter.Change> changes = FactWriter.merge(c, FileLoad.SOURCE_KIND, bureau, fileId, name, jobExecutionId);
            ReviewStates.apply(c, fileId);
            int revision = revision(c, mapping.id(), bureau, facts.period);
            RowCounts counts = load.counts();
            FileStatus status = FileStatus.loaded(counts.rowsRejected());
            String message = message(facts, changes);
            FileRegistry.complete(c, fileId, status, mapping.id(), bureau, facts.period, revision, counts, message);
            return FileResult.loaded(file, status, fileId, message, new FileResult.Load(mapping.id(), bureau, facts.period,
                    revision, counts.toString(), changes, load.notes(), load.notedCount()));
        }
    }

    private static String message(FileFacts facts, List<FactWriter.Change> changes) {
        List<String> parts = new ArrayList<>();
        parts.add("工作表 " + String.join("、", facts.sheetsRead));
        if (!facts.sheetsSkipped.isEmpty()) {
            parts.add("跳过 " + String.join("、", facts.sheetsSkipped));
        }
        if (facts.bureauWritten != null) {
            parts.add("填报单位 " + facts.bureauWritten);
        }
        if (facts.reportDate != null) {
            parts.add("填报日期 " + facts.reportDate);
        }
        if (facts.reporter != null) {
            parts.add("填报人 " + facts.reporter);
        }
        long revised = changes.stream().filter(ch -> ch.oldValue() != null).count();
        parts.add("新增 " + (changes.size() - revised) + " 个数值，修订 " + revised + " 个数值");
        return String.join("；", parts);
    }

    /** The file's revision: 1 + the files of the same template, bureau and period loaded before. */
    private static int revision(Connection c, String mappingId, String bureau, String period) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("mapping_id", mappingId);
        values.put("bureau_code", bureau);
        values.put("period_code", period);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlFiles.read("statements/spreadsheet/file_revision.sql", values))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Records a refused file (once per content and reason) with a file-level reject; the file stays in the
     * inbox. When its name names a bureau, a 退回重报 workbook tells the bureau why (the first time only).
     */
    private FileResult refused(Connection c, Path file, String checksum, FileRefusal refusal, Long jobExecutionId)
            throws SQLException {
        String name = file.getFileName().toString();
        RefusedFiles.Registered r = RefusedFiles.record(c, file, checksum, FileLoad.SOURCE_KIND, refusal,
                PeriodParser.parse(name), jobExecutionId);
        c.commit();
        if (!r.isNew()) {
            return FileResult.notLoaded(file, refusal.status(), r.fileId(), refusal.reasonZh() + "（与此前记录相同，未重复记录）");
        }
        Path feedback = r.bureauCode() == null ? null : RefusedFileFeedback.write(properties.feedbackDir(), file,
                reference.bureauName(r.bureauCode()), refusal.reasonZh());
        return FileResult.notLoaded(file, refusal.status(), r.fileId(), refusal.reasonZh()).withFeedback(feedback);
    }

    /** A file of the inbox that is no spreadsheet and no platform export (a PDF, a Word file, ...): recorded as refused. */
    public FileResult refuseOther(Connection c, Path file, Long jobExecutionId) throws SQLException {
        FileRefusal refusal;
        try {
            refusal = FileRefusal.inspect(file);
        } catch (IOException e) {
            refusal = FileRefusal.UNREADABLE;
        }
        return refused(c, file, FileRegistry.sha256(file), refusal == null ? FileRefusal.NOT_A_DATA_FILE : refusal,
                jobExecutionId);
    }

    /** Archives a loaded file and writes its feedback workbook when it had rejects (both redone after a crash). */
    private Path afterLoad(Connection c, Path file, String checksum, long fileId, boolean fresh) {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            LocalDate day = processedOn(c, fileId);
            Path feedback = feedback(c, file, fileId, fresh, day);
            archiver.archive(file, checksum, day);
            return feedback;
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("{}: archiving or feedback failed: {}", file.getFileName(), e.toString());
            return null;
        }
    }

    /** The day the file was loaded: its archive and feedback folders are named by it (so a later run finds them). */
    private static LocalDate processedOn(Connection c, long fileId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT CAST(processed_at AS DATE) FROM etl_file WHERE file_id = ?")) {
            p.setLong(1, fileId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && rs.getDate(1) != null ? rs.getDate(1).toLocalDate() : LocalDate.now();
            }
        }
    }

    /**
     * The file's feedback workbook (反馈表), when it had rejected cells or 核实性/提示性 findings:
     * {@code <name>_退回修改.xlsx} when something was rejected, else {@code <name>_数据核实.xlsx}.
     */
    private Path feedback(Connection c, Path file, long fileId, boolean fresh, LocalDate day) throws SQLException, IOException {
        List<Reject> rejects = new ArrayList<>();
        List<FeedbackWorkbookWriter.Flag> flags = new ArrayList<>();
        FeedbackWorkbookWriter.Summary summary;
        String name = file.getFileName().toString();
        int maxRows = properties.ingest().feedbackMaxMarks() * 10;
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
            summary = new FeedbackWorkbookWriter.Summary(name, rs.getString(2), rs.getString(3), template, counts,
                    rs.getLong(6), rs.getLong(8), rs.getLong(9), rs.getLong(10));
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlFiles.read("statements/spreadsheet/feedback_rejects.sql",
                Map.of("file_id", fileId, "max_rows", maxRows)))) {
            while (rs.next()) {
                rejects.add(new Reject(rs.getString(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlFiles.read("statements/spreadsheet/feedback_findings.sql",
                Map.of("file_id", fileId, "max_rows", maxRows)))) {
            while (rs.next()) {
                flags.add(new FeedbackWorkbookWriter.Flag(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        (Double) rs.getObject(11), rs.getString(12), rs.getString(13), rs.getString(14)));
            }
        }
        List<String[]> figures = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlFiles.read("statements/spreadsheet/feedback_figures.sql",
                Map.of("file_id", fileId, "max_rows", maxRows)))) {
            while (rs.next()) {
                String[] figure = new String[FeedbackWorkbookWriter.FIGURE_HEADERS.length];
                for (int i = 0; i < figure.length; i++) {
                    figure[i] = rs.getString(i + 1) == null ? "" : rs.getString(i + 1);
                }
                figures.add(figure);
            }
        }
        Path target = properties.feedbackDir().resolve(day.toString())
                .resolve(name.replaceAll("\\.(xlsx|xlsm|xls)$", "") + (summary.rejected() > 0 ? "_退回修改.xlsx" : "_数据核实.xlsx"));
        if (Files.exists(target) && !fresh) {
            return target; // written before a crash or by an earlier run
        }
        List<String> sheets = java.util.stream.Stream.concat(rejects.stream().map(Reject::sheetName),
                        flags.stream().map(FeedbackWorkbookWriter.Flag::sheetName))
                .filter(java.util.Objects::nonNull).distinct().toList();
        FeedbackWorkbookWriter.write(file, sheets, rejects, flags, figures, summary, properties.ingest().feedbackMaxMarks(), target);
        return target;
    }

    static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static FileRefusal refusal(Throwable e) {
        if (isZipBomb(e)) {
            return new FileRefusal(FileStatus.FAILED, "ZIP_BOMB", "文件解压后体积异常（疑似压缩炸弹 zip bomb），为安全起见拒收，请重新导出后报送");
        }
        if (e instanceof WorkbookSource.NotAWorkbookException || e instanceof NotOfficeXmlFileException) {
            return new FileRefusal(FileStatus.FAILED, "UNREADABLE_FILE", "文件不是有效的 Excel 工作簿（.xlsx/.xls），请用 Excel 或 WPS 另存为后重新报送");
        }
        FileRefusal known = FileRefusal.of(e);
        return known != null ? known : FileRefusal.UNREADABLE;
    }
}
