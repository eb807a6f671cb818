package com.qiyouxiang.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.warehouse.FileLimits;
import com.qiyouxiang.warehouse.FileRefusal;
import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.Quarantine;
import com.qiyouxiang.warehouse.QuarantineProperties;
import com.qiyouxiang.warehouse.ReadingMarks;
import com.qiyouxiang.warehouse.RefusedFiles;
import com.qiyouxiang.warehouse.Warehouse;
import com.qiyouxiang.warehouse.WarehouseProperties;

/**
 * reviewJob: the review side of the rule catalogue, after the ingests.
 * <ol>
 * <li>loadExplanations: every explanation file (情况说明 .csv/.xlsx/.xls) in qyx.validation.explanation-dir
 *     (or job parameter {@code explanationDir}) into etl_explanation; matching 核实性 results and their
 *     facts become 已说明. Files already loaded are skipped by checksum.</li>
 * <li>recordMissingFigures: for job parameter {@code period} ('2024Q2' or '2024') and optional
 *     {@code bureau} code, the figures of that period owed and not reported (R-MISSING, 提示性) stored in
 *     fct_rule_result for the 催报 list, replacing an earlier run's list for the same period; without a
 *     period, every figure owed as of the last quarter that has ended (its quarterly figures and the
 *     annual year owed by then: the list, and the count, of mart_data_completeness for that quarter).</li>
 * </ol>
 * The lead may add both steps to the nightly job after the ingest steps.
 */
