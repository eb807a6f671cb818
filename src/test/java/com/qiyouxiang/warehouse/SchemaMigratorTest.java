package com.qiyouxiang.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema is applied once, in order, and a warehouse made by the first version upgrades in place. */
class SchemaMigratorTest {

    @TempDir
    Path dir;

    @Test
    void upgradesAWarehouseMadeByTheFirstVersionWithoutLosingRows() throws Exception {
        Path file = dir.resolve("v1.duckdb");
        try (Warehouse v1 = new Warehouse(file, false); Connection c = v1.connect()) {
            assertThat(SchemaMigrator.migrate(c, 1)).containsExactly(1);
            try (Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO fct_indicator_value (indicator_code, town_code, period_code, value, source_kind, bureau_code)
                        VALUES ('H01', '330681', '2023Q4', 4.1, 'spreadsheet', 'WJ'), ('H02', '330681001', '2023Q4', 61.5, 'spreadsheet', 'WJ')""");
            }
        }

        List<Integer> applied;
        try (Warehouse upgraded = new Warehouse(file, false); Connection c = upgraded.connect()) {
            applied = SchemaMigrator.migrate(c);
            var jdbc = upgraded.jdbc();
            assertThat(jdbc.queryForList("SELECT indicator_code || '@' || town_code || '=' || value FROM fct_indicator_value ORDER BY 1",
                    String.class)).containsExactly("H01@330681=4.1", "H02@330681001=61.5");
            // V002's columns exist on the old rows, empty
            assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value WHERE file_id IS NULL", Integer.class)).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_file", Integer.class)).isZero();
            // new rows still get ids after the old ones
            jdbc.execute("INSERT INTO fct_indicator_value (indicator_code, town_code, period_code, value, source_kind) VALUES ('H01', '330681', '2024Q1', 4.2, 'spreadsheet')");
            assertThat(jdbc.queryForObject("SELECT max(value_id) FROM fct_indicator_value", Long.class)).isEqualTo(3L);
            assertThat(jdbc.queryForList("SELECT version FROM schema_version ORDER BY version", Integer.class))
                    .isEqualTo(SchemaMigrator.available().stream().map(SchemaMigrator.Migration::version).toList());
            // idempotent: nothing left to apply
            assertThat(SchemaMigrator.migrate(c)).isEmpty();
        }
        assertThat(applied).doesNotContain(1).contains(2);
    }

    @Test
    void aWarehouseMadeBeforeV130CountsTheFindingsMadeWhileAFileLoadedAsToldByItsWorkbook() throws Exception {
        try (Warehouse w = new Warehouse(dir.resolve("v121.duckdb"), false); Connection c = w.connect()) {
            SchemaMigrator.migrate(c, 121);
            try (Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO etl_file (file_id, file_name, path, checksum_sha256, size_bytes, source_kind, status, rows_rejected,
                                              processed_at, job_execution_id)
                        VALUES (7, '民政局2024年三季度养老护理员分镇街.xlsx', 'inbox/x.xlsx', 'abc', 1, 'spreadsheet', 'loaded_with_rejects', 1,
                                TIMESTAMP '2024-10-11 02:31:00', 5)""");
                // made in the file's load (its transaction's time), made the night after (cross-source), and a 强制性 one
                s.execute("""
                        INSERT INTO fct_rule_result (rule_result_id, rule_id, rule_version, rule_kind, tier, outcome, reason_code,
                                                     indicator_code, period_code, file_id, message_zh, created_at)
                        VALUES (1, 'R-CHANGE-QOQ', 1, 'change', '核实性', 'failed', 'X', 'H13', '2024Q3', 7, 'm', TIMESTAMP '2024-10-11 02:31:00'),
                               (2, 'R-CROSS-SOURCE', 1, 'cross-source', '核实性', 'failed', 'X', 'H13', '2024Q3', 7, 'm', TIMESTAMP '2024-10-12 02:35:00'),
                               (3, 'R-RANGE-PCT', 1, 'range', '强制性', 'failed', 'X', 'H13', '2024Q3', 7, 'm', TIMESTAMP '2024-10-11 02:31:00')""");
            }
            SchemaMigrator.migrate(c);
            assertThat(w.jdbc().queryForList("SELECT rule_result_id || ' ' || workbook_day || ' ' || workbook_name || ' ' || kind "
                    + "FROM etl_feedback_finding", String.class))
                    .containsExactly("1 2024-10-11 民政局2024年三季度养老护理员分镇街_退回修改.xlsx load");
        }
    }

    @Test
    void refusesAWarehouseFromANewerBuild() throws Exception {
        try (Warehouse w = new Warehouse(dir.resolve("new.duckdb"), false); Connection c = w.connect()) {
            SchemaMigrator.migrate(c);
            w.jdbc().execute("INSERT INTO schema_version (version, description) VALUES (9999, 'from the future')");
            assertThatThrownBy(() -> SchemaMigrator.migrate(c)).hasMessageContaining("9999").hasMessageContaining("newer build");
        }
    }

    @Test
    void migrationsAreNumberedWithoutDuplicates() {
        List<Integer> versions = SchemaMigrator.available().stream().map(SchemaMigrator.Migration::version).toList();
        assertThat(versions).startsWith(1, 2).doesNotHaveDuplicates().isSorted();
    }
}
