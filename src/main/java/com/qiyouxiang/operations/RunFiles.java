package com.qiyouxiang.operations;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.batch.WarehouseTasklet;

/** The files of a whole run (sql/operations/run_files.sql): what it registered, and refused files still in the inbox. */
public final class RunFiles {

    /** One etl_file row; {@code thisRun} is false for a file refused on an earlier night and still in the inbox. */
    public record RunFile(long fileId, String fileName, String sourceKind, String status, String bureauName,
                          long read, long loaded, long rejected, long ignored, String message, boolean thisRun) {

        /** Read and loaded (perhaps with rejected rows); every other status means the file was refused. */
        public boolean loadedAtAll() {
            return status.startsWith("loaded");
        }
    }

    private RunFiles() {
    }

    public static List<RunFile> of(JdbcTemplate jdbc, WholeExecution run) {
        String sql = SqlFiles.read("statements/operations/run_files.sql",
                Map.of("job_execution_ids", run.idList(), "seen_file_ids", String.join(",", seenAgain(run))));
        return jdbc.query(sql, (rs, i) -> new RunFile(rs.getLong("file_id"), rs.getString("file_name"),
                rs.getString("source_kind"), rs.getString("status"), rs.getString("bureau_name"), rs.getLong("rows_read"),
                rs.getLong("rows_loaded"), rs.getLong("rows_rejected"), rs.getLong("rows_ignored"), rs.getString("message"),
                rs.getBoolean("this_run")));
    }

    /** The ids of refused files the ingest steps found again in the inbox (registered on an earlier night). */
    private static Set<String> seenAgain(WholeExecution run) {
        Set<String> ids = new LinkedHashSet<>();
        for (StepExecution step : run.steps()) {
            if (step.getExecutionContext().containsKey(WarehouseTasklet.REFUSED_FILES_KEY)) {
                for (String id : step.getExecutionContext().getString(WarehouseTasklet.REFUSED_FILES_KEY).split(",")) {
                    if (!id.isBlank()) {
                        ids.add(id.strip());
                    }
                }
            }
        }
        return ids;
    }
}
