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
import com.qiyouxiang.warehouse.FileBudget;
import com.qiyouxiang.warehouse.FileLimits;
import com.qiyouxiang.warehouse.Quarantine;
import com.qiyouxiang.warehouse.ReadingMarks;
import com.qiyouxiang.warehouse.FileRefusal;
import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.FileStatus;
import com.qiyouxiang.warehouse.RefusedFiles;
import com.qiyouxiang.warehouse.RowCounts;
import com.qiyouxiang.warehouse.SqlFiles;

/**
 * Loads one inbox spreadsheet in its own transaction: skip it when the same content was loaded
 * before; recognise its template; read its sheets (streamed); check, stage and merge its figures
 * (revisions by {@link FactWriter}); record the file with reconciling counts. Then archive it and,
 * when cells were rejected, write its 退回修改 workbook. A file that fits no template, is not a
 * workbook, is a zip bomb, is over its budget ({@link FileLimits}), makes the reader throw anything (an
 * {@code OutOfMemoryError} included), or does not reconcile is recorded with its reason and left in the inbox;
 * nothing of it is loaded, and the next file is read. While a file is read it is marked ({@link ReadingMarks}),
 * so a file that kills the process is quarantined by the next launch ({@link #quarantine}).
 */
public final class SpreadsheetIngester {

    private static final Logger log = LoggerFactory.getLogger(SpreadsheetIngester.class);

    private final SourceMappings mappings;
    private final ReferenceData reference;
    private final ValueRules rules;
    private final IngestProperties properties;
    private final Archiver archiver;
    private final FileLimits limits;
    private final ReadingMarks marks;

    static final List<String> KINDS = List.of(FileLoad.SOURCE_KIND);

