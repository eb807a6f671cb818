package com.qiyouxiang.intake.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import com.qiyouxiang.warehouse.Warehouse;

/**
 * platformPull against a platform interface on 127.0.0.1 ({@link FakePlatform}) serving the committed sample exports
 * under the committed dataset files' field names: the landed file holds the sample's lines, whatever the paging;
 * a token that expires is fetched again; a 500 is retried; a 401 and a changed answer refuse the pull in Chinese
 * and land nothing; a period fetched whole is not fetched again until its marker changes.
 */
class PlatformPullTest {

    static final Path INDICATORS = Path.of("samples/inbox/平台_指标数据_2024Q2.csv");
    static final Path CHILDCARE = Path.of("samples/inbox/平台_托育机构名录_2023Q1-2026Q3.csv");
    static final Path DATASETS = Path.of("jobs/sources/platform/pull");

    @TempDir
    Path work;

    FakePlatform platform;
    Warehouse warehouse;
    Path inbox;

    @BeforeEach
    void start() throws Exception {
        platform = new FakePlatform().serve(INDICATORS, DATASETS.resolve("indicators.yml"), "2024Q2", "2024-07-15 09:30:00")
                .serve(CHILDCARE, DATASETS.resolve("childcare-institutions.yml"), null, "v1");
        warehouse = new Warehouse(work.resolve("w.duckdb"));
        inbox = work.resolve("inbox");
    }

    @AfterEach
    void stop() {
        platform.close();
        warehouse.close();
    }

    PlatformPullSettings settings(String secret, String from) {
        return new PlatformPullSettings(true, platform.baseUrl(), null, null, null, null, null, FakePlatform.KEY, secret, null,
                DATASETS, inbox, from, Duration.ofSeconds(10), 3, Duration.ofMillis(5), DataSize.ofMegabytes(5));
    }

    PlatformPull.Outcome pull(String from, LocalDate today) throws Exception {
        return pull(settings(FakePlatform.SECRET, from), today);
    }

