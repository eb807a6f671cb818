package com.qiyouxiang.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.evaluation.Quarter;
import com.qiyouxiang.intake.pull.PullRefusedException;
import com.qiyouxiang.operations.RunFiles.RunFile;
import com.qiyouxiang.operations.RunWarnings.CheckWarning;
import com.qiyouxiang.operations.RunWarnings.Warning;
import com.qiyouxiang.warehouse.SqlFiles;

/**
 * The run summary the data clerk reads on the console, in Chinese and on one screen (at most
 * {@link #MAX_LINES} lines): the outcome and exit code in words, the files by kind and status with
 * rows that reconcile with etl_file, the files not loaded with their reasons, what needs doing, each
 * step in its own terms (files, figures, lights, checks: never generic read/write counters), and
 * where the feedback workbooks and the full run log are. Names, not codes: bureaus, towns, periods.
 */
public final class ClerkSummary {

    public static final int MAX_LINES = 40;
    private static final int MAX_LISTED = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("reference", "指标目录");
        KINDS.put("spreadsheet", "部门报表");
        KINDS.put("platform", "数据平台导出");
        KINDS.put("explanation", "情况说明");
    }

    private final JdbcTemplate jdbc;

    /** @param jdbc the warehouse, or null when it is not open (a run that failed before opening it) */
    public ClerkSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String render(JobExecution job, WholeExecution run, List<RunFile> files, List<CheckWarning> checks,
                         List<Warning> warnings, int exitCode, Path runLog, Path feedbackDir) {
        List<String> lines = new ArrayList<>();
        String rule = "─".repeat(40);
        lines.add(rule);
        lines.add("七优享数据仓运行结果：" + jobName(job.getJobInstance().getJobName()) + "，" + outcome(exitCode)
                + "（退出码 " + exitCode + "）");
        lines.add("时间：" + (job.getStartTime() == null ? "-" : job.getStartTime().format(TIME)) + " 起，用时 "
                + duration(run, job) + (run.ids().size() > 1 ? "；本次为续跑，接续上次中断的运行（已完成的步骤不重做）" : ""));
        fileLines(files, lines);
        List<RunFile> refused = files.stream().filter(f -> !f.loadedAtAll()).toList();
        if (!refused.isEmpty()) {
            lines.add(refused.stream().anyMatch(f -> f.status().equals("quarantined"))
                    ? "未能入库的文件（已隔离的文件在隔离文件夹中，其余仍在收件箱中，请按原因处理）："
                    : "未能入库的文件（文件仍在收件箱中，请按原因处理）：");
            refused.stream().limit(MAX_LISTED).forEach(f -> lines.add("  " + f.fileName()
                    + (f.bureauName() == null ? "" : "（" + f.bureauName() + "）") + "：" + f.message()
                    + (f.thisRun() ? "" : "【此前已收到】")));
            more(lines, refused.size(), runLog);
        }
        if (!warnings.isEmpty()) {
            lines.add("需要处理：");
            warnings.stream().limit(MAX_LISTED).forEach(w -> lines.add("  - " + w.chinese()));
            more(lines, warnings.size(), runLog);
        }
        revisions(run, lines);
        lines.add("各步骤：");
        for (StepExecution step : run.steps()) {
            lines.add(String.format("  %s：%s%s", StepNames.of(step.getStepName()), stepStatus(step), stepDetail(step, run, files, checks)));
        }
        for (StepExecution step : run.steps()) {
            refusal(step).ifPresent(why -> lines.add("  " + StepNames.of(step.getStepName()) + "未完成：" + why));
        }
        if (job.getStatus() != BatchStatus.COMPLETED) {
            lines.add("运行未完成：请再次运行同一命令（例如 jobs/nightly）续跑，已完成的步骤不会重做；");
            lines.add("  如再次失败，请把运行记录发给技术支持（技术细节只写在运行记录中）。");
        }
        int footer = lines.size(); // from here on: where things are, kept whole when the summary is cut
        long feedback = feedbackWorkbooks(feedbackDir);
        String todayFolder = feedbackDir == null ? null : feedbackDir.resolve(LocalDate.now().toString()).toString();
        if (feedback > 0) {
            lines.add("反馈表（发给报送单位）：今日 " + feedback + " 份，在 " + todayFolder);
        }
        List<LaterWorkbook> later = laterFeedback(run);
        if (feedbackDir != null && !later.isEmpty()) {
            // a file loaded before (this night or earlier) whose figures a later check flagged: its supplementary workbook
            // is named here, or nobody would send it; in today's folder (named just above), so by its name
            String announce = "新增数据核实 " + later.size() + " 份（此前入库的文件经后续核对发现问题，请一并发给报送单位）：";
            if (feedback > 0) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "；其中" + announce);
            } else {
                lines.add(announce);
            }
            later.stream().limit(MAX_LISTED).forEach(w -> lines.add("  " + (feedback > 0 && w.day().equals(LocalDate.now().toString())
                    ? w.name() : feedbackDir.resolve(w.day()).resolve(w.name()).toString()) + "（" + (w.bureau() == null ? ""
                    : w.bureau() + "，") + "新发现 " + w.findings() + " 处）"));
            more(lines, later.size(), runLog);
        }
        if (runLog != null) {
            lines.add("运行记录（完整清单）：" + runLog);
        }
        lines.add(rule);
        if (lines.size() > MAX_LINES) { // keep the head and the footer (where things are), cut before the footer
            List<String> cut = new ArrayList<>(lines.subList(0, MAX_LINES - (lines.size() - footer) - 1));
            cut.add("……其余 " + (lines.size() - MAX_LINES + 1) + " 行见运行记录");
            cut.addAll(lines.subList(footer, lines.size()));
            return String.join("\n", cut);
        }
        return String.join("\n", lines);
    }

    /** The feedback workbooks of today's folder; 0 when there is none (a run that wrote no feedback names no folder). */
    private static long feedbackWorkbooks(Path feedbackDir) {
        if (feedbackDir == null) {
            return 0;
        }
        Path today = feedbackDir.resolve(LocalDate.now().toString());
        if (!Files.isDirectory(today)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(today)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).count();
        } catch (IOException unreadable) {
            return 0;
        }
    }

    /** The clerk's reason a pull refused to go on (credentials, a changed interface, a limit), if that is why a step failed. */
    private static java.util.Optional<String> refusal(StepExecution step) {
        for (Throwable t : step.getFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof PullRefusedException) {
                    return java.util.Optional.of(c.getMessage());
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String jobName(String job) {
        return switch (job) {
            case "nightlyJob" -> "每日运行";
            case "quarterlyJob" -> "季度运行";
            case "referenceJob" -> "基础数据";
            case "ingestJob" -> "部门报表入库";
            case "platformJob" -> "数据平台导出入库";
            case "pullJob" -> "自动收取（数据平台接口、邮箱、SFTP）";
            case "replyJob" -> "回复报送单位";
            case "reviewJob" -> "情况说明与催报";
            case "evaluationJob" -> "季度评价";
            case "publishJob" -> "发布";
            default -> job;
        };
    }

    private static String outcome(int exitCode) {
        return switch (exitCode) {
            case ExitCodes.SUCCESS -> "成功，无需处理";
            case ExitCodes.SUCCESS_WITH_WARNINGS -> "已完成，但有需要处理的问题";
            default -> "运行失败";
        };
    }

    /** One line a kind of file: loaded (with rejects), refused; then the rows, which reconcile as etl_file's. */
    private static void fileLines(List<RunFile> files, List<String> lines) {
        if (files.isEmpty()) {
            lines.add("文件：本次没有新文件");
            return;
        }
        long read = files.stream().mapToLong(RunFile::read).sum();
        lines.add(String.format("文件：共 %d 个；数据行：读取 %,d 行（入库 %,d + 退回 %,d + 忽略 %,d，忽略的是标题、表头、空行等）",
                files.size(), read, files.stream().mapToLong(RunFile::loaded).sum(), files.stream().mapToLong(RunFile::rejected).sum(),
                files.stream().mapToLong(RunFile::ignored).sum()));
        Map<String, List<RunFile>> byKind = new LinkedHashMap<>();
        KINDS.keySet().forEach(k -> byKind.put(k, new ArrayList<>()));
        files.forEach(f -> byKind.computeIfAbsent(f.sourceKind().startsWith("platform") ? "platform" : f.sourceKind(),
                k -> new ArrayList<>()).add(f));
        byKind.forEach((kind, list) -> {
            if (list.isEmpty()) {
                return;
            }
            long loaded = list.stream().filter(RunFile::loadedAtAll).count();
            long withRejects = list.stream().filter(f -> f.loadedAtAll() && f.rejected() > 0).count();
            long refused = list.size() - loaded;
            lines.add("  " + KINDS.getOrDefault(kind, kind) + "：" + loaded + " 个已入库"
                    + (withRejects == 0 ? "" : "（其中 " + withRejects + " 个有退回数据）")
                    + (refused == 0 ? "" : "，" + refused + " 个未能入库"));
        });
    }

    private void revisions(WholeExecution run, List<String> lines) {
        if (jdbc == null) {
            return;
        }
        List<String> revised = revised(run.idList());
        if (!revised.isEmpty()) {
            lines.add("修订的数值（前 " + revised.size() + " 个）：");
            lines.addAll(revised);
        }
    }

    /** The first figures these job executions revised, old → new, as the report writes them (4.23%, not 4.2364). */
    List<String> revised(String jobExecutionIds) {
        String sql = SqlFiles.read("statements/operations/run_revisions.sql", Map.of("job_execution_ids", jobExecutionIds, "max_rows", 3));
        // the display macros are TEMP: created on the connection that runs the query
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<List<String>>) c -> {
            com.qiyouxiang.warehouse.Warehouse.runScript(c, "statements/warehouse/display_macros.sql");
            List<String> out = new ArrayList<>();
            try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add("  " + rs.getString("indicator_name") + "（" + rs.getString("town_name") + "，"
                            + rs.getString("period_label") + "）：" + shown(rs.getString("old_shown")) + " → " + shown(rs.getString("new_shown")));
                }
            }
            return out;
        });
    }

    /**
     * Why a step failed, when the clerk can act on it: a full disk and other I/O errors with their own words (the
     * original cause, never what a closed statement says after it), a damaged warehouse with its Chinese line.
     */
    static String failureZh(StepExecution step) {
        for (Throwable failure : step.getFailureExceptions()) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                String m = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
                if (m.contains("No space left on device") || m.contains("Disk quota exceeded") || m.contains("not enough space")) {
                    return "，原因：磁盘空间已满（" + m + "），请清理磁盘后再次运行";
                }
                if (com.qiyouxiang.warehouse.DamagedFile.isCorruption(t) && m.contains("已损坏")) {
                    return "，原因：" + m;
                }
                if (t instanceof java.io.IOException) {
                    return "，原因：读写文件出错（" + m + "）";
                }
            }
        }
        return "";
    }

    private static String stepStatus(StepExecution step) {
        return switch (step.getStatus()) {
            case COMPLETED -> "完成";
            case FAILED -> "失败";
            case STARTED, STARTING -> "进行中";
            case STOPPED, STOPPING -> "已停止";
            default -> step.getStatus().toString();
        };
    }

    /** What the step did, in its own terms. */
    private String stepDetail(StepExecution step, WholeExecution run, List<RunFile> files, List<CheckWarning> checks) {
        if (step.getStatus() == BatchStatus.FAILED) {
            return failureZh(step);
        }
        if (jdbc == null || step.getStatus() != BatchStatus.COMPLETED) {
            return "";
        }
        Map<String, Object> ids = Map.of("job_execution_ids", run.idList());
        return switch (step.getStepName()) {
            case "loadReferenceData" -> "，" + count("SELECT count(*) FROM dim_bureau") + " 个部门、"
                    + count("SELECT count(*) FROM dim_domain") + " 个领域、" + count("SELECT count(*) FROM dim_town WHERE level = 'town'")
                    + " 个镇街";
            case "loadIndicatorCatalog" -> "，" + count("SELECT count(*) FROM dim_indicator WHERE is_current") + " 个指标" + rows(files, "reference");
            case "ingestSpreadsheets" -> filesOf(files, "spreadsheet") + figures(ids, "spreadsheet");
            case "platformLoad" -> filesOf(files, "platform_indicator", "platform_records", "platform") + figures(ids, "platform");
            case "platformDerive" -> figures(ids, "derived");
            case "platformPull" -> pulled(ids, "platform");
            case "mailPull" -> pulled(ids, "mail");
            case "sftpPull" -> pulled(ids, "sftp");
            case "mailReply" -> "，" + step.getWriteCount() + " 封邮件" + (step.getExecutionContext().getString(
                    com.qiyouxiang.batch.WarehouseTasklet.SUMMARY_KEY, "").contains("dry run") ? "已生成（试运行，未发送）" : "已发送");
            case "loadExplanations" -> filesOf(files, "explanation");
            case "recordMissingFigures" -> missing(ids);
            case "writeLaterFeedback" -> step.getWriteCount() == 0 ? "，没有入库后新发现的问题"
                    : "，" + step.getWriteCount() + " 份补充反馈表（见下）";
            case "refreshQuarters", "evaluateQuarter" -> lights();
            case "dataQualityChecks" -> checks.isEmpty() ? "，全部检查通过" : "，" + checks.size() + " 项检查未通过（见上）";
            case "publishMarts" -> "，已发布评价数据集和 BI 数据文件";
            case "writeQuarterlyReport" -> "，已生成季度调度报告";
            default -> "";
        };
    }

    /** What a pull brought into the inbox in this run (pull_file). */
    private String pulled(Map<String, Object> ids, String source) {
        Map<String, Object> params = new java.util.HashMap<>(ids);
        params.put("source", source);
        long[] n = jdbc.queryForObject(SqlFiles.read("statements/operations/run_pulls.sql", params),
                (rs, i) -> new long[] {rs.getLong("files"), rs.getLong("quarantined")});
        return "，" + n[0] + " 个文件放入收件箱" + (n[0] == 0 ? "（没有新数据）" : "")
                + (n[1] == 0 ? "" : "，" + n[1] + " 封邮件已隔离（发件人不在通讯录或没有可用附件，未入库）");
    }

    /** A supplementary feedback workbook: its folder's day, its name, its bureau, the findings it tells first. */
    private record LaterWorkbook(String day, String name, String bureau, long findings) {
    }

    /** The supplementary feedback workbooks (补充反馈表) this run wrote, as recorded in etl_feedback_finding. */
    private List<LaterWorkbook> laterFeedback(WholeExecution run) {
        if (jdbc == null) {
            return List.of();
        }
        return jdbc.query(SqlFiles.read("statements/operations/run_later_feedback.sql", Map.of("job_execution_ids", run.idList())),
                (rs, i) -> new LaterWorkbook(rs.getString("workbook_day"), rs.getString("workbook_name"), rs.getString("bureau_name"),
                        rs.getLong("findings")));
    }

    private static String filesOf(List<RunFile> files, String... kinds) {
        List<String> wanted = List.of(kinds);
        List<RunFile> mine = files.stream().filter(f -> wanted.contains(f.sourceKind())).toList();
        long loaded = mine.stream().filter(RunFile::loadedAtAll).count();
        return "，" + loaded + " 个文件入库" + (mine.size() == loaded ? "" : "，" + (mine.size() - loaded) + " 个未能入库")
                + (mine.isEmpty() ? "（没有新文件）" : "");
    }

    private static String rows(List<RunFile> files, String kind) {
        List<RunFile> mine = files.stream().filter(f -> f.sourceKind().equals(kind)).toList();
        if (mine.isEmpty()) {
            return "（目录未变）";
        }
        return String.format("，读取 %d 行：入库 %d、退回 %d、忽略 %d", mine.stream().mapToLong(RunFile::read).sum(),
                mine.stream().mapToLong(RunFile::loaded).sum(), mine.stream().mapToLong(RunFile::rejected).sum(),
                mine.stream().mapToLong(RunFile::ignored).sum());
    }

    private String figures(Map<String, Object> ids, String sourceKind) {
        List<long[]> rows = jdbc.query(SqlFiles.read("statements/operations/run_fact_changes.sql", ids),
                (rs, i) -> rs.getString("source_kind").equals(sourceKind)
                        ? new long[] {rs.getLong("new_figures"), rs.getLong("revised_figures")} : null);
        long[] n = rows.stream().filter(java.util.Objects::nonNull).findFirst().orElse(new long[2]);
        return String.format("，新增 %,d 个数值、修订 %,d 个", n[0], n[1]);
    }

    private String missing(Map<String, Object> ids) {
        List<String> byBureau = jdbc.query(SqlFiles.read("statements/operations/run_missing_by_bureau.sql", ids),
                (rs, i) -> rs.getString("bureau_name") + " " + rs.getLong("figures"));
        long total = byBureau.stream().mapToLong(s -> Long.parseLong(s.substring(s.lastIndexOf(' ') + 1))).sum();
        return total == 0 ? "，没有应报未报的数值" : "，" + total + " 个数值应报未报（" + String.join("、", byBureau) + "）";
    }

    private String lights() {
        List<String> l = jdbc.query(SqlFiles.read("statements/operations/run_lights.sql",
                Map.of("quarter", Quarter.lastClosed(LocalDate.now()).code())), (rs, i) -> "，" + rs.getString("quarter_label") + " "
                + rs.getLong("indicators") + " 个指标：绿灯 " + rs.getLong("green") + "、黄灯 " + rs.getLong("yellow") + "、红灯 "
                + rs.getLong("red") + "、灰灯 " + rs.getLong("grey") + "（不评价）");
        return l.isEmpty() ? "" : l.get(0);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static void more(List<String> lines, int size, Path runLog) {
        if (size > MAX_LISTED) {
            lines.add("  ……另有 " + (size - MAX_LISTED) + " 个，见运行记录" + (runLog == null ? "" : " " + runLog.getFileName()));
        }
    }

    private static String shown(String value) {
        return value == null ? "（空）" : value;
    }

    private static String duration(WholeExecution run, JobExecution job) {
        Duration d = 
                Duration.between(job.getStartTime() == null ? LocalDateTime.now() : job.getStartTime(),
                        job.getEndTime() == null ? LocalDateTime.now() : job.getEndTime());
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + " 分 " + (s % 60) + " 秒" : s + " 秒";
    }
}