    /**
     * @param limits the budget each file is read under
     * @param marks  where the file being read is marked (committed on a connection of its own)
     */
    public SpreadsheetIngester(SourceMappings mappings, ReferenceData reference, ValueRules rules,
                               IngestProperties properties, FileLimits limits, ReadingMarks marks) {
        this.limits = limits;
        this.marks = marks;
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
            AfterLoad after = afterLoad(c, file, checksum, done, false);
            return FileResult.notLoaded(file, FileStatus.UNCHANGED, done, "与已入库文件（file_id " + done + "）内容相同，未重复入库")
                    .withFeedbackFailure(after.failure());
        }
        String name = file.getFileName().toString();
        if (Quarantine.held(c, file, checksum, KINDS)) {
            // quarantined by an earlier launch but not moved: not read again until a new copy replaces it
            return FileResult.notLoaded(file, FileStatus.QUARANTINED, null, Quarantine.reason(name));
        }
        FileFacts facts = new FileFacts();
        FileBudget budget = limits.start(name);
        FileRefusal seen;
        try {
            budget.size(Files.size(file), limits.maxBytes().toBytes());
            seen = FileRefusal.inspect(file);
        } catch (FileBudget.Exceeded e) {
            seen = e.refusal();
        } catch (IOException | RuntimeException e) {
            seen = FileRefusal.UNREADABLE;
        }
        if (seen != null) {
            log.warn("{}: refused: {}", name, seen.reasonCode());
            return refused(c, file, checksum, seen, jobExecutionId);
        }
        long mark = marks.reading(file, checksum, FileLoad.SOURCE_KIND, jobExecutionId);
        FileResult result;
        try {
            long fileId = FileRegistry.register(c, file, checksum, FileLoad.SOURCE_KIND, jobExecutionId);
            result = load(c, file, fileId, facts, jobExecutionId, budget);
            marks.done(mark);
        } catch (NotRecognisedException e) {
            marks.done(mark);
            c.rollback();
            FileResult r = refused(c, file, checksum, new FileRefusal(FileStatus.UNRECOGNISED, "UNRECOGNISED_FILE", e.getMessage()), jobExecutionId);
            // the Chinese reason is what the bureau reads (etl_file, etl_reject); the clerk's hint only in the summary
            return e.hint() == null ? r : FileResult.notLoaded(file, r.status(), r.fileId(), r.message() + " [mapping: " + e.hint() + "]")
                    .withFeedback(r.feedback());
        } catch (SQLException e) {
            marks.done(mark);
            c.rollback(); // the warehouse itself failed: stop the step (a restart redoes this file)
            throw e;
        } catch (Throwable e) {
            // whatever the file made the reader throw, Errors included (out of memory, stack overflow): that file fails
            marks.done(mark);
            c.rollback();
            FileRefusal refusal = FileRefusal.failed(e, name);
            if (refusal == null) {
                refusal = refusal(e);
            }
            // the English detail stays in the log; the bureau and the clerk read the Chinese reason
            log.warn("{}: refused ({}): {}", name, refusal.reasonCode(), e.toString(),
                    e instanceof IOException || e instanceof Error || e instanceof FileBudget.Exceeded || isZipBomb(e) ? null : e);
            return refused(c, file, checksum, refusal, jobExecutionId);
        }
        FaultInjection.beforeCommit("file:" + name);
        c.commit();
        log.info("{}: {} {}", name, result.status(), result.load().counts());
        AfterLoad after = afterLoad(c, file, checksum, result.fileId(), true);
        return result.withFeedback(after.feedback()).withFeedbackFailure(after.failure());
    }

    /** The files of a launch that died in their parse, quarantined (see {@link Quarantine}), each with its 退回重报 workbook. */
    public List<FileResult> quarantine(Connection c, Path quarantineDir, Long jobExecutionId) throws SQLException {
        List<FileResult> results = new ArrayList<>();
        for (Quarantine.Quarantined q : Quarantine.sweep(c, quarantineDir, KINDS, jobExecutionId)) {
            Path feedback = q.bureauCode() == null ? null : RefusedFileFeedback.write(properties.feedbackDir(), q.from(),
                    reference.bureauName(q.bureauCode()), q.reasonZh());
            results.add(FileResult.notLoaded(q.from(), FileStatus.QUARANTINED, q.fileId(), q.reasonZh()).withFeedback(feedback));
        }
        return results;
    }

    private FileResult load(Connection c, Path file, long fileId, FileFacts facts, Long jobExecutionId, FileBudget budget)
            throws IOException, SQLException {
        String name = file.getFileName().toString();
        try (WorkbookSource workbook = WorkbookSource.open(file, budget)) {
            FaultInjection.whileReading(name);
            SourceMapping mapping = mappings.recognise(name, workbook.sheets()).orElseThrow(() -> new NotRecognisedException(
                    NO_TEMPLATE_ZH));
            String bureau = bureauOf(mapping);
            FileLoad load = new FileLoad(c, rules, fileId, name, bureau, jobExecutionId, properties.ingest().chunkSize());
            read(c, workbook, name, mapping, facts, load);
            List<FactWriter.Change> changes = FactWriter.merge(c, FileLoad.SOURCE_KIND, bureau, fileId, name, jobExecutionId);
            ReviewStates.apply(c, fileId);
            int revision = revision(c, mapping.id(), bureau, facts.period);
            RowCounts counts = load.counts();
            FileStatus status = FileStatus.loaded(counts.rowsRejected());
            String message = message(facts, changes);
            FileRegistry.complete(c, fileId, status, mapping.id(), bureau, facts.period, revision, counts, message);
            // the findings its feedback workbook (written after the commit) tells: a later finding goes into a supplementary one
            FileFeedback.recordLoad(c, fileId, name, counts.rowsRejected() > 0, jobExecutionId);
            return FileResult.loaded(file, status, fileId, message, new FileResult.Load(mapping.id(), bureau, facts.period,
                    revision, counts.toString(), changes, load.notes(), load.notedCount()));
        }
    }

    /** What jobs/run check prints, and its exit code (0 loads cleanly, 4 loads with rejects or findings, 2 would not load). */
    public record Checked(String report, int exitCode) {
    }

    static final String NO_TEMPLATE_ZH = "文件名或工作表名与任何报表模板都不匹配，无法识别报送单位和报表类型";

    private String bureauOf(SourceMapping mapping) {
        String bureau = reference.bureau(mapping.bureau());
        if (bureau == null) {
            throw new IllegalStateException("Source mapping " + mapping.id() + " names unknown bureau " + mapping.bureau());
        }
        return bureau;
    }

    /** Every sheet of the template read into the load, then its last chunk checked: the same for a load and a dry run. */
    private void read(Connection c, WorkbookSource workbook, String name, SourceMapping mapping, FileFacts facts, FileLoad load)
            throws IOException, SQLException {
        facts.bureauCode = bureauOf(mapping);
        facts.periodFromFileName = mapping.options().periodFrom().contains("file-name") ? PeriodParser.parse(name) : null;
        for (WorkbookSource.SheetInfo sheet : workbook.sheets()) {
            boolean wanted = mapping.recognise().sheet().matcher(TextNormalizer.normalize(sheet.name())).matches();
            if ((sheet.hidden() && mapping.options().skipHiddenSheets()) || !wanted) {
                facts.sheetsSkipped.add(sheet.name() + (sheet.hidden() ? "（隐藏）" : ""));
                continue;
            }
            SourceMapping layout = mapping.layouts().isEmpty() ? mapping : layout(c, workbook, name, sheet.name(), mapping, facts);
            SheetParser parser = new SheetParser(layout, reference, sheet.name(), load, facts);
            workbook.read(sheet.name(), parser);
            parser.finish();
            facts.sheetsRead.add(sheet.name() + (layout.layoutName() == null ? "" : "（版式 " + layout.layoutName() + "）"));
        }
        load.finish();
    }

    /**
     * The first of a template's layouts that reads the sheet (tried with a dry load that keeps nothing); none: the sheet
     * is refused with what each layout lacks.
     */
    private SourceMapping layout(Connection c, WorkbookSource workbook, String name, String sheet, SourceMapping mapping,
                                 FileFacts facts) throws IOException, SQLException {
        List<String> hints = new ArrayList<>();
        NotRecognisedException first = null;
        for (SourceMapping layout : mapping.layoutsTried()) {
            FileFacts trial = new FileFacts();
            trial.bureauCode = facts.bureauCode;
            trial.periodFromFileName = facts.periodFromFileName;
            trial.period = facts.period;
            try {
                SheetParser parser = new SheetParser(layout, reference, sheet, new FileLoad(c, rules, 0, name, facts.bureauCode,
                        null, properties.ingest().chunkSize(), DryRun.QUIET), trial);
                workbook.read(sheet, parser);
                parser.finish();
                return layout;
            } catch (NotRecognisedException e) {
                first = first == null ? e : first;
                hints.add("layout '" + (layout.layoutName() == null ? "(the mapping's own)" : layout.layoutName()) + "': "
                        + (e.hint() == null ? e.getMessage() : e.hint()));
            }
        }
        throw new NotRecognisedException(first.getMessage(), "no layout of the template fits: " + String.join("; ", hints));
    }

    /**
     * jobs/run check: the file read exactly as {@link #ingest} reads it, with nothing written (the connection may be
     * read-only): which mapping fits (or why none does), the header as resolved, every record's outcome, the
     * reconciliation and the rule findings.
     *
     * @param forced the mapping to try (mapping=&lt;id&gt; or --mapping-file), or null to recognise it as the ingest does
     */
    public Checked check(Connection c, Path file, SourceMapping forced) throws IOException, SQLException {
        String name = file.getFileName().toString();
        DryRun dry = new DryRun(name, reference);
        FileRefusal seen = FileRefusal.inspect(file);
        if (seen != null) {
            dry.refused(seen.reasonZh(), seen.reasonCode());
            return dry.result();
        }
        FileBudget budget = limits.start(name);
        try {
            budget.size(Files.size(file), limits.maxBytes().toBytes());
        } catch (FileBudget.Exceeded e) {
            dry.refused(e.refusal().reasonZh(), e.refusal().reasonCode());
            return dry.result();
        }
        try (WorkbookSource workbook = WorkbookSource.open(file, budget)) {
            List<WorkbookSource.SheetInfo> sheets = workbook.sheets();
            SourceMapping recognised = mappings.recognise(name, sheets).orElse(null);
            SourceMapping mapping = forced != null ? forced : recognised;
            if (mapping == null) {
                dry.noMatch(NO_TEMPLATE_ZH, sheets);
                for (SourceMapping candidate : mappings.all()) {
                    dry.candidate(candidate, why(c, workbook, name, candidate));
                }
                return dry.result();
            }
            dry.mapping(mapping, forced == null ? null : recognised == null ? "the ingest would recognise no mapping for this file"
                    : recognised == forced ? null : "the ingest would pick '" + recognised.id() + "' for this file");
            dry.recognition(DryRun.recognition(mapping, name, sheets));
            FileFacts facts = new FileFacts();
            FileLoad load = new FileLoad(c, rules, 0, name, bureauOf(mapping), null, properties.ingest().chunkSize(), dry);
            try {
                read(c, workbook, name, mapping, facts, load);
            } catch (NotRecognisedException e) {
                dry.notRecognised(e.getMessage(), e.hint());
                return dry.result();
            } catch (FileBudget.Exceeded e) {
                dry.refused(e.refusal().reasonZh(), e.refusal().reasonCode());
                return dry.result();
            }
            dry.facts(facts.period, facts.bureauWritten, facts.sheetsRead, facts.sheetsSkipped);
            dry.counts(load.counts());
            return dry.result();
        } catch (RuntimeException e) {
            dry.refused(refusal(e).reasonZh(), e.toString());
            return dry.result();
        }
    }

    /** Why a mapping does not fit the file: its file-name pattern, its sheet, its header or its bureau (null: it fits). */
    private String why(Connection c, WorkbookSource workbook, String name, SourceMapping m) throws SQLException {
        String recognition = DryRun.recognition(m, name, workbook.sheets());
        if (!m.readsASheetOf(workbook.sheets())) {
            return recognition;
        }
        try {
            FileLoad quiet = new FileLoad(c, rules, 0, name, bureauOf(m), null, properties.ingest().chunkSize(), DryRun.QUIET);
            read(c, workbook, name, m, new FileFacts(), quiet);
            return recognition.isEmpty() ? null : recognition + "; the sheets, header and bureau fit: widen recognise.file-name";
        } catch (NotRecognisedException e) {
            return (recognition.isEmpty() ? "" : recognition + "; ") + e.getMessage() + (e.hint() == null ? "" : " [" + e.hint() + "]");
        } catch (IOException | RuntimeException e) {
            return (recognition.isEmpty() ? "" : recognition + "; ") + "cannot be read with it: " + e;
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
        } catch (IOException | RuntimeException | Error e) {
            refusal = FileRefusal.UNREADABLE;
        }
        return refused(c, file, FileRegistry.sha256(file), refusal == null ? FileRefusal.NOT_A_DATA_FILE : refusal,
                jobExecutionId);
    }

    /** The feedback workbook written (or null), and why archiving or the feedback failed (or null). */
    private record AfterLoad(Path feedback, String failure) {
    }

    /**
     * Archives a loaded file and writes its feedback workbook when it had rejects (both redone after a crash). A
     * failure (a full disk) is a warning of the run, with its cause; the file is then not archived, so it stays in
     * the inbox and the next run, finding it unchanged, writes the workbook from the warehouse's state of the file.
     */
    private AfterLoad afterLoad(Connection c, Path file, String checksum, long fileId, boolean fresh) {
        try {
            if (!Files.exists(file)) {
                return new AfterLoad(null, null);
            }
            LocalDate day = processedOn(c, fileId);
            Path feedback = feedback(c, file, fileId, fresh, day);
            archiver.archive(file, checksum, day);
            return new AfterLoad(feedback, null);
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("{}: archiving or feedback failed: {}", file.getFileName(), e.toString());
            return new AfterLoad(null, e.toString());
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
     * {@code <name>_退回修改.xlsx} when something was rejected, else {@code <name>_数据核实.xlsx} ({@link FileFeedback}).
     * For a file seen again unchanged ({@code fresh} false) it is written only when it is missing and was due when the
     * file loaded (a crash or a full disk came between the commit and the workbook): a finding made after the load goes
     * into a supplementary workbook ({@link LaterFeedback}), never into this one.
     */
    private Path feedback(Connection c, Path file, long fileId, boolean fresh, LocalDate day) throws SQLException, IOException {
        String name = file.getFileName().toString();
        FileFeedback.Content content = FileFeedback.read(c, fileId, name, mappings, properties.ingest().feedbackMaxMarks() * 10,
                java.util.Set.of());
        if (content == null) {
            return null;
        }
        Path target = properties.feedbackDir().resolve(day.toString()).resolve(FileFeedback.workbookName(name, content.rejected(), 0));
        if (!fresh && (Files.exists(target) || !content.loadDue())) {
            return Files.exists(target) ? target : null; // written before a crash or by an earlier run; or none was due
        }
        FaultInjection.ioError("feedback:" + name);
        content.write(file, properties.ingest().feedbackMaxMarks(), properties.ingest().feedbackOnePageRows(), target);
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
