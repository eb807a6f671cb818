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
