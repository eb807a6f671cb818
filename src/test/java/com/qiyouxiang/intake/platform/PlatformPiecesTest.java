package com.qiyouxiang.intake.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.samples.PlatformExportWriter;
import com.qiyouxiang.warehouse.SchemaMigrator;
import com.qiyouxiang.warehouse.Warehouse;

/** The platform ingest's small parts, on real files and a real (in-memory) DuckDB. */
class PlatformPiecesTest {

    @TempDir
    Path dir;

    @Test
    void theKeyedHashInSqlIsHmacSha256() throws Exception {
        KeyedHash key = new KeyedHash("a key of the operator's");
        KeyedHash longKey = new KeyedHash("k".repeat(100));   // longer than the block: hashed first, as RFC 2104 says
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            Warehouse.runScript(c, "statements/platform/macros.sql");
            for (KeyedHash k : List.of(key, longKey)) {
                k.install(c);
                for (String id : List.of("33068119800517991X", "110101199003071234", "户编号DB000001")) {
                    try (PreparedStatement p = c.prepareStatement("SELECT keyed_hash(?)")) {
                        p.setString(1, id);
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                            assertThat(rs.getBytes(1)).as(id).isEqualTo(k.hmac(id));
                        }
                    }
                }
            }
            // one vector with NULLs among the values: NULL in, NULL out, the others hashed
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v, keyed_hash(v) FROM (SELECT CASE WHEN i % 3 = 0 THEN NULL"
                         + " ELSE 'ID' || i END AS v FROM range(5000) r(i)) ORDER BY v NULLS FIRST")) {
                int nulls = 0;
                int hashed = 0;
                while (rs.next()) {
                    if (rs.getString(1) == null) {
                        assertThat(rs.getBytes(2)).isNull();
                        nulls++;
                    } else {
                        assertThat(rs.getBytes(2)).as(rs.getString(1)).isEqualTo(longKey.hmac(rs.getString(1)));
                        hashed++;
                    }
                }
                assertThat(nulls).isEqualTo(1667);
                assertThat(hashed).isEqualTo(3333);
            }
            KeyedHash.uninstall(c);
            // after the load the key is gone from the database instance: hashing fails instead of using a stale key
            assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT keyed_hash('330681198001010010')"))
                    .hasMessageContaining("no hash key installed");
        }
        assertThat(key.fingerprint()).hasSize(12).isNotEqualTo(longKey.fingerprint());
    }

    @Test
    void gb11643ChecksAndMasking() throws Exception {
        String valid = PlatformExportWriter.idNumber("330681", 1980, 5, 17, 991);
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(valid, null);
        expected.put("11010519491231002x", "ID_FORMAT");   // lower-case x: the staging SQL upper-cases first
        expected.put(PlatformExportWriter.badCheckDigit(valid), "ID_CHECK_DIGIT");
        expected.put("33068119800230" + "9910", "ID_BIRTH_DATE");
        expected.put("990681198005179910", "ID_REGION");
        expected.put("3306811980051799", "ID_FORMAT");
        expected.put("", "ID_MISSING");
        expected.put("11010519491231002X", null);   // the standard's own example
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            Warehouse.runScript(c, "statements/platform/macros.sql");
            for (Map.Entry<String, String> e : expected.entrySet()) {
                try (PreparedStatement p = c.prepareStatement("SELECT gb11643_problem(?), mask_id(?)")) {
                    p.setString(1, e.getKey());
                    p.setString(2, e.getKey());
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        assertThat(rs.getString(1)).as(e.getKey()).isEqualTo(e.getValue());
                        if (e.getKey().length() == 18) {
                            assertThat(rs.getString(2)).isEqualTo(e.getKey().substring(0, 6) + "********" + e.getKey().substring(14));
                        }
                    }
                }
            }
        }
    }

    @Test
    void idKeyedHashAcceptsExactlyTheNumbersGb11643Accepts() throws Exception {
        // validity is decided in Java (while hashing: Gb11643.valid) and the reason named in SQL (gb11643_problem):
        // both must agree on every number, or a line would be hashed yet rejected, or neither
        KeyedHash key = new KeyedHash("agreement-test-key");
        java.util.Random random = new java.util.Random(11643);
        List<String> ids = new java.util.ArrayList<>(List.of("11010519491231002X", "11010519491231002x", "", "X",
                "33068119800517991", "3306811980051799100", "33068119800517991０", "3306811980O517991X", "-3068119800517991X"));
        for (int i = 0; i < 3000; i++) {
            String province = List.of("11", "33", "46", "54", "65", "82", "10", "19", "99").get(random.nextInt(9));
            String id = PlatformExportWriter.idNumber(province + (1000 + random.nextInt(9000)),
                    1890 + random.nextInt(140), 1 + random.nextInt(13), 1 + random.nextInt(31), random.nextInt(1000));
            ids.add(switch (i % 3) {
                case 0 -> id;
                case 1 -> id.substring(0, 17) + "0123456789X".charAt(random.nextInt(11));   // any check character
                default -> id.substring(0, 16) + random.nextInt(10) + id.charAt(17);        // a typing slip
            });
        }
        int valid = 0;
        int rejected = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            Warehouse.runScript(c, "statements/platform/macros.sql");
            key.install(c);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ids (id VARCHAR)");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO ids VALUES (?)")) {
                for (String id : ids) {
                    p.setString(1, id);
                    p.addBatch();
                }
                p.executeBatch();
            }
            // one query over all of them: the Java function gets whole vectors, as in a load
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, id_keyed_hash(id), gb11643_problem(id) FROM ids")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    byte[] hash = rs.getBytes(2);
                    String problem = rs.getString(3);
                    if (problem == null) {
                        assertThat(hash).as(id).isEqualTo(key.hmac(id));
                        valid++;
                    } else {
                        assertThat(hash).as(id + " (" + problem + ")").isNull();
                        rejected++;
                    }
                }
            }
            KeyedHash.uninstall(c);
        }
        assertThat(valid + rejected).isEqualTo(ids.size());
        assertThat(valid).as("both kinds occur").isBetween(300, 2500);
    }

    @Test
    void periodsInEveryFormTheSameInJavaAndSql() throws Exception {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("2024Q2", "2024Q2");
        expected.put("2024年第二季度", "2024Q2");
        expected.put("2024年第4季度", "2024Q4");
        expected.put("2024-06", "2024Q2");
        expected.put("202406", "2024Q2");
        expected.put("2024-12", "2024Q4");
        expected.put("2024", "2024");
        expected.put("2024年", "2024");
        expected.put("2024-05", null);
        expected.put("2024年第五季度", null);
        expected.put("二〇二四", null);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            Warehouse.runScript(c, "statements/platform/macros.sql");
            for (Map.Entry<String, String> e : expected.entrySet()) {
                assertThat(PeriodText.parse(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
                try (PreparedStatement p = c.prepareStatement("SELECT platform_period(?)")) {
                    p.setString(1, e.getKey());
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        assertThat(rs.getString(1)).as("SQL " + e.getKey()).isEqualTo(e.getValue());
                    }
                }
            }
        }
    }

    @Test
    void encodingAndDelimiterAreDetectedAndGbkIsTranscoded() throws Exception {
        String text = "指标编码\t指标名称\r\nH01\t每千人口托位数\r\n";
        Path utf8 = write("a.tsv", text.getBytes(StandardCharsets.UTF_8));
        byte[] body = "指标编码,指标名称\nH01,托位\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path bom = write("b.csv", withBom);
        Path gbk = write("c.csv", "指标编码,指标名称\nH01,每千人口托位数\n".getBytes(Charset.forName("GBK")));
        Path neither = write("d.csv", new byte[]{(byte) 0xFF, (byte) 0xFE, 0x41, 0x00, (byte) 0x81, 0x20});

        ExportFile a = ExportFile.scan(utf8);
        assertThat(a.encodingLabel()).isEqualTo("UTF-8");
        assertThat(a.delimiter()).isEqualTo('\t');
        assertThat(a.header()).containsExactly("指标编码", "指标名称");
        ExportFile b = ExportFile.scan(bom);
        assertThat(b.encodingLabel()).isEqualTo("UTF-8-BOM");
        assertThat(b.delimiter()).isEqualTo(',');
        assertThat(b.header()).containsExactly("指标编码", "指标名称");
        ExportFile c = ExportFile.scan(gbk);
        assertThat(c.encodingLabel()).isEqualTo("GB18030");
        assertThat(c.header()).containsExactly("指标编码", "指标名称");
        Path copy = c.utf8Copy(new PlatformTempFiles(dir.resolve("tmp").toString()));
        assertThat(Files.readString(copy, StandardCharsets.UTF_8)).isEqualTo("指标编码,指标名称\nH01,每千人口托位数\n");
        assertThat(a.utf8Copy(new PlatformTempFiles(dir.toString()))).isEqualTo(utf8);
        assertThat(ExportFile.scan(neither).charset()).isNull();
        assertThat(a.checksum()).hasSize(64).isNotEqualTo(b.checksum());
    }

    @Test
    void temporaryFilesOfAFinishedProcessAreDeletedAndOnlyThose(@TempDir Path dir) throws Exception {
        PlatformTempFiles temp = new PlatformTempFiles(dir.toString());
        Path mine = temp.create(".parquet");
        assertThat(mine.getFileName().toString()).startsWith("qyx-platform-" + ProcessHandle.current().pid() + "-");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(mine)))
                .as("readable by its owner only").isEqualTo("rw-------");
        Process finished = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        finished.getInputStream().readAllBytes();
        finished.waitFor();
        Path left = Files.writeString(dir.resolve("qyx-platform-" + finished.pid() + "-123.csv"), "身份证号\n");
        Path unrelated = Files.writeString(dir.resolve("qyx-platform-notes.txt"), "kept");
        assertThat(temp.deleteLeftovers()).isEqualTo(1);
        assertThat(left).doesNotExist();
        assertThat(mine).exists();
        assertThat(unrelated).exists();
        assertThat(new PlatformTempFiles(dir.resolve("absent").toString()).deleteLeftovers()).isZero();
    }

    @Test
    void theSampleMappingsLoadAndRecogniseTheirFiles() {
        List<PlatformMapping> mappings = PlatformMapping.loadAll(Path.of("jobs/sources/platform"));
        assertThat(mappings).extracting(PlatformMapping::id).containsExactly("platform-care-workers",
                "platform-childcare-institutions", "platform-dibao-recipients", "platform-indicators");
        PlatformMapping care = mappings.get(0);
        Map<String, Integer> fields = care.match("平台_养老护理员持证名单.csv",
                List.of("姓名", "公民身份号码", "手机号", "证书等级", "所在镇街代码", " 统计期 "));
        assertThat(fields).containsEntry("id_no", 1).containsEntry("period", 5).doesNotContainKey("certificate_no");
        assertThat(care.match("平台_养老护理员持证名单.xlsx", List.of("身份证号", "所在镇街代码", "统计期"))).isNull();
        assertThat(care.match("平台_养老护理员持证名单.csv", List.of("姓名", "所在镇街代码", "统计期"))).isNull();
    }

    @Test
    void migrationsApplyOnAFreshWarehouse() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            assertThat(SchemaMigrator.migrate(c)).contains(20);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'rec_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void theDemoKeyHashesTheBundledSamplesOnly(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        PlatformProperties demo = new PlatformProperties(inbox, Path.of("jobs/sources/platform"), "DEMO-KEY-samples-only", "");
        assertThat(demo.bundledSamples()).isFalse();
        try (Warehouse warehouse = new Warehouse(dir.resolve("w.duckdb"))) {
            PlatformInbox platform = new PlatformInbox(warehouse, demo, (c, candidates) -> List.of());
            assertThatThrownBy(() -> platform.loadAll(1L))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("DEMO key").hasMessageContaining("QYX_PLATFORM_HASH_KEY");
        }
        assertThat(new PlatformProperties(Path.of("samples/inbox"), null, "DEMO-KEY-samples-only", "").bundledSamples()).isTrue();
        assertThat(new PlatformProperties(inbox, null, "a-real-secret", "").demoKey()).isFalse();
    }
}