@Configuration
public class ReviewJobConfig {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReviewJobConfig.class);

    static final List<String> KINDS = List.of(Explanations.SOURCE_KIND);

    /** Records a 情况说明 file that is not read, with its reason, in the step's transaction; returns its etl_file id. */
    private static long refuse(Connection c, Path file, String checksum, FileRefusal refusal, Long jobExecutionId,
                               List<String> lines) throws java.sql.SQLException {
        RefusedFiles.Registered r = RefusedFiles.record(c, file, checksum, Explanations.SOURCE_KIND, refusal, null, jobExecutionId);
        lines.add(file.getFileName() + ": " + refusal.status() + " (" + refusal.reasonCode() + ")");
        return r.fileId();
    }

    @Bean
    public Job reviewJob(JobRepository jobRepository, Step loadExplanations, Step recordMissingFigures) {
        return new JobBuilder("reviewJob", jobRepository)
                .start(loadExplanations)
                .next(recordMissingFigures)
                .build();
    }

    @Bean
    public Step loadExplanations(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                                 ValidationProperties properties, CatalogueValueRules rules, FileLimits limits,
                                 QuarantineProperties quarantine) {
        return new StepBuilder("loadExplanations", jobRepository).tasklet(new WarehouseTasklet(warehouse) {
            @Override
            protected List<String> work(Connection c, StepContribution contribution, ChunkContext context) throws Exception {
                Object param = context.getStepContext().getJobParameters().get("explanationDir");
                Path dir = param == null ? properties.explanationDir() : Path.of(param.toString());
                if (!Files.isDirectory(dir)) {
                    return List.of("no explanation folder " + dir + " (qyx.validation.explanation-dir)");
                }
                List<String> lines = new ArrayList<>();
                List<Path> files = new ArrayList<>();
                List<Long> refused = new ArrayList<>();
                Long jobExecutionId = jobExecutionId(context);
                // the 情况说明 files a launch died reading: out of the folder, never read again by themselves (committed now)
                for (Quarantine.Quarantined q : Quarantine.sweep(c, quarantine.quarantineDir(), KINDS, jobExecutionId)) {
                    lines.add(q.from().getFileName() + ": quarantined (" + q.to() + ")");
                }
                refused.addAll(Quarantine.stillHeld(c, KINDS));
                List<Path> all;
                try (Stream<Path> list = Files.list(dir)) {
                    all = list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("~$")
                            && !p.getFileName().toString().startsWith(".")).sorted().toList();
                }
                for (Path file : all) {
                    FileRefusal refusal;
                    try {
                        refusal = ExplanationFileReader.accepts(file) ? FileRefusal.inspect(file) : FileRefusal.NOT_A_DATA_FILE;
                    } catch (IOException | RuntimeException | Error e) {
                        refusal = FileRefusal.UNREADABLE;
                    }
                    if (refusal == null) {
                        files.add(file);
                        continue;
                    }
                    refused.add(refuse(c, file, FileRegistry.sha256(file), refusal, jobExecutionId, lines));
                }
                limits.guardPoi();
                int read = 0;
                try (ReadingMarks marks = new ReadingMarks(warehouse)) {
                    for (Path file : files) {
                        String checksum = FileRegistry.sha256(file);
                        List<ExplanationFileReader.Line> content = null;
                        if (FileRegistry.findProcessed(c, checksum, Explanations.SOURCE_KIND) == null) {
                            if (Quarantine.held(c, file, checksum, KINDS)) {
                                lines.add(file.getFileName() + ": quarantined before, not read again");
                                continue;
                            }
                            long mark = marks.reading(file, checksum, Explanations.SOURCE_KIND, jobExecutionId);
                            try {
                                content = ExplanationFileReader.read(file, limits.start(file.getFileName().toString()));
                            } catch (Throwable e) {
                                // whatever the file made the reader throw, Errors included: that file fails, not the step
                                FileRefusal failed = FileRefusal.failed(e, file.getFileName().toString());
                                if (failed == null) {
                                    failed = FileRefusal.of(e) != null ? FileRefusal.of(e) : FileRefusal.UNREADABLE;
                                }
                                log.warn("{}: refused ({}): {}", file.getFileName(), failed.reasonCode(), e.toString());
                                refused.add(refuse(c, file, checksum, failed, jobExecutionId, lines));
                                continue;
                            } finally {
                                marks.done(mark);
                            }
                        }
                        read++;
                        Explanations.Outcome o = Explanations.load(c, file, content, rules.catalogue(), jobExecutionId);
                        contribution.getStepExecution().setReadCount(contribution.getStepExecution().getReadCount()
                                + o.counts().rowsRead());
                        contribution.incrementWriteCount(o.loaded());
                        lines.add(file.getFileName() + ": " + (o.duplicate() ? "already loaded" : o.counts().toString()));
                        o.rejects().forEach(r -> lines.add("  rejected " + (r.cellRef() != null ? r.cellRef() : "line " + r.rowNumber())
                                + " [" + r.reasonCode() + "] " + r.messageZh()));
                    }
                }
                WarehouseTasklet.refusedFiles(contribution.getStepExecution(), refused.stream().distinct().toList());
                lines.add(0, read + " explanation file(s) in " + dir + (refused.isEmpty() ? "" : ", " + refused.size() + " other file(s) refused"));
                return lines;
            }
        }, tx).build();
    }

    @Bean
    public Step recordMissingFigures(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                                     WarehouseProperties warehouseProperties, CatalogueValueRules rules,
                                     ValidationProperties validation) {
        return new StepBuilder("recordMissingFigures", jobRepository).tasklet(new WarehouseTasklet(warehouse) {
            @Override
            protected List<String> work(Connection c, StepContribution contribution, ChunkContext context) throws Exception {
                Map<String, Object> params = context.getStepContext().getJobParameters();
                String bureau = params.get("bureau") == null ? null : params.get("bureau").toString();
                String period;
                List<RuleResult> missing;
                if (params.get("period") == null) {
                    period = lastEndedQuarter(LocalDate.now());
                    missing = MissingFigures.recordAsOf(c, rules.catalogue(), warehouseProperties.referenceDir(), bureau,
                            period, jobExecutionId(context), validation.countUnverified());
                } else {
                    period = params.get("period").toString();
                    missing = MissingFigures.record(c, rules.catalogue(), warehouseProperties.referenceDir(), bureau,
                            period, jobExecutionId(context), validation.countUnverified());
                }
                contribution.incrementWriteCount(missing.size());
                Map<String, Integer> perBureau = new TreeMap<>();
                missing.forEach(r -> perBureau.merge(r.bureauCode(), 1, Integer::sum));
                List<String> lines = new ArrayList<>();
                lines.add(missing.size() + " figure(s) owed and not reported for " + period + " (应报未报, 提示性)");
                perBureau.forEach((b, n) -> lines.add("  " + b + ": " + n));
                return lines;
            }
        }, tx).build();
    }

    /** '2024Q2' for any day of 2024Q3; '2023Q4' in 2024Q1. */
    static String lastEndedQuarter(LocalDate today) {
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        return quarter == 1 ? (today.getYear() - 1) + "Q4" : today.getYear() + "Q" + (quarter - 1);
    }
}
