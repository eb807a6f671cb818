package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.batch.InjectionStrings;

/** jobs/run query ... --csv writes like the published CSVs: a BOM, formula-like text neutralised, numbers as numbers. */
class QueryCsvTest {

    @Test
    void queryCsvHasBomAndNeutralisesInjectionStrings(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("marts.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
            InjectionStrings.table(c, "mart_x", -0.5);
        }
        String csv = CommandRunner.run(db, "SELECT * FROM mart_x ORDER BY id", true);
        assertThat(csv).startsWith("\uFEFFid,name,deviation\r\n");
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).extracting(r -> r.get("name")).containsExactlyElementsOf(InjectionStrings.neutralised());
        assertThat(records).extracting(r -> r.get("deviation")).containsOnly("-0.5");
    }
}
