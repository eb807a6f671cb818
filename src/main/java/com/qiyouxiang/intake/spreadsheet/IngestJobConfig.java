package com.qiyouxiang.intake.spreadsheet;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.qiyouxiang.batch.Progress;
import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.validation.ValidationProperties;
import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.FileLimits;
import com.qiyouxiang.warehouse.FileStatus;
import com.qiyouxiang.warehouse.Quarantine;
import com.qiyouxiang.warehouse.QuarantineProperties;
import com.qiyouxiang.warehouse.ReadingMarks;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * ingestJob: every new bureau spreadsheet in the inbox into the warehouse.
 * <ol>
 * <li>ingestSpreadsheets: first the mappings are checked ({@link MappingCheck}: keys, types, indicator codes and
 * units against dim_indicator); a broken mapping fails the step, naming file:line, before any file is read. Then for each .xlsx/.xlsm/.xls in qyx.inbox-dir (job parameter {@code inboxDir}
 * overrides it), in reporting order, {@link SpreadsheetIngester} in one transaction per file, each read under
 * qyx.file-limits; first, the files a launch that died left being read are quarantined (qyx.quarantine-dir).
 * Restartable: a crash rolls back only the file in progress; files already loaded are skipped by
 * checksum on the restart (and archived / given feedback if that had not happened yet).</li>
 * <li>writeLaterFeedback: the supplementary feedback workbooks (补充反馈表) of files loaded before whose findings came
 * later ({@link LaterFeedback}), one transaction per file. In the nightly run it comes after the steps that make or
 * close such findings (the platform derivation's cross-source pass, the 情况说明), so it is there too; here it tells
 * what a platformJob run since the last ingest found.</li>
 * </ol>
 */
@Configuration
public class IngestJobConfig {

    @Bean
    public Job ingestJob(JobRepository jobRepository, Step ingestSpreadsheets, Step writeLaterFeedback) {
        return new JobBuilder("ingestJob", jobRepository)
                .start(ingestSpreadsheets)
                .next(writeLaterFeedback)
                .build();
    }

    @Bean
    public Step writeLaterFeedback(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                                   IngestProperties properties) {
        return new StepBuilder("writeLaterFeedback", jobRepository).tasklet((contribution, context) -> {
            LaterFeedback later = new LaterFeedback(properties, SourceMappings.load(properties.ingest().sourcesDir()));
            LaterFeedback.Outcome o;
            try (Connection c = warehouse.connect()) {
                c.setAutoCommit(false);
                o = later.writeAll(c, java.time.LocalDate.now(), context.getStepContext().getStepExecution().getJobExecutionId());
            }
            contribution.incrementWriteCount(o.written().size());
            List<String> lines = new ArrayList<>();
            lines.add(o.written().size() + " supplementary feedback workbook(s) for findings made after their file loaded"
                    + (o.failures().isEmpty() ? "" : ", " + o.failures().size() + " not written (the next run writes them)"));
            o.written().forEach(w -> lines.add("  " + w.fileName() + " -> " + w.workbook() + ": " + w.added() + " new finding(s)"
                    + (w.sheetsCopied() ? "" : " (no copy of the file left: 反馈说明 only)")));
            o.failures().forEach(f -> lines.add("  not written: " + f));
            if (!o.failures().isEmpty()) {
                contribution.setExitStatus(new ExitStatus(WarehouseTasklet.WARNINGS, o.failures().size()
                        + " supplementary feedback workbook(s) not written, the next run writes them: " + String.join("; ", o.failures())));
            }
            contribution.getStepExecution().getExecutionContext().putString(WarehouseTasklet.SUMMARY_KEY, String.join("\n", lines));
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step ingestSpreadsheets(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                                   ValueRules rules, IngestProperties properties, ValidationProperties validation,
                                   FileLimits limits, QuarantineProperties quarantine) {
        return new StepBuilder("ingestSpreadsheets", jobRepository)
                .tasklet(new IngestTasklet(warehouse, rules, properties, validation.explanationDir(), limits,
                        quarantine.quarantineDir()), tx)
                .build();
    }

    /** Not a {@link WarehouseTasklet}: it commits per file, not once for the step. */
    static final class IngestTasklet implements Tasklet {
        private final Warehouse warehouse;
        private final ValueRules rules;
        private final IngestProperties properties;

        private final Path explanationDir;
        private final FileLimits limits;
        private final Path quarantineDir;

        IngestTasklet(Warehouse warehouse, ValueRules rules, IngestProperties properties, Path explanationDir,
                      FileLimits limits, Path quarantineDir) {
            this.explanationDir = explanationDir;
            this.limits = limits;
            this.quarantineDir = quarantineDir;
            this.warehouse = warehouse;
            this.rules = rules;
            this.properties = properties;
        }

        @Override
        public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws Exception {
            Object dir = context.getStepContext().getJobParameters().get("inboxDir");
            Path inbox = dir == null ? properties.inboxDir() : Path.of(dir.toString());
            SourceMappings mappings = SourceMappings.load(properties.ingest().sourcesDir());
            Long jobExecutionId = context.getStepContext().getStepExecution().getJobExecutionId();
            List<FileResult> results = new ArrayList<>();
            ReferenceData reference = null;
            List<Long> held = new ArrayList<>();
            limits.guardPoi();
            try (Connection c = warehouse.connect(); ReadingMarks marks = new ReadingMarks(warehouse)) {
                c.setAutoCommit(false);
                reference = ReferenceData.load(c);
                ReferenceData known = reference;
                List<MappingCheck.Problem> unknown = MappingCheck.catalog(mappings, code -> {
                    ReferenceData.Indicator i = known.indicator(code);
                    return i == null ? null : new MappingCheck.CatalogIndicator(i.code(), i.name(), i.unit(), i.annual());
                });
                if (!unknown.isEmpty()) {
                    // a broken mapping fails the step before any file is read (the files stay in the inbox)
                    throw new SourceMappings.InvalidMappingsException(unknown);
                }
                SpreadsheetIngester ingester = new SpreadsheetIngester(mappings, reference, rules, properties, limits, marks);
                c.commit();
                // the files a launch died reading, before any file is read: out of the inbox, never read again by themselves
                results.addAll(ingester.quarantine(c, quarantineDir, jobExecutionId));
                held.addAll(Quarantine.stillHeld(c, SpreadsheetIngester.KINDS));
                List<Path> files = InboxFiles.list(inbox, explanationDir);
                try (Progress progress = Progress.start("spreadsheets", files.size(), "files")) {
                  for (Path file : files) {
                    progress.working(file.getFileName().toString());
                    FileResult r = ingester.ingest(c, file, jobExecutionId);
                    progress.advance(1);
                    results.add(r);
                    if (r.loaded()) {
                        contribution.incrementReadCount();
                        contribution.incrementWriteCount(r.load().changes().size());
                    }
                  }
                }
                for (Path other : InboxFiles.others(inbox, explanationDir)) {
                    results.add(ingester.refuseOther(c, other, jobExecutionId));
                }
                List<String> unwritten = results.stream().filter(r -> r.feedbackFailure() != null)
                        .map(r -> r.file().getFileName() + " (" + r.feedbackFailure() + ")").toList();
                if (!unwritten.isEmpty()) {
                    contribution.setExitStatus(new ExitStatus(WarehouseTasklet.WARNINGS, unwritten.size()
                            + " feedback workbook(s) not written, the next run writes them: " + String.join("; ", unwritten)));
                }
            } finally {
                // also when a file fails the step: the files committed before it are in the summary
                WarehouseTasklet.refusedFiles(contribution.getStepExecution(), java.util.stream.Stream.concat(held.stream(),
                        results.stream().filter(r -> !r.loaded() && r.status() != FileStatus.UNCHANGED && r.fileId() != null)
                                .map(FileResult::fileId)).distinct().toList());
                if (reference != null) {
                    contribution.getStepExecution().getExecutionContext().putString(WarehouseTasklet.SUMMARY_KEY,
                            String.join("\n", summary(inbox, mappings, reference, results)));
                }
            }
            return RepeatStatus.FINISHED;
        }

        static List<String> summary(Path inbox, SourceMappings mappings, ReferenceData reference, List<FileResult> results) {
            List<String> lines = new ArrayList<>();
            long loaded = results.stream().filter(FileResult::loaded).count();
            long unchanged = results.stream().filter(r -> r.status() == FileStatus.UNCHANGED).count();
            long others = results.stream().filter(r -> !InboxFiles.isSpreadsheet(r.file())).count();
            long refused = results.size() - loaded - unchanged - others;
            lines.add((results.size() - others) + " spreadsheets in " + inbox + " (" + mappings.all().size() + " templates): "
                    + loaded + " loaded, " + unchanged + " unchanged since last run, " + refused + " refused"
                    + (others == 0 ? "" : "; " + others + " other files (not spreadsheets or platform exports) refused"));
            for (FileResult r : results) {
                if (r.status() == FileStatus.UNCHANGED) {
                    continue;
                }
                if (!r.loaded()) {
                    lines.add("[" + r.status() + "] " + r.file().getFileName() + ": " + r.message());
                    continue;
                }
                FileResult.Load load = r.load();
                long revised = load.changes().stream().filter(ch -> ch.oldValue() != null).count();
                lines.add("[" + r.status() + "] " + r.file().getFileName() + " -> " + load.mappingId() + " " + load.bureauCode()
                        + " " + load.period() + " revision " + load.revision() + ": " + load.counts() + "; "
                        + (load.changes().size() - revised) + " new, " + revised + " revised figures"
                        + (r.feedback() == null ? "" : "; feedback " + r.feedback()));
                for (FactWriter.Change ch : load.changes()) {
                    if (ch.oldValue() != null) {
                        lines.add("    changed " + ch.indicatorCode() + " " + reference.townName(ch.townCode()) + " " + ch.periodCode() + ": "
                                + num(ch.oldValue()) + " -> " + num(ch.newValue()) + " (revision " + ch.revision() + ")");
                    }
                }
                load.notes().forEach(n -> lines.add("    " + n));
                if (load.notedCount() > load.notes().size()) {
                    lines.add("    ... " + (load.notedCount() - load.notes().size()) + " more findings");
                }
            }
            return lines;
        }

        private static String num(Double d) {
            return d == null ? "-" : java.math.BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
        }
    }
}
