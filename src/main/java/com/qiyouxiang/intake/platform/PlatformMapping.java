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
                              Map<String, List<String>> columns, Options options, Path file) {

    /**
     * The export's quirks ({@link PlatformOption}).
     *
     * @param delimiter      the field delimiter, or null to detect it (tab when the header line has one, else comma)
     * @param charset        the encoding, or null to detect it (UTF-8, else GB18030)
     * @param quote          the quote character, or null when fields are never quoted
     * @param headerRow      the 1-based line of the column names
     * @param indicatorCodes the platform's indicator code -> the catalog's
     * @param matchNames     an unknown code is matched by the indicator's name
     * @param aliases        the names the platform gives an indicator (label form) -> its catalog code
     */
    public record Options(Character delimiter, java.nio.charset.Charset charset, Character quote, int headerRow,
                          Map<String, String> indicatorCodes, boolean matchNames, Map<String, String> aliases) {

        static final Options DEFAULT = new Options(null, null, '"', 1, Map.of(), true, Map.of());
    }

    /** Indicator names compared without spaces, brackets and quotes (“能级工资”集体协商… = 能级工资集体协商…). */
    public static String nameKey(String name) {
        return name == null ? "" : name.replaceAll("[\\s\\u3000\"'“”‘’（）()《》〈〉【】\\[\\]]", "");
    }

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
        Map<String, Object> options = (Map<String, Object>) y.getOrDefault("options", Map.of());
        if (dataset.recordLevel()) {
            // DuckDB reads record-level exports straight from the file, with the platform's fixed layout: an option it
            // would not honour is refused, never silently ignored
            for (PlatformOption o : List.of(PlatformOption.QUOTE, PlatformOption.HEADER_ROW)) {
                if (options.containsKey(o.key())) {
                    throw new IllegalArgumentException("Option '" + o.key() + "' is for indicator exports only" + where
                            + ": a record-level export (" + dataset + ") is read with its header on line 1 and '\"' quotes");
                }
            }
        }
        return new PlatformMapping(require(y, "id", where), dataset, (String) y.get("bureau"),
                Pattern.compile(require(y, "file-name", where)), columns, options(options, where), file);
    }

    /** One mapping file not installed yet (jobs/run check --mapping-file). */
    public static PlatformMapping loadFile(Path file) {
        try {
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Options options(Map<String, Object> o, String where) {
        for (String key : o.keySet()) {
            if (!PlatformOption.keys().contains(key)) {
                throw new IllegalArgumentException("Unknown option '" + key + "'" + where + "; known: " + PlatformOption.keys());
            }
        }
        String delimiter = String.valueOf(o.getOrDefault(PlatformOption.DELIMITER.key(), "auto"));
        Character delim = switch (delimiter) {
            case "auto" -> null;
            case "tab", "\t" -> '\t';
            default -> {
                if (delimiter.length() != 1) {
                    throw new IllegalArgumentException("Option 'delimiter' must be auto, tab or one character" + where);
                }
                yield delimiter.charAt(0);
            }
        };
        String encoding = String.valueOf(o.getOrDefault(PlatformOption.ENCODING.key(), "auto"));
        java.nio.charset.Charset charset = encoding.equalsIgnoreCase("auto") ? null
                : encoding.equalsIgnoreCase("GBK") ? ExportFile.GB18030 : java.nio.charset.Charset.forName(encoding);
        String quote = String.valueOf(o.getOrDefault(PlatformOption.QUOTE.key(), "\""));
        Character q = quote.equals("none") ? null : quote.charAt(0);
        int headerRow = ((Number) o.getOrDefault(PlatformOption.HEADER_ROW.key(), 1)).intValue();
        Map<String, String> codes = new HashMap<>();
        ((Map<Object, Object>) o.getOrDefault(PlatformOption.INDICATOR_CODES.key(), Map.of()))
                .forEach((k, v) -> codes.put(String.valueOf(k).trim().toUpperCase(), String.valueOf(v).trim()));
        Map<String, String> aliases = new HashMap<>();
        ((Map<Object, Object>) o.getOrDefault(PlatformOption.INDICATOR_ALIASES.key(), Map.of())).forEach((code, names) -> {
            for (Object n : names instanceof List<?> l ? l : List.of(names)) {
                aliases.put(nameKey(String.valueOf(n)), String.valueOf(code));
            }
        });
        boolean matchNames = Boolean.parseBoolean(String.valueOf(o.getOrDefault(PlatformOption.MATCH_INDICATOR_NAMES.key(), true)));
        return new Options(delim, charset, q, headerRow, Map.copyOf(codes), matchNames, Map.copyOf(aliases));
    }

    /**
     * Why this mapping does not take the export (null when it does): its file-name pattern, or the required fields
     * whose column the header lacks, with the header as read — for jobs/run check.
     */
    public String whyNot(String name, List<String> header) {
        if (!fileName.matcher(name).matches()) {
            return "the file name does not match 'file-name' '" + fileName + "'";
        }
        Map<String, Integer> found = fields(header);
        List<String> missing = dataset.required().stream().filter(f -> !found.containsKey(f)).sorted().toList();
        if (missing.isEmpty()) {
            return null;
        }
        return "the header has no column for " + String.join(", ", missing.stream().map(f -> "'columns." + f + "' "
                + columns.getOrDefault(f, List.of())).toList()) + "; the header read (line " + options.headerRow() + "): "
                + String.join(" | ", header) + "; add the header text to the field's list";
    }

    /**
     * @return field -> column index when the file name matches and every required field's column is
     * in the header; null otherwise
     */
    public Map<String, Integer> match(String name, List<String> header) {
        if (!fileName.matcher(name).matches()) {
            return null;
        }
        Map<String, Integer> found = fields(header);
        return found.keySet().containsAll(dataset.required()) ? found : null;
    }

    /** field -> the column of the header that heads it. */
    private Map<String, Integer> fields(List<String> header) {
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
        return found;
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
