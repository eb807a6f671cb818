package com.qiyouxiang.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facts keep every revision: a changed figure becomes the current one, the old one stays queryable. */
class FactWriterTest {

    @TempDir
    Path dir;

    @Test
    void newChangedAndUnchangedFigures() throws Exception {
        try (Warehouse w = new Warehouse(dir.resolve("w.duckdb")); Connection c = w.connect()) {
            List<FactWriter.Change> first = FactWriter.write(c, List.of(
                    Observation.of("H01", "330681001", "2024Q2", 4.1),
                    new Observation("H02", "330681001", "2024Q2", 62.5, 125.0, 200.0, "A")), "spreadsheet", "WJ", 1L, "a.xlsx", 7L);
            assertThat(first).extracting(FactWriter.Change::oldValue, FactWriter.Change::newValue, FactWriter.Change::revision)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(null, 4.1, 1), org.assertj.core.groups.Tuple.tuple(null, 62.5, 1));

            List<FactWriter.Change> resubmitted = FactWriter.write(c, List.of(
                    Observation.of("H01", "330681001", "2024Q2", 4.3),
                    new Observation("H02", "330681001", "2024Q2", 62.5, 125.0, 200.0, "A")), "spreadsheet", "WJ", 2L, "a-v2.xlsx", 8L);
            assertThat(resubmitted).hasSize(1);
            assertThat(resubmitted.get(0)).isEqualTo(new FactWriter.Change("H01", "330681001", "2024Q2", 4.1, 4.3, 2));

            var jdbc = w.jdbc();
            assertThat(jdbc.queryForList("""
                    SELECT value || ' r' || revision || ' ' || obs_status || ' ' || is_current || ' ' || source_file
                    FROM fct_indicator_value WHERE indicator_code = 'H01' ORDER BY revision""", String.class))
                    .containsExactly("4.1 r1 A false a.xlsx", "4.3 r2 R true a-v2.xlsx");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value WHERE indicator_code = 'H02'", Integer.class)).isEqualTo(1);

            // the same figure from another source is kept beside it, not a revision of it
            FactWriter.write(c, List.of(Observation.of("H01", "330681001", "2024Q2", 4.0)), "derived", null, 3L, "records.csv", 9L);
            assertThat(jdbc.queryForList("SELECT source_kind || '=' || value FROM fct_indicator_value WHERE indicator_code = 'H01' AND is_current ORDER BY 1",
                    String.class)).containsExactly("derived=4.0", "spreadsheet=4.3");

            // writing the same again changes nothing
            assertThat(FactWriter.write(c, List.of(Observation.of("H01", "330681001", "2024Q2", 4.3)), "spreadsheet", "WJ", 4L, "a-v2.xlsx", 10L)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value", Integer.class)).isEqualTo(4);
        }
    }
}