    PlatformPull.Outcome pull(PlatformPullSettings s, LocalDate today) throws Exception {
        Clock clock = Clock.fixed(today.atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
        return new PlatformPull(s, warehouse, SSLContext.getDefault(), clock).pullAll(1L);
    }

    @Test
    void pagesLandAsTheSampleExportAndAreNotFetchedAgainUnlessChanged() throws Exception {
        PlatformPull.Outcome first = pull("2024Q2", LocalDate.of(2024, 5, 20));
        Path landed = inbox.resolve("平台_指标数据_2024Q2.csv");
        assertThat(records(landed)).isEqualTo(records(INDICATORS));
        assertThat(first.landed()).isEqualTo(2);
        assertThat(visibleFiles()).containsExactlyInAnyOrder("平台_指标数据_2024Q2.csv", "平台_托育机构名录_2024Q2.csv");
        assertThat(warehouse.jdbc().queryForObject("SELECT checksum_sha256 FROM pull_file WHERE origin = 'indicators/2024Q2'",
                String.class)).isEqualTo(com.qiyouxiang.warehouse.FileRegistry.sha256(landed));

        int queries = platform.queries.get();
        PlatformPull.Outcome second = pull("2024Q2", LocalDate.of(2024, 5, 21));
        assertThat(second.landed()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(platform.queries.get() - queries).as("one first page per dataset and period").isEqualTo(2);

        platform.markers.get("indicators").put("2024Q2", "2024-08-01 10:00:00");
        platform.rows.get("indicators").get("2024Q2").remove(0);
        PlatformPull.Outcome third = pull("2024Q2", LocalDate.of(2024, 5, 22));
        assertThat(third.landed()).isEqualTo(1);
        assertThat(records(landed)).hasSize(records(INDICATORS).size() - 1);
    }

    @Test
    void aFileDownloadLandsAsServedAndIsNotFetchedAgainWhileItsETagHolds() throws Exception {
        Path datasets = Files.createDirectories(work.resolve("download-datasets"));
        Files.writeString(datasets.resolve("indicator-file.yml"), """
                id: indicator-file
                endpoint: /api/v1/dataset/qyx_indicator_value/download
                response: file
                period-param: tjq
                file-name: 平台_指标数据_{period}.csv
                """);
        byte[] served = Files.readAllBytes(INDICATORS);
        platform.downloads.put("2024Q2", served);
        platform.downloadTags.put("2024Q2", "\"v1\"");
        PlatformPullSettings base = settings(FakePlatform.SECRET, "2024Q2");
        PlatformPullSettings s = new PlatformPullSettings(true, base.baseUrl(), null, null, null, null, null, base.appKey(),
                base.appSecret(), null, datasets, inbox, "2024Q2", base.timeout(), base.attempts(), base.backoff(), base.maxDownloadSize());

        PlatformPull.Outcome first = pull(s, LocalDate.of(2024, 5, 20));
        Path landed = inbox.resolve("平台_指标数据_2024Q2.csv");
        assertThat(first.landed()).isEqualTo(1);
        assertThat(Files.readAllBytes(landed)).as("the download lands byte for byte").isEqualTo(served);
        assertThat(visibleFiles()).containsExactly("平台_指标数据_2024Q2.csv");
        assertThat(warehouse.jdbc().queryForObject("SELECT checksum_sha256 FROM pull_file WHERE origin = 'indicator-file/2024Q2'",
                String.class)).isEqualTo(com.qiyouxiang.warehouse.FileRegistry.sha256(landed));

        // the next night asks with If-None-Match and gets 304: nothing lands
        PlatformPull.Outcome second = pull(s, LocalDate.of(2024, 5, 21));
        assertThat(second.landed()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(platform.downloadRequests.get()).isEqualTo(2);

        // the platform replaces the file (a new ETag): it lands again, whole
        byte[] corrected = (new String(served, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8); // a blank line more
        platform.downloads.put("2024Q2", corrected);
        platform.downloadTags.put("2024Q2", "\"v2\"");
        assertThat(pull(s, LocalDate.of(2024, 5, 22)).landed()).isEqualTo(1);
        assertThat(Files.readAllBytes(landed)).isEqualTo(corrected);
    }

    @Test
    void smallPagesAndCursorsGiveTheSameFile() throws Exception {
        Path small = Files.createDirectories(work.resolve("small-pages"));
        for (String name : List.of("indicators.yml", "childcare-institutions.yml")) {
            Files.writeString(small.resolve(name), Files.readString(DATASETS.resolve(name)).replace("page-size: 500", "page-size: 7"));
        }
        PlatformPullSettings s = settings(FakePlatform.SECRET, "2023Q1");
        s = new PlatformPullSettings(true, s.baseUrl(), null, null, null, null, null, s.appKey(), s.appSecret(), null, small,
                inbox, "2023Q1", s.timeout(), s.attempts(), s.backoff(), s.maxDownloadSize());
        pull(s, LocalDate.of(2023, 3, 1));
        assertThat(platform.queries.get()).as("10 cursor pages of 7 for 69 institutions, plus 1 empty first page for the indicators of 2023Q1").isEqualTo(11);
        List<List<String>> childcare = records(CHILDCARE).stream().filter(r -> r.get(5).equals("2023Q1")).toList();
        assertThat(records(inbox.resolve("平台_托育机构名录_2023Q1.csv"))).isEqualTo(childcare).hasSize(69);

        Files.delete(inbox.resolve("平台_托育机构名录_2023Q1.csv"));
        pull(new PlatformPullSettings(true, s.baseUrl(), null, null, null, null, null, s.appKey(), s.appSecret(), null, small,
                inbox, "2024Q2", s.timeout(), s.attempts(), s.backoff(), s.maxDownloadSize()), LocalDate.of(2024, 4, 1));
        assertThat(records(inbox.resolve("平台_指标数据_2024Q2.csv"))).isEqualTo(records(INDICATORS));
    }

    @Test
    void anExpiredTokenIsFetchedAgainAndA500IsRetried() throws Exception {
        platform.expiresIn = 10; // shorter than the 30 s margin: a new token before every query
        platform.failNext.add(500);
        platform.failNext.add(503);
        PlatformPull.Outcome o = pull("2024Q2", LocalDate.of(2024, 5, 20));
        assertThat(o.landed()).isEqualTo(2);
        assertThat(platform.tokens.get()).isEqualTo(platform.queries.get());
        assertThat(o.lines().get(o.lines().size() - 1)).contains("2 retried request(s)")
                .contains(Secrets.fingerprint(FakePlatform.SECRET)).doesNotContain(FakePlatform.SECRET);

        platform.expiresIn = 7200;
        platform.usesPerToken = 1; // the platform revokes a token before its time: one 401, a new token, go on
        platform.markers.values().forEach(byPeriod -> byPeriod.replaceAll((p, m) -> m + "-2"));
        int tokens = platform.tokens.get();
        assertThat(pull("2024Q2", LocalDate.of(2024, 5, 21)).unchanged()).isZero();
        assertThat(platform.tokens.get() - tokens).isEqualTo(2);
    }

    @Test
    void aWrongSecretIsRefusedInChineseAndLandsNothing() {
        assertThatThrownBy(() -> pull(settings("not-the-secret", "2024Q2"), LocalDate.of(2024, 5, 20)))
                .isInstanceOf(PullRefusedException.class).hasMessageContaining("数据平台未发放访问令牌（401）")
                .hasMessageContaining("QYX_PULL_PLATFORM_APPSECRET").hasMessageNotContaining("not-the-secret");
        assertThat(inbox).doesNotExist();
    }

    @Test
    void overHttpsTheConfiguredTrustStoreVouchesForThePlatformAndTheJvmsOwnTrustDoesNot() throws Exception {
        TestCertificates certificates = TestMailServer.certificates(work);
        try (FakePlatform https = new FakePlatform(certificates)
                .serve(INDICATORS, DATASETS.resolve("indicators.yml"), "2024Q2", "2024-07-15 09:30:00")
                .serve(CHILDCARE, DATASETS.resolve("childcare-institutions.yml"), null, "v1")) {
            PlatformPullSettings s = settings(FakePlatform.SECRET, "2024Q2");
            PlatformPullSettings overHttps = new PlatformPullSettings(true, https.baseUrl(), null, null, null, null, null, s.appKey(),
                    s.appSecret(), null, DATASETS, inbox, "2024Q2", Duration.ofSeconds(10), 3, Duration.ofMillis(5), DataSize.ofMegabytes(5));
            assertThat(overHttps.baseUrl()).startsWith("https://");
            Clock clock = Clock.fixed(LocalDate.of(2024, 5, 20).atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
            // the JVM's CA certificates do not know the platform's (a government CA): refused, nothing lands, no token asked
            assertThatThrownBy(() -> new PlatformPull(overHttps, warehouse, SSLContext.getDefault(), clock).pullAll(1L))
                    .isInstanceOf(PullRefusedException.class).hasMessageContaining("数据平台（https://127.0.0.1:")
                    .hasMessageContaining("的服务器证书未通过校验").hasMessageContaining("qyx.tls.trust-store");
            assertThat(https.tokens.get()).as("no request got through the handshake").isZero();
            // the doctor's probe: the same refusal, then, trusted, a token and nothing else
            assertThatThrownBy(() -> PlatformPull.probe(overHttps, SSLContext.getDefault())).isInstanceOf(PullRefusedException.class);
            assertThat(PlatformPull.probe(overHttps, TrustStores.sslContext(certificates.tls())))
                    .isEqualTo("数据平台 " + https.baseUrl() + " 连接正常，已发放访问令牌（应用 " + FakePlatform.KEY + "）");
            assertThat(https.tokens.get()).isEqualTo(1);
            assertThat(https.queries.get()).as("the probe queries no dataset").isZero();
            assertThat(inbox.toFile().list() == null ? 0 : inbox.toFile().list().length).isZero();
            // the trust store named by qyx.tls.* does: the same files land as over HTTP
            PlatformPull.Outcome o = new PlatformPull(overHttps, warehouse, TrustStores.sslContext(certificates.tls()), clock).pullAll(1L);
            assertThat(o.landed()).isEqualTo(2);
            assertThat(records(inbox.resolve("平台_指标数据_2024Q2.csv"))).isEqualTo(records(INDICATORS));
        }
    }

    @Test
    void aForbiddenDatasetIsRefused() {
        platform.failNext.add(403);
        assertThatThrownBy(() -> pull("2024Q2", LocalDate.of(2024, 5, 20)))
                .isInstanceOf(PullRefusedException.class).hasMessageContaining("数据平台拒绝访问（403");
    }

    @Test
    void aChangedShapeOnALaterPageRefusesThePullAndLeavesNoFile() throws Exception {
        Path small = Files.createDirectories(work.resolve("small-pages"));
        Files.writeString(small.resolve("indicators.yml"), Files.readString(DATASETS.resolve("indicators.yml"))
                .replace("page-size: 500", "page-size: 7"));
        platform.renameRowsFromPage = 3;
        PlatformPullSettings s = settings(FakePlatform.SECRET, "2024Q2");
        PlatformPullSettings paged = new PlatformPullSettings(true, s.baseUrl(), null, null, null, null, null, s.appKey(),
                s.appSecret(), null, small, inbox, "2024Q2", s.timeout(), s.attempts(), s.backoff(), s.maxDownloadSize());
        assertThatThrownBy(() -> pull(paged, LocalDate.of(2024, 5, 20)))
                .isInstanceOf(PullRefusedException.class)
                .hasMessageContaining("答复格式与配置不符（indicators 2024Q2，第 3 页）").hasMessageContaining("data.records");
        assertThat(allFiles()).isEmpty();
        assertThat(warehouse.jdbc().queryForObject("SELECT count(*) FROM pull_file", Long.class)).isZero();

        platform.renameRowsFromPage = 0; // the configuration caught up (or the platform went back): the next run lands it
        pull(paged, LocalDate.of(2024, 5, 20));
        assertThat(records(inbox.resolve("平台_指标数据_2024Q2.csv"))).isEqualTo(records(INDICATORS));
    }

    @Test
    void periodsRunFromTheFirstThroughTheCurrentQuarter() {
        assertThat(PlatformPull.periods("2025Q3", LocalDate.of(2026, 2, 1))).containsExactly("2025Q3", "2025Q4", "2026Q1");
        assertThatThrownBy(() -> PlatformPull.periods("2025-3", LocalDate.of(2026, 2, 1)))
                .hasMessageContaining("qyx.pull.platform.from-period");
    }

    static List<List<String>> records(Path csv) throws Exception {
        String text = Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<List<String>> out = new ArrayList<>();
        try (Reader r = new StringReader(text)) {
            for (CSVRecord line : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if (line.isConsistent()) { // the samples' one short line is a CSV defect: FakePlatform leaves it out
                    out.add(line.toList());
                }
            }
        }
        return out;
    }

    List<String> visibleFiles() throws Exception {
        try (Stream<Path> s = Files.list(inbox)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }

    List<String> allFiles() throws Exception {
        if (!Files.exists(inbox)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(inbox)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
