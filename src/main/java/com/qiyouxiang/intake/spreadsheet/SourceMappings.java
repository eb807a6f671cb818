package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The template mappings: every {@code *.yml} under the sources folder, each over the defaults in
 * {@code _defaults.yml}; the options are named by {@link TemplateOption}. A mistake in a mapping (unknown layout, missing column) fails at load,
 * naming the file.
 */
public final class SourceMappings {

    private final List<SourceMapping> mappings;

    private SourceMappings(List<SourceMapping> mappings) {
        this.mappings = mappings;
    }

    public List<SourceMapping> all() {
        return mappings;
    }

    /**
     * Every mapping of the folder, after {@link MappingCheck#folder} found no error in it: a misspelled option,
     * a wrong type or a bad pattern refuses the whole folder, each problem named by file and line.
     */
    public static SourceMappings load(Path dir) {
        List<MappingCheck.Problem> errors;
        try {
            errors = MappingCheck.folder(dir).stream().filter(MappingCheck.Problem::error).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the source mappings in " + dir, e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidMappingsException(errors);
        }
        return loadChecked(dir);
    }

    /** The mapping of that id, or an exception naming the ids there are. */
    public SourceMapping byId(String id) {
        return mappings.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "No spreadsheet mapping '" + id + "'; there are: " + String.join(", ", mappings.stream().map(SourceMapping::id).toList())));
    }

    /**
     * One mapping file not installed yet (jobs/run check --mapping-file), checked as the folder's are and read with the
     * folder's _defaults.yml.
     */
    public static SourceMapping loadFile(Path file, Path dir) {
        List<MappingCheck.Problem> errors = MappingCheck.structure(file).stream().filter(MappingCheck.Problem::error).toList();
        if (!errors.isEmpty()) {
            throw new InvalidMappingsException(errors);
        }
        Path defaultsFile = dir.resolve("_defaults.yml");
        return parse(file, read(file), Files.exists(defaultsFile) ? read(defaultsFile) : Map.of());
    }

    /** A mapping folder with errors: the message lists each as file:line: what is wrong. */
    public static final class InvalidMappingsException extends IllegalArgumentException {
        private final transient List<MappingCheck.Problem> problems;

        public InvalidMappingsException(List<MappingCheck.Problem> problems) {
            super("The template mappings have " + problems.size() + " error(s) (jobs/run check-mappings lists them):\n"
                    + String.join("\n", problems.stream().map(MappingCheck.Problem::toString).toList()));
            this.problems = problems;
        }

        public List<MappingCheck.Problem> problems() {
            return problems;
        }
    }

    private static SourceMappings loadChecked(Path dir) {
        Map<String, Object> defaults = Map.of();
        Path defaultsFile = dir.resolve("_defaults.yml");
        if (Files.exists(defaultsFile)) {
            defaults = read(defaultsFile);
        }
        List<SourceMapping> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if ((name.endsWith(".yml") || name.endsWith(".yaml")) && !name.startsWith("_")) {
                    list.add(parse(f, read(f), defaults));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the source mappings in " + dir, e);
        }
        return new SourceMappings(list);
    }

    /** The first mapping whose file-name pattern matches and which has a visible (or any) sheet matching its sheet pattern. */
    public Optional<SourceMapping> recognise(String fileName, List<WorkbookSource.SheetInfo> sheets) {
        String name = TextNormalizer.normalize(fileName);
        for (SourceMapping m : mappings) {
            if (!m.recognise().fileName().matcher(name).find()) {
                continue;
            }
            if (m.readsASheetOf(sheets)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> read(Path f) {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (!(o instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("Source mapping " + f + " is not a YAML map");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read source mapping " + f, e);
        }
    }

    /** A mapping and its 'layouts:', each a layout of its own: the mapping's keys with the layout's over them. */
    @SuppressWarnings("unchecked")
    static SourceMapping parse(Path f, Map<String, Object> y, Map<String, Object> defaults) {
        List<SourceMapping> layouts = new ArrayList<>();
        for (Map<String, Object> layout : (List<Map<String, Object>>) y.getOrDefault("layouts", List.of())) {
            Map<String, Object> merged = new LinkedHashMap<>(y);
            merged.remove("layouts");
            Map<String, Object> opts = new LinkedHashMap<>((Map<String, Object>) y.getOrDefault("options", Map.of()));
            opts.putAll((Map<String, Object>) layout.getOrDefault("options", Map.of()));
            merged.putAll(layout);
            merged.put("options", opts);
            layouts.add(parse(f, merged, defaults, str(required(layout, "name")), List.of()));
        }
        return parse(f, y, defaults, null, layouts);
    }

    @SuppressWarnings("unchecked")
    private static SourceMapping parse(Path f, Map<String, Object> y, Map<String, Object> defaults, String layoutName,
                                       List<SourceMapping> layouts) {
        try {
            Map<String, Object> opts = new LinkedHashMap<>((Map<String, Object>) defaults.getOrDefault("options", Map.of()));
            opts.putAll((Map<String, Object>) y.getOrDefault("options", Map.of()));
            Map<String, Object> rec = (Map<String, Object>) required(y, "recognise");
            SourceMapping.Options options = new SourceMapping.Options(
                    TextNormalizer.normalize(str(required(opts, TemplateOption.HEADER_MARKER.key()))),
                    ((Number) option(opts, TemplateOption.HEADER_ROWS)).intValue(),
                    bool(option(opts, TemplateOption.FILL_MERGED_HEADER)), strings(option(opts, TemplateOption.FILL_DOWN)),
                    new LinkedHashSet<>(normalized(option(opts, TemplateOption.TOTAL_ROW_LABELS))),
                    normalized(option(opts, TemplateOption.FOOTNOTE_MARKERS)), normalized(option(opts, TemplateOption.META_MARKERS)),
                    normalized(option(opts, TemplateOption.META_QUALIFIERS)),
                    new LinkedHashSet<>(normalized(option(opts, TemplateOption.NO_VALUE_TOKENS))),
                    bool(option(opts, TemplateOption.SKIP_HIDDEN_SHEETS)), strings(option(opts, TemplateOption.PERIOD_FROM)),
                    bool(option(opts, TemplateOption.FRACTION_IN_PERCENT_COLUMN)),
                    ((Number) option(opts, TemplateOption.ANNUAL_IN_QUARTER)).intValue());
            SourceMapping.Recognise recognise = new SourceMapping.Recognise(
                    Pattern.compile(str(required(rec, "file-name"))), Pattern.compile(str(rec.getOrDefault("sheet", ".*"))),
                    normalized(rec.get("header-text")));
            SourceMapping.Layout layout = SourceMapping.Layout.valueOf(str(required(y, "layout")).toUpperCase().replace('-', '_'));
            List<SourceMapping.Figure> figures = new ArrayList<>();
            Map<String, List<String>> indicators = new LinkedHashMap<>();
            if (layout == SourceMapping.Layout.TOWN_COLUMNS) {
                required(y, "town-column");
                for (Map<String, Object> fig : (List<Map<String, Object>>) required(y, "figures")) {
                    String column = HeaderNames.spec(fig.get("column"));
                    String numerator = HeaderNames.spec(fig.get("numerator"));
                    if ((column == null) == (numerator == null) || (numerator != null && fig.get("denominator") == null)) {
                        throw new IllegalArgumentException("figure " + fig.get("indicator")
                                + " needs either 'column' or both 'numerator' and 'denominator'");
                    }
                    figures.add(new SourceMapping.Figure(str(required(fig, "indicator")), column, numerator,
                            HeaderNames.spec(fig.get("denominator")),
                            ((Number) fig.getOrDefault(TemplateOption.FIGURE_SCALE.key(), 1)).doubleValue(),
                            str(fig.get(TemplateOption.FIGURE_UNIT.key())), HeaderNames.spec(fig.get("quarter-column")),
                            SourceMapping.FigurePeriod.of(fig.get(TemplateOption.FIGURE_PERIOD.key())),
                            str(fig.get(TemplateOption.FIGURE_NUMERATOR_UNIT.key())),
                            str(fig.get(TemplateOption.FIGURE_DENOMINATOR_UNIT.key()))));
                }
            } else {
                for (var e : ((Map<String, Object>) required(y, "indicators")).entrySet()) {
                    List<String> names = e.getValue() instanceof List<?> ? normalized(e.getValue()) : List.of(TextNormalizer.normalize(str(e.getValue())));
                    indicators.put(e.getKey(), names.stream().map(TextNormalizer::label).toList());
                }
            }
            return new SourceMapping(str(required(y, "id")), str(y.get("description")), str(required(y, "bureau")), layout,
                    recognise, options, HeaderNames.spec(y.get("town-column")), figures, HeaderNames.spec(y.getOrDefault("indicator-column", "指标名称")),
                    HeaderNames.spec(y.getOrDefault("unit-column", "单位")), HeaderNames.spec(y.getOrDefault("value-column", "本期值")),
                    HeaderNames.spec(y.getOrDefault("remark-column", "备注")), indicators, f, layoutName, layouts);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Source mapping " + f + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The option's value: the mapping's own, else _defaults.yml's, else the built-in default. */
    private static Object option(Map<String, Object> opts, TemplateOption option) {
        return opts.getOrDefault(option.key(), option.builtIn());
    }

    private static Object required(Map<String, Object> y, String key) {
        Object v = y.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static boolean bool(Object o) {
        return Boolean.parseBoolean(o.toString());
    }

    private static List<String> strings(Object o) {
        if (o == null) {
            return List.of();
        }
        return ((List<?>) o).stream().map(String::valueOf).toList();
    }

    private static List<String> normalized(Object o) {
        return strings(o).stream().map(TextNormalizer::normalize).toList();
    }
}
