package com.qiyouxiang.intake.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One column mapping, jobs/sources/platform/platform-*.yml: which exports it recognises (a file-name
 * pattern, and all the dataset's required columns present in the header) and how they head each field.
 *
 * @param bureau  the bureau that owns the list (a name or alias from dim_bureau_alias); indicator exports
 *                carry their own 数据来源部门 column and use this only when it is empty
 * @param columns field -> the header texts exports use for it (compared after trimming, ignoring spaces)
 */
public record PlatformMapping(String id, Dataset dataset, String bureau, Pattern fileName,
                              Map<String, List<String>> columns) {

    /** Loads every platform-*.yml under the folder, in name order. */
    public static List<PlatformMapping> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Platform mapping folder not found: " + dir.toAbsolutePath()
                    + " (qyx.platform.sources-dir)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<PlatformMapping> mappings = new ArrayList<>();
            for (Path f : files.filter(f -> f.getFileName().toString().matches("platform-.*\\.ya?ml")).sorted().toList()) {
                mappings.add(load(f));
            }
            return mappings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static PlatformMapping load(Path file) throws IOException {
        Map<String, Object> y;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            y = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
        String where = " in " + file;
        Dataset dataset = Dataset.of(require(y, "dataset", where));
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Object> given = (Map<String, Object>) y.getOrDefault("columns", Map.of());
        for (Map.Entry<String, Object> e : given.entrySet()) {
            if (!dataset.types().containsKey(e.getKey())) {
                throw new IllegalArgumentException("Unknown field '" + e.getKey() + "'" + where + "; "
                        + dataset + " has " + dataset.types().keySet());
            }
            Object v = e.getValue();
            columns.put(e.getKey(), v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v)));
        }
        for (String field : dataset.required()) {
            if (!columns.containsKey(field)) {
                throw new IllegalArgumentException("Required field '" + field + "' has no column" + where);
            }
        }
        return new PlatformMapping(require(y, "id", where), dataset, (String) y.get("bureau"),
                Pattern.compile(require(y, "file-name", where)), columns);
    }

    /**
     * @return field -> column index when the file name matches and every required field's column is
     * in the header; null otherwise
     */
    public Map<String, Integer> match(String name, List<String> header) {
        if (!fileName.matcher(name).matches()) {
            return null;
        }
        Map<String, Integer> found = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = normalise(header.get(i));
            for (Map.Entry<String, List<String>> e : columns.entrySet()) {
                if (!found.containsKey(e.getKey()) && e.getValue().stream().anyMatch(t -> normalise(t).equals(h))) {
                    found.put(e.getKey(), i);
                    break;
                }
            }
        }
        return found.keySet().containsAll(dataset.required()) ? found : null;
    }

    static String normalise(String header) {
        return header.replace("\uFEFF", "").replaceAll("[\\s\\u3000]", "");
    }

    private static String require(Map<String, Object> y, String key, String where) {
        Object v = y == null ? null : y.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException("Missing '" + key + "'" + where);
        }
        return v.toString();
    }
}
