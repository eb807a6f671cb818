package com.qiyouxiang.intake.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

import com.qiyouxiang.warehouse.Warehouse;

/**
 * platformPull: every configured dataset ({@link PullDataset}), every quarter from qyx.pull.platform.from-period through
 * the current one, fetched from the platform's interface into the platform inbox as the export file the platform
 * ingest reads (JSON pages written as a UTF-8 CSV with the export's headers, or the downloaded file as it is), whole or
 * not at all ({@link InboxLanding}). Incremental: the first page of a period carries the platform's change marker
 * (the dataset's {@code changed} field, or the download's ETag); a period whose marker is the one recorded at its
 * last whole fetch is not fetched again. An answer whose shape is not the one the dataset file describes (no rows
 * array, a row without a mapped field, fewer rows than the total announced) refuses the pull and lands nothing.
 */
public class PlatformPull {

    private static final Logger log = LoggerFactory.getLogger(PlatformPull.class);
    static final String SOURCE = "platform";

    /** What a pull did: summary lines (run log), files landed, periods unchanged, rows fetched. */
    public record Outcome(List<String> lines, int landed, int unchanged, long rows) {
    }

    private final PlatformPullSettings settings;
    private final PulledFiles pulled;
    private final PlatformClient client;
    private final Clock clock;

    public PlatformPull(PlatformPullSettings settings, Warehouse warehouse, SSLContext ssl, Clock clock) {
        this.settings = settings;
        this.pulled = new PulledFiles(warehouse);
        this.client = new PlatformClient(settings, ssl, clock);
        this.clock = clock;
    }

    /** jobs/run doctor: the interface answers and issues a token (nothing is fetched or landed). */
    public static String probe(PlatformPullSettings settings, SSLContext ssl) throws IOException, InterruptedException {
        return PlatformClient.probe(settings, ssl, Clock.systemDefaultZone());
    }

    public Outcome pullAll(Long jobExecutionId) throws IOException, InterruptedException, SQLException {
        List<PullDataset> datasets = PullDataset.loadAll(settings.datasetsDir());
        List<String> lines = new ArrayList<>();
        InboxLanding.deleteLeftovers(settings.inboxDir(), lines);
        int landed = 0;
        int unchanged = 0;
        long rows = 0;
        for (PullDataset dataset : datasets) {
            for (String period : periods(settings.fromPeriod(), LocalDate.now(clock))) {
                Result r = pullPeriod(dataset, period, jobExecutionId);
                rows += r.rows;
                if (r.line == null) {
                    unchanged++;
                } else {
                    landed += r.landed ? 1 : 0;
                    lines.add(r.line);
                }
            }
        }
        lines.add(String.format("platform interface: %d dataset(s), %d file(s) landed, %d period(s) unchanged, %d rows, "
                + "%d token(s), %d retried request(s); app key %s, secret %s", datasets.size(), landed, unchanged, rows,
                client.tokensFetched(), client.retries(), settings.appKey(), Secrets.fingerprint(settings.secret())));
        return new Outcome(lines, landed, unchanged, rows);
    }

    private record Result(String line, boolean landed, long rows) {
    }

    private Result pullPeriod(PullDataset d, String period, Long jobExecutionId)
            throws IOException, InterruptedException, SQLException {
        String origin = d.id() + "/" + period;
        String known = pulled.lastVersion(SOURCE, origin);
        return d.file() ? download(d, period, origin, known, jobExecutionId) : pages(d, period, origin, known, jobExecutionId);
    }

