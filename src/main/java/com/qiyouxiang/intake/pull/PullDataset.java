package com.qiyouxiang.intake.pull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One dataset of the platform's interface, a file jobs/sources/platform/pull/*.yml beside the export mappings
 * (platform-*.yml) that read what it writes: where it is queried, how it pages, where the rows and the change marker
 * are in an answer, and which interface field becomes which export column. Keys are listed in docs/sources.md.
 *
 * @param response   {@code json} (rows in pages, written as a UTF-8 CSV with the {@code columns}' headers) or
 *                   {@code file} (the answer is the export file itself, saved as it comes)
 * @param paging     {@code page} (page number and size) or {@code cursor} (the answer says where the next page starts)
 * @param columns    export column header -> interface field, in the export's column order
 */
public record PullDataset(String id, String endpoint, String response, String periodParam, String paging,
                          String pageParam, String sizeParam, int pageSize, int firstPage, String cursorParam,
                          String rowsPath, String totalPath, String nextCursorPath, String changedPath,
                          String fileName, Map<String, String> columns, Map<String, String> query) {

    private static final Set<String> KEYS = Set.of("id", "endpoint", "response", "period-param", "paging", "page-param",
            "size-param", "page-size", "first-page", "cursor-param", "rows", "total", "next-cursor", "changed",
            "file-name", "columns", "query");

    public boolean file() {
        return "file".equals(response);
    }

    public boolean cursor() {
        return "cursor".equals(paging);
    }

    /** The inbox file name of a period ({period} in file-name). */
    public String fileNameFor(String period) {
        return fileName.replace("{period}", period);
    }

    /** Every *.yml in the folder, in name order. */
    public static List<PullDataset> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Platform dataset folder not found: " + dir.toAbsolutePath()
                    + " (qyx.pull.platform.datasets-dir)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<PullDataset> all = new ArrayList<>();
            for (Path f : files.filter(f -> f.getFileName().toString().matches("[^.].*\\.ya?ml")).sorted().toList()) {
                all.add(load(f));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static PullDataset load(Path file) throws IOException {
        Map<String, Object> y;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            y = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
        String where = " in " + file;
        if (y == null) {
            throw new IllegalArgumentException("Empty dataset file" + where);
        }
        for (String key : y.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown key '" + key + "'" + where + "; known: " + KEYS);
            }
        }
        String response = text(y, "response", "json");
        String paging = text(y, "paging", "page");
        if (!Set.of("json", "file").contains(response)) {
            throw new IllegalArgumentException("response must be json or file, not '" + response + "'" + where);
        }
        if (!Set.of("page", "cursor").contains(paging)) {
            throw new IllegalArgumentException("paging must be page or cursor, not '" + paging + "'" + where);
        }
        Map<String, String> columns = strings((Map<String, Object>) y.get("columns"));
        if ("json".equals(response) && columns.isEmpty()) {
            throw new IllegalArgumentException("A json dataset needs 'columns' (export header: interface field)" + where);
        }
        String fileName = required(y, "file-name", where);
        if (!fileName.contains("{period}")) {
            throw new IllegalArgumentException("file-name must contain {period}" + where);
        }
        String nextCursor = text(y, "next-cursor", null);
        if ("cursor".equals(paging) && nextCursor == null && "json".equals(response)) {
            throw new IllegalArgumentException("Cursor paging needs 'next-cursor'" + where);
        }
        return new PullDataset(required(y, "id", where), required(y, "endpoint", where), response,
                required(y, "period-param", where), paging, text(y, "page-param", "pageNo"), text(y, "size-param", "pageSize"),
                Integer.parseInt(text(y, "page-size", "500")), Integer.parseInt(text(y, "first-page", "1")),
                text(y, "cursor-param", "cursor"), text(y, "rows", "data.records"), text(y, "total", null), nextCursor,
                text(y, "changed", null), fileName, columns, strings((Map<String, Object>) y.get("query")));
    }

    private static Map<String, String> strings(Map<String, Object> given) {
        Map<String, String> out = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    private static String text(Map<String, Object> y, String key, String fallback) {
        Object v = y.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString();
    }

    private static String required(Map<String, Object> y, String key, String where) {
        String v = text(y, key, null);
        if (v == null) {
            throw new IllegalArgumentException("Missing '" + key + "'" + where);
        }
        return v;
    }
}
