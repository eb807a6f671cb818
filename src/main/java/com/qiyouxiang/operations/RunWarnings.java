package com.qiyouxiang.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.operations.RunFiles.RunFile;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.batch.WarehouseTasklet;

/**
 * Why a completed run ends with warnings (exit code 4), over the whole run ({@link WholeExecution}:
 * a restarted run keeps what the launches before it found):
 * <ul>
 * <li>a file refused (unrecognised, failed, quarantined, ... any status but loaded): this night's, and
 * every night while the refused file stays in the inbox;</li>
 * <li>rows rejected from the files this run loaded;</li>
 * <li>a data-quality check that warned (its latest result in the run);</li>
 * <li>a step that ended COMPLETED_WITH_WARNINGS.</li>
 * </ul>
 * Each warning is given in English (run log, exit description) and in Chinese (the console summary).
 */
public final class RunWarnings {

    public record Warning(String english, String chinese) {
    }

    /** A data-quality check result that warned or failed. */
    public record CheckWarning(String checkName, String quarter, String status, long failedRows, String descriptionZh) {
    }

    private RunWarnings() {
    }

    public static List<CheckWarning> checks(JdbcTemplate jdbc, WholeExecution run) {
        return jdbc.query(SqlFiles.read("statements/operations/run_check_warnings.sql", Map.of("job_execution_ids", run.idList())),
                (rs, i) -> new CheckWarning(rs.getString("check_name"), rs.getString("quarter_code"), rs.getString("status"),
                        rs.getLong("failed_rows"), rs.getString("description_zh")));
    }

    public static List<Warning> of(List<RunFile> files, List<CheckWarning> checks, List<StepExecution> steps) {
        List<Warning> warnings = new ArrayList<>();
        Map<String, Integer> refused = new TreeMap<>();
        files.stream().filter(f -> !f.loadedAtAll()).forEach(f -> refused.merge(f.status(), 1, Integer::sum));
        refused.forEach((status, n) -> warnings.add(new Warning(n + " file(s) " + status + " (not loaded; see etl_file.message)",
                n + " 个文件" + FileStatusText.of(status) + "，未能入库")));
        long rejected = files.stream().filter(RunFile::thisRun).mapToLong(RunFile::rejected).sum();
        if (rejected > 0) {
            warnings.add(new Warning(rejected + " row(s) rejected (etl_reject, feedback workbooks)",
                    rejected + " 行数据被退回（见反馈表）"));
        }
        for (CheckWarning c : checks) {
            warnings.add(new Warning("data-quality check " + c.checkName() + " " + c.status() + ": " + c.failedRows() + " row(s)",
                    "数据质量检查“" + c.descriptionZh() + "”未通过：" + c.failedRows() + " 处问题"));
        }
        for (StepExecution s : steps) {
            if (WarehouseTasklet.WARNINGS.equals(s.getExitStatus().getExitCode())) {
                String why = s.getExitStatus().getExitDescription();
                warnings.add(new Warning("step " + s.getStepName() + " reported warnings" + (why == null || why.isBlank() ? "" : ": " + why),
                        "步骤“" + StepNames.of(s.getStepName()) + "”有警告"));
            }
        }
        return warnings;
    }
}