    /** JSON rows, page by page, into one CSV. */
    private Result pages(PullDataset d, String period, String origin, String known, Long jobExecutionId)
            throws IOException, InterruptedException, SQLException {
        String what = d.id() + " " + period;
        JsonNode first = client.getJson(what, d.endpoint(), query(d, period, d.firstPage(), null));
        String marker = d.changedPath() == null ? null : JsonPaths.cell(JsonPaths.at(first, d.changedPath()));
        if (marker != null && !marker.isEmpty() && marker.equals(known)) {
            return new Result(null, false, 0);
        }
        long[] count = {0};
        List<String> headers = new ArrayList<>(d.columns().keySet());
        InboxLanding.Landed landed = null;
        if (rowsOf(first, d, what, d.firstPage()).isEmpty()) {
            check(first, d, what, 0);
        } else {
            landed = InboxLanding.land(settings.inboxDir(), d.fileNameFor(period), true, settings.maxDownloadSize().toBytes(), out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(headers.toArray(String[]::new)).get());
                JsonNode answer = first;
                int page = d.firstPage();
                while (true) {
                    List<JsonNode> rows = rowsOf(answer, d, what, page);
                    for (JsonNode row : rows) {
                        List<String> cells = new ArrayList<>(headers.size());
                        for (String header : headers) {
                            String field = d.columns().get(header);
                            if (!row.has(field)) {
                                throw shapeChanged(what, page, "一行数据中没有字段“" + field + "”（对应“" + header + "”）");
                            }
                            cells.add(JsonPaths.cell(row.get(field)));
                        }
                        csv.printRecord(cells);
                    }
                    count[0] += rows.size();
                    String next = d.cursor() ? JsonPaths.cell(JsonPaths.at(answer, d.nextCursorPath())) : null;
                    boolean more = d.cursor() ? !next.isEmpty() && !rows.isEmpty()
                            : rows.size() >= d.pageSize() && (total(answer, d) < 0 || count[0] < total(answer, d));
                    if (!more) {
                        break;
                    }
                    page++;
                    try {
                        answer = client.getJson(what + " page " + page, d.endpoint(), query(d, period, page, next));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("Interrupted", e);
                    }
                }
                check(answer, d, what, count[0]);
                csv.flush();
            });
        }
        pulled.record(new PulledFiles.Pulled(SOURCE, origin, marker, landed, count[0], null, null, null), jobExecutionId);
        String line = landed == null ? d.id() + " " + period + ": no rows"
                : d.id() + " " + period + ": " + count[0] + " rows -> " + landed.path().getFileName() + " (sha256 "
                + landed.checksum().substring(0, 12) + (landed.unchanged() ? ", same as the file already there)" : ")");
        log.info("Platform pull {}", line);
        return new Result(line, landed != null && !landed.unchanged(), count[0]);
    }

    /** A file download: If-None-Match with the ETag of the last whole download; 304 = unchanged. */
    private Result download(PullDataset d, String period, String origin, String known, Long jobExecutionId)
            throws IOException, InterruptedException, SQLException {
        String what = d.id() + " " + period;
        Map<String, String> headers = known == null ? Map.of() : Map.of("If-None-Match", known);
        Object[] got = new Object[2];
        client.get(what, d.endpoint(), query(d, period, d.firstPage(), null), headers, (HttpResponse<InputStream> r) -> {
            try (InputStream in = r.body()) {
                if (r.statusCode() == 304 || r.statusCode() == 204) {
                    return null;
                }
                got[1] = r.headers().firstValue("ETag").orElse(null);
                got[0] = InboxLanding.land(settings.inboxDir(), d.fileNameFor(period), true, settings.maxDownloadSize().toBytes(),
                        in::transferTo);
                return null;
            }
        });
        if (got[0] == null) {
            return new Result(null, false, 0);
        }
        InboxLanding.Landed landed = (InboxLanding.Landed) got[0];
        pulled.record(new PulledFiles.Pulled(SOURCE, origin, (String) got[1], landed, null, null, null, null), jobExecutionId);
        String line = what + ": downloaded " + landed.size() + " bytes -> " + landed.path().getFileName();
        log.info("Platform pull {}", line);
        return new Result(line, !landed.unchanged(), 0);
    }

    private static List<JsonNode> rowsOf(JsonNode answer, PullDataset d, String what, int page) {
        JsonNode rows = JsonPaths.at(answer, d.rowsPath());
        if (rows.isNull() || (rows.isMissingNode() && d.cursor())) {
            return List.of();
        }
        if (!rows.isArray()) {
            throw shapeChanged(what, page, "答复中“" + d.rowsPath() + "”不是数据行列表（答复：" + JsonPaths.brief(answer) + "）");
        }
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw shapeChanged(what, page, "数据行不是对象：" + JsonPaths.brief(row));
            }
            list.add(row);
        }
        return list;
    }

    private static long total(JsonNode answer, PullDataset d) {
        JsonNode t = JsonPaths.at(answer, d.totalPath());
        return t.isNumber() ? t.asLong() : t.isString() && t.asString().matches("\\d+") ? Long.parseLong(t.asString()) : -1;
    }

    /** After the last page: as many rows as the platform announced. */
    private static void check(JsonNode last, PullDataset d, String what, long count) {
        long total = total(last, d);
        if (d.totalPath() != null && total < 0) {
            throw shapeChanged(what, 0, "答复中没有总行数“" + d.totalPath() + "”");
        }
        if (total >= 0 && total != count) {
            throw shapeChanged(what, 0, "平台给出的总行数为 " + total + "，实际取得 " + count + " 行");
        }
    }

    private static PullRefusedException shapeChanged(String what, int page, String detail) {
        return new PullRefusedException("数据平台接口的答复格式与配置不符（" + what + (page > 0 ? "，第 " + page + " 页" : "")
                + "）：" + detail + "。本期数据未放入收件箱；接口可能已变更，请核对 jobs/sources/platform 中的数据集配置");
    }

    private static Map<String, String> query(PullDataset d, String period, int page, String cursor) {
        Map<String, String> q = new LinkedHashMap<>(d.query());
        q.put(d.periodParam(), period);
        if (d.cursor()) {
            if (cursor != null && !cursor.isEmpty()) {
                q.put(d.cursorParam(), cursor);
            }
        } else {
            q.put(d.pageParam(), String.valueOf(page));
        }
        q.put(d.sizeParam(), String.valueOf(d.pageSize()));
        return q;
    }

    /** Every quarter code from {@code from} (2023Q1) through the quarter of {@code today}. */
    static List<String> periods(String from, LocalDate today) {
        if (!from.matches("20\\d{2}Q[1-4]")) {
            throw new IllegalArgumentException("qyx.pull.platform.from-period must be a quarter such as 2023Q1, not '" + from + "'");
        }
        int index = Integer.parseInt(from.substring(0, 4)) * 4 + from.charAt(5) - '1';
        int last = today.getYear() * 4 + (today.getMonthValue() - 1) / 3;
        List<String> periods = new ArrayList<>();
        for (int i = index; i <= last; i++) {
            periods.add((i / 4) + "Q" + (i % 4 + 1));
        }
        return periods;
    }
}
