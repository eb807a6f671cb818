package com.qiyouxiang.intake.pull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * A 公共数据平台 interface on 127.0.0.1 (the JDK's HttpServer), as the dataset files describe it: a token service that
 * checks the HMAC signature, and queries that page through the rows of a committed sample export, mapped to the
 * interface's field names by the committed dataset file. Tests set what goes wrong: answers to give first (a 500),
 * tokens that expire, a renamed field.
 */
public final class FakePlatform implements AutoCloseable {

    public static final String KEY = "qyx-test-app";
    public static final String SECRET = "test-secret-not-a-real-one";

    final HttpServer server;
    /** Rows by dataset id and period, already as the interface's fields; change markers by dataset id and period. */
    final Map<String, Map<String, List<Map<String, String>>>> rows = new HashMap<>();
    final Map<String, Map<String, String>> markers = new HashMap<>();
    final Set<String> validTokens = new HashSet<>();
    final Deque<Integer> failNext = new ArrayDeque<>();
    final AtomicInteger tokens = new AtomicInteger();
    final AtomicInteger queries = new AtomicInteger();
    long expiresIn = 7200;
    /** After this many queries a token stops being valid (0: never). */
    int usesPerToken;
    /** Rename the rows' array from this page on (a changed shape); 0: never. */
    int renameRowsFromPage;
    /** Hold the answer of this page until released (a kill test); 0: never. */
    int holdPage;
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, Integer> uses = new HashMap<>();
    /** The file the download endpoint serves by period, with its ETag; the download requests, 304s included. */
    final Map<String, byte[]> downloads = new HashMap<>();
    final Map<String, String> downloadTags = new HashMap<>();
    final AtomicInteger downloadRequests = new AtomicInteger();

    public FakePlatform() throws IOException {
        this(null);
    }

    /** Over HTTPS with the certificate's key when given (the platform's real interface is HTTPS), else plain HTTP. */
    public FakePlatform(TestCertificates certificates) throws IOException {
        if (certificates == null) {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(serverContext(certificates)));
            server = https;
        }
        server.createContext("/auth/token", this::token);
        server.createContext("/api/v1/dataset/qyx_indicator_value/query", e -> query(e, "indicators", "data.records", false));
        server.createContext("/api/v1/dataset/tyjg_ml/query", e -> query(e, "childcare-institutions", "data.list", true));
        server.createContext("/api/v1/dataset/qyx_indicator_value/download", this::download);
        server.start();
    }

    public String baseUrl() {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private static javax.net.ssl.SSLContext serverContext(TestCertificates certificates) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(certificates.keyStore())) {
            java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
            keys.load(in, certificates.password().toCharArray());
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, certificates.password().toCharArray());
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /**
     * Serves a sample export's lines by their 统计期 (or all of them as {@code period}, when given), under the
     * interface's names from a committed dataset file. A line shorter than the header (a CSV file's defect, which a
     * JSON interface cannot have) is left out.
     */
    public FakePlatform serve(Path export, Path datasetFile, String period, String marker) throws IOException {
        PullDataset d = PullDataset.load(datasetFile);
        String text = Files.readString(export, StandardCharsets.UTF_8).replace("\uFEFF", "");
        try (Reader r = new java.io.StringReader(text)) {
            for (CSVRecord line : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if (!line.isConsistent()) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                d.columns().forEach((header, field) -> row.put(field, line.get(header)));
                String p = period != null ? period : row.get("tjq");
                rows.computeIfAbsent(d.id(), k -> new HashMap<>()).computeIfAbsent(p, k -> new ArrayList<>()).add(row);
                markers.computeIfAbsent(d.id(), k -> new HashMap<>()).put(p, marker);
            }
        }
        return this;
    }

    private void token(HttpExchange e) throws IOException {
        JsonNode body = PlatformClient.JSON.readTree(e.getRequestBody());
        String expected = PlatformClient.sign(SECRET, body.path("appKey").asString() + body.path("timestamp").asString()
                + body.path("nonce").asString());
        if (!KEY.equals(body.path("appKey").asString()) || !expected.equals(body.path("sign").asString())) {
            send(e, 401, "{\"code\":\"40101\",\"msg\":\"invalid sign\"}");
            return;
        }
        String token = "tok-" + tokens.incrementAndGet();
        synchronized (this) {
            validTokens.add(token);
        }
        send(e, 200, "{\"code\":\"00\",\"data\":{\"accessToken\":\"" + token + "\",\"expiresIn\":" + expiresIn + "}}");
    }

    private void query(HttpExchange e, String dataset, String rowsField, boolean cursor) throws IOException {
        queries.incrementAndGet();
        Integer fail;
        synchronized (this) {
            fail = failNext.poll();
        }
        if (fail != null) {
            send(e, fail, "{\"code\":\"" + fail + "\"}");
            return;
        }
        String auth = e.getRequestHeaders().getFirst("Authorization");
        String token = auth == null ? "" : auth.replace("Bearer ", "");
        synchronized (this) {
            int used = uses.merge(token, 1, Integer::sum);
            if (!validTokens.contains(token) || (usesPerToken > 0 && used > usesPerToken)) {
                validTokens.remove(token);
                send(e, 401, "{\"code\":\"40102\",\"msg\":\"token expired\"}");
                return;
            }
        }
        Map<String, String> q = query(e.getRequestURI().getRawQuery());
        List<Map<String, String>> all = rows.getOrDefault(dataset, Map.of()).getOrDefault(q.get("tjq"), List.of());
        int size = Integer.parseInt(q.getOrDefault(cursor ? "limit" : "pageSize", "500"));
        int from;
        int page;
        if (cursor) {
            from = q.containsKey("cursor") ? Integer.parseInt(q.get("cursor").substring(1)) : 0;
            page = from / size + 1;
        } else {
            page = Integer.parseInt(q.get("pageNo"));
            from = (page - 1) * size;
        }
        if (page == holdPage) {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        List<Map<String, String>> slice = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        String list = PlatformClient.JSON.writeValueAsString(slice);
        String name = renameRowsFromPage > 0 && page >= renameRowsFromPage ? "items" : rowsField.substring(5);
        String marker = markers.getOrDefault(dataset, Map.of()).getOrDefault(q.get("tjq"), "0");
        String body = cursor
                ? "{\"code\":\"00\",\"data\":{\"" + name + "\":" + list + ",\"version\":\"" + marker + "\",\"nextCursor\":"
                + (from + size < all.size() ? "\"c" + (from + size) + "\"" : "null") + "}}"
                : "{\"code\":\"00\",\"data\":{\"total\":" + all.size() + ",\"" + name + "\":" + list + ",\"updateTime\":\""
                + marker + "\"}}";
        send(e, 200, body);
    }

    /** A file download by period: the ETag of the last download in If-None-Match gets 304 Not Modified. */
    private void download(HttpExchange e) throws IOException {
        downloadRequests.incrementAndGet();
        String auth = e.getRequestHeaders().getFirst("Authorization");
        synchronized (this) {
            if (auth == null || !validTokens.contains(auth.replace("Bearer ", ""))) {
                send(e, 401, "{\"code\":\"40102\",\"msg\":\"token expired\"}");
                return;
            }
        }
        String period = query(e.getRequestURI().getRawQuery()).get("tjq");
        byte[] file = downloads.get(period);
        if (file == null) {
            send(e, 404, "{\"code\":\"404\"}");
            return;
        }
        String tag = downloadTags.get(period);
        if (tag.equals(e.getRequestHeaders().getFirst("If-None-Match"))) {
            e.sendResponseHeaders(304, -1);
            e.close();
            return;
        }
        e.getResponseHeaders().add("Content-Type", "text/csv; charset=utf-8");
        e.getResponseHeaders().add("ETag", tag);
        e.sendResponseHeaders(200, file.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(file);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void send(HttpExchange e, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
