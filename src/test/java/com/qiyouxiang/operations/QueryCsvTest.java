package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
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
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE mart_x (id INTEGER, name VARCHAR, deviation DOUBLE)");
            int id = 0;
            for (String evil : InjectionStrings.ALL) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO mart_x VALUES (?, ?, -0.5)")) {
                    p.setInt(1, id++);
                    p.setString(2, evil);
                    p.executeUpdate();
                }
            }
        }
        String csv = CommandRunner.run(db, "SELECT * FROM mart_x ORDER BY id", true);
        assertThat(csv).startsWith("\uFEFFid,name,deviation\r\n");
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).extracting(r -> r.get("name")).containsExactlyElementsOf(InjectionStrings.neutralised());
        assertThat(records).extracting(r -> r.get("deviation")).containsOnly("-0.5");
    }
}
