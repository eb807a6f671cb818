package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks the mapping files under {@code jobs/sources/} before anything reads a file with them
 * ({@code jobs/run check-mappings}, and {@link SourceMappings#load} at the start of every ingest): every key
 * known (a misspelled option is refused, never ignored), every value of its type, each problem named by
 * file and line (SnakeYAML's node tree keeps the marks); then, with a catalog, every indicator code known
 * and every unit convertible to the indicator's; and file names that more than one mapping's pattern
 * matches.
 */
public final class MappingCheck {

    /** One finding: {@code file:line: message}; an error refuses the mapping, a warning is reported only. */
    public record Problem(Path file, int line, boolean error, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + (error ? "" : "warning: ") + message;
        }
    }

    /** What the catalog says of an indicator: its canonical unit (empty when it has none). */
    public record CatalogIndicator(String code, String name, String unit, boolean annual) {
    }

    // ---- the schema of a mapping file ------------------------------------------------------------

    public sealed interface Shape permits Scalar, ListOf, Fields, AnyKeys {
    }

    private enum ScalarKind { TEXT, INTEGER, NUMBER, BOOLEAN, TEXT_OR_LIST, TEXT_LIST }

    private record Scalar(ScalarKind kind, Set<String> allowed) implements Shape {
    }

    private record ListOf(Shape element) implements Shape {
    }

    private record Fields(Map<String, Shape> fields) implements Shape {
    }

    private record AnyKeys(Shape value) implements Shape {
    }

    private static Scalar scalar(ScalarKind kind) {
        return new Scalar(kind, Set.of());
    }

    private static final Scalar TEXT = scalar(ScalarKind.TEXT);

    private static Fields options() {
        Map<String, Shape> f = new LinkedHashMap<>();
        for (TemplateOption o : TemplateOption.of(TemplateOption.Scope.SHEET)) {
            f.put(o.key(), shape(o));
        }
        return new Fields(f);
    }

    private static Shape shape(TemplateOption o) {
        return switch (o) {
            case ANNUAL_IN_QUARTER -> new Scalar(ScalarKind.INTEGER, Set.of("1", "4"));
            case PERIOD_FROM -> new Scalar(ScalarKind.TEXT_LIST, Set.of("title", "file-name"));
            case FIGURE_PERIOD -> new Scalar(ScalarKind.TEXT, Set.of("file", "year", "previous-year"));
            default -> switch (o.valueType()) {
                case TEXT -> TEXT;
                case INTEGER -> scalar(ScalarKind.INTEGER);
                case NUMBER -> scalar(ScalarKind.NUMBER);
                case BOOLEAN -> scalar(ScalarKind.BOOLEAN);
                case TEXT_LIST -> scalar(ScalarKind.TEXT_LIST);
            };
        };
    }

    static Fields spreadsheetSchema() {
        Map<String, Shape> figure = new LinkedHashMap<>();
        figure.put("indicator", TEXT);
        figure.put("column", scalar(ScalarKind.TEXT_OR_LIST));
        figure.put("numerator", scalar(ScalarKind.TEXT_OR_LIST));
        figure.put("denominator", scalar(ScalarKind.TEXT_OR_LIST));
        figure.put("quarter-column", scalar(ScalarKind.TEXT_OR_LIST));
        for (TemplateOption o : TemplateOption.of(TemplateOption.Scope.FIGURE)) {
            figure.put(o.key(), shape(o));
        }
        Map<String, Shape> recognise = new LinkedHashMap<>();
        recognise.put("file-name", TEXT);
        recognise.put("sheet", TEXT);
        recognise.put("header-text", scalar(ScalarKind.TEXT_OR_LIST));
        Map<String, Shape> top = new LinkedHashMap<>();
        top.put("id", TEXT);
        top.put("description", TEXT);
        top.put("bureau", TEXT);
        top.put("layout", new Scalar(ScalarKind.TEXT, Set.of("indicator-rows", "town-columns")));
        top.put("recognise", new Fields(recognise));
        top.put("options", options());
        top.put("town-column", scalar(ScalarKind.TEXT_OR_LIST));
        top.put("figures", new ListOf(new Fields(figure)));
        top.put("indicator-column", scalar(ScalarKind.TEXT_OR_LIST));
        top.put("unit-column", scalar(ScalarKind.TEXT_OR_LIST));
        top.put("value-column", scalar(ScalarKind.TEXT_OR_LIST));
        top.put("remark-column", scalar(ScalarKind.TEXT_OR_LIST));
        top.put("indicators", new AnyKeys(scalar(ScalarKind.TEXT_OR_LIST)));
        Map<String, Shape> layout = new LinkedHashMap<>();
        layout.put("name", TEXT);
        for (String key : List.of("options", "town-column", "figures", "indicator-column", "unit-column", "value-column",
                "remark-column", "indicators")) {
            layout.put(key, top.get(key));
        }
        top.put("layouts", new ListOf(new Fields(layout)));
        return new Fields(top);
    }

    static Fields defaultsSchema() {
        return new Fields(Map.of("options", options()));
    }

    /** A platform export mapping (jobs/sources/platform/platform-*.yml); its column fields are checked by PlatformMapping. */
    static Fields platformSchema() {
        Map<String, Shape> top = new LinkedHashMap<>();
        top.put("id", TEXT);
        top.put("dataset", TEXT);
        top.put("bureau", TEXT);
        top.put("file-name", TEXT);
        top.put("columns", new AnyKeys(scalar(ScalarKind.TEXT_OR_LIST)));
        top.put("options", new Fields(PLATFORM_OPTIONS));
        return new Fields(top);
    }

    /**
     * The options of a platform mapping (intake.platform's PlatformOption, which this package may not use; a test holds
     * the two to the same keys).
     */
    public static final Map<String, Shape> PLATFORM_OPTIONS = platformOptions();

    private static Map<String, Shape> platformOptions() {
        Map<String, Shape> f = new LinkedHashMap<>();
        f.put("delimiter", new Scalar(ScalarKind.TEXT, Set.of("auto", ",", ";", "tab", "|")));
        f.put("encoding", new Scalar(ScalarKind.TEXT, Set.of("auto", "UTF-8", "GBK", "GB18030")));
        f.put("quote", TEXT);
        f.put("header-row", scalar(ScalarKind.INTEGER));
        f.put("indicator-codes", new AnyKeys(TEXT));
        f.put("match-indicator-names", scalar(ScalarKind.BOOLEAN));
        f.put("indicator-aliases", new AnyKeys(scalar(ScalarKind.TEXT_OR_LIST)));
        return f;
    }

    private MappingCheck() {
    }

    // ---- structure ------------------------------------------------------------------------------

    /** The structural problems of one spreadsheet mapping file (or _defaults.yml): unknown keys, wrong types, bad patterns. */
    public static List<Problem> structure(Path file) {
        String name = file.getFileName().toString();
        Fields schema = name.startsWith("_") ? defaultsSchema() : name.startsWith("platform-") ? platformSchema() : spreadsheetSchema();
        return structure(file, schema);
    }

    private static List<Problem> structure(Path file, Fields schema) {
        List<Problem> problems = new ArrayList<>();
        Node root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(r);
        } catch (YAMLException e) {
            problems.add(new Problem(file, 1, true, "not valid YAML: " + e.getMessage().replaceAll("\\s+", " ")));
            return problems;
        } catch (IOException e) {
            problems.add(new Problem(file, 1, true, "cannot be read: " + e.getMessage()));
            return problems;
        }
        if (root == null) {
            problems.add(new Problem(file, 1, true, "is empty"));
            return problems;
        }
        walk(file, root, schema, "", problems);
        if (schema.fields().containsKey("recognise") || schema.fields().containsKey("dataset")) {
            patterns(file, root, problems);
        }
        return problems;
    }

    private static void walk(Path file, Node node, Shape shape, String path, List<Problem> problems) {
        int line = node.getStartMark().getLine() + 1;
        String where = path.isEmpty() ? "the file" : "'" + path + "'";
        if (shape instanceof Fields f) {
                if (!(node instanceof MappingNode map)) {
                    problems.add(new Problem(file, line, true, where + " must be a map of keys (" + String.join(", ", f.fields().keySet()) + ")"));
                    return;
                }
                for (NodeTuple t : map.getValue()) {
                    String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                    Shape child = f.fields().get(key);
                    if (child == null) {
                        int keyLine = t.getKeyNode().getStartMark().getLine() + 1;
                        String kind = path.equals("options") ? "option" : "key";
                        problems.add(new Problem(file, keyLine, true, "unknown " + kind + " '" + key + "'"
                                + (path.isEmpty() ? "" : " in '" + path + "'") + suggestion(key, f.fields().keySet())
                                + "; known: " + String.join(", ", f.fields().keySet())));
                        continue;
                    }
                    walk(file, t.getValueNode(), child, path.isEmpty() ? key : path + "." + key, problems);
                }
        } else if (shape instanceof AnyKeys a) {
                if (!(node instanceof MappingNode map)) {
                    problems.add(new Problem(file, line, true, where + " must be a map"));
                    return;
                }
                for (NodeTuple t : map.getValue()) {
                    String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                    walk(file, t.getValueNode(), a.value(), path + "." + key, problems);
                }
        } else if (shape instanceof ListOf l) {
                if (!(node instanceof SequenceNode seq)) {
                    problems.add(new Problem(file, line, true, where + " must be a list (lines starting with '- ')"));
                    return;
                }
                for (int i = 0; i < seq.getValue().size(); i++) {
                    walk(file, seq.getValue().get(i), l.element(), path + "[" + (i + 1) + "]", problems);
                }
        } else if (shape instanceof Scalar s) {
            scalar(file, node, s, where, problems);
        }
    }

    private static void scalar(Path file, Node node, Scalar s, String where, List<Problem> problems) {
        int line = node.getStartMark().getLine() + 1;
        if (s.kind() == ScalarKind.TEXT_LIST || s.kind() == ScalarKind.TEXT_OR_LIST) {
            if (node instanceof SequenceNode seq) {
                for (Node e : seq.getValue()) {
                    if (!(e instanceof ScalarNode v)) {
                        problems.add(new Problem(file, e.getStartMark().getLine() + 1, true, where + " must be a list of texts"));
                    } else if (!s.allowed().isEmpty() && !s.allowed().contains(v.getValue())) {
                        problems.add(new Problem(file, e.getStartMark().getLine() + 1, true, where + ": '" + v.getValue()
                                + "' is not one of " + s.allowed()));
                    }
                }
                return;
            }
            if (s.kind() == ScalarKind.TEXT_LIST) {
                problems.add(new Problem(file, line, true, where + " must be a list, e.g. [a, b]"));
                return;
            }
        }
        if (!(node instanceof ScalarNode v)) {
            problems.add(new Problem(file, line, true, where + " must be a single value, not a " + (node instanceof MappingNode ? "map" : "list")));
            return;
        }
        Tag tag = v.getTag();
        boolean ok = switch (s.kind()) {
            case INTEGER -> tag.equals(Tag.INT);
            case NUMBER -> tag.equals(Tag.INT) || tag.equals(Tag.FLOAT);
            case BOOLEAN -> tag.equals(Tag.BOOL);
            case TEXT, TEXT_OR_LIST, TEXT_LIST -> !tag.equals(Tag.NULL) || !v.getValue().isEmpty();
        };
        String expected = switch (s.kind()) {
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            default -> "a text";
        };
        if (!ok && !(tag.equals(Tag.NULL) && where.equals("'bureau'"))) {
            problems.add(new Problem(file, line, true, where + " must be " + expected + ", not '" + v.getValue() + "'"));
        } else if (ok && !s.allowed().isEmpty() && !s.allowed().contains(v.getValue())) {
            problems.add(new Problem(file, line, true, where + ": '" + v.getValue() + "' is not one of " + s.allowed()));
        }
    }

    private static void patterns(Path file, Node root, List<Problem> problems) {
        for (String path : List.of("recognise.file-name", "recognise.sheet", "file-name")) {
            Node n = find(root, path);
            if (n instanceof ScalarNode v) {
                try {
                    Pattern.compile(v.getValue());
                } catch (PatternSyntaxException e) {
                    problems.add(new Problem(file, v.getStartMark().getLine() + 1, true, "'" + path + "' is no valid regular expression: "
                            + e.getDescription()));
                }
            }
        }
    }

    private static Node find(Node node, String path) {
        for (String part : path.split("\\.")) {
            if (!(node instanceof MappingNode map)) {
                return null;
            }
            Node next = null;
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(part)) {
                    next = t.getValueNode();
                }
            }
            node = next;
        }
        return node;
    }

    /** The line of a key path in a file (1 when it is not found), for the catalog findings. */
    static int lineOf(Path file, String path) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node n = find(new Yaml(new SafeConstructor(new LoaderOptions())).compose(r), path);
            return n == null ? 1 : n.getStartMark().getLine() + 1;
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private static String suggestion(String key, Set<String> known) {
        return known.stream().filter(k -> distance(k, key) <= 2).min(Comparator.comparingInt(k -> distance(k, key)))
                .map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    // ---- catalog and overlaps --------------------------------------------------------------------

    /**
     * The catalog problems of the loaded mappings: an indicator code the catalog does not have, a unit that does
     * not convert to the indicator's canonical unit.
     */
    public static List<Problem> catalog(SourceMappings mappings, Function<String, CatalogIndicator> catalog) {
        List<Problem> problems = new ArrayList<>();
        for (SourceMapping m : mappings.all().stream().flatMap(m -> m.layoutsTried().stream()).toList()) {
            List<String> codes = new ArrayList<>(m.indicators().keySet());
            for (int i = 0; i < m.figures().size(); i++) {
                SourceMapping.Figure f = m.figures().get(i);
                CatalogIndicator known = catalog.apply(f.indicator());
                if (known == null) {
                    problems.add(new Problem(m.file(), lineOf(m.file(), "figures"), true, "figure " + (i + 1) + ": indicator '"
                            + f.indicator() + "' is not in the catalog (add it to the catalog first, or correct the code)"));
                } else if (f.unit() != null && Units.factor(f.unit(), known.unit()) == null) {
                    problems.add(new Problem(m.file(), lineOf(m.file(), "figures"), true, "figure " + (i + 1) + ": unit '" + f.unit()
                            + "' does not convert to " + f.indicator() + " " + known.name() + "'s unit '" + known.unit() + "'"));
                } else if ((f.numeratorUnit() != null || f.denominatorUnit() != null) && !f.isRatio()) {
                    problems.add(new Problem(m.file(), lineOf(m.file(), "figures"), true, "figure " + (i + 1)
                            + ": 'numerator-unit' and 'denominator-unit' belong to a rate (numerator and denominator)"));
                } else if (f.period() != SourceMapping.FigurePeriod.FILE && !known.annual()) {
                    problems.add(new Problem(m.file(), lineOf(m.file(), "figures"), true, "figure " + (i + 1) + ": 'period: "
                            + f.period().key() + "' is for annual indicators only; " + f.indicator() + " " + known.name() + " is quarterly"));
                }
            }
            for (String code : codes) {
                if (catalog.apply(code) == null) {
                    problems.add(new Problem(m.file(), lineOf(m.file(), "indicators." + code), true, "indicator '" + code
                            + "' in 'indicators' is not in the catalog (add it to the catalog first, or correct the code)"));
                }
            }
        }
        return problems;
    }

    /**
     * File names (of the inbox, the samples) that more than one mapping's {@code recognise.file-name} matches: the
     * first mapping in file order wins unless its sheet pattern fails, so an overlap is reported as a warning.
     */
    public static List<Problem> overlaps(SourceMappings mappings, List<String> fileNames) {
        Map<String, List<String>> seen = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (String fileName : fileNames) {
            String name = TextNormalizer.normalize(fileName);
            List<SourceMapping> matching = mappings.all().stream().filter(m -> m.recognise().fileName().matcher(name).find()).toList();
            for (int i = 1; i < matching.size(); i++) {
                SourceMapping first = matching.get(0);
                SourceMapping other = matching.get(i);
                String pair = first.id() + "|" + other.id();
                if (seen.containsKey(pair)) {
                    continue;
                }
                seen.put(pair, List.of(fileName));
                problems.add(new Problem(other.file(), lineOf(other.file(), "recognise.file-name"), false, "recognise.file-name overlaps '"
                        + first.id() + "' (" + first.file().getFileName() + "): both match '" + fileName + "'; '" + first.id()
                        + "' is tried first, this one only when its sheet pattern (recognise.sheet) does not fit"));
            }
        }
        return problems;
    }

    /** Every structural problem of the mapping files in a folder (and platform-*.yml among them). */
    public static List<Problem> folder(Path dir) throws IOException {
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".yml") || n.endsWith(".yaml")) {
                    problems.addAll(structure(f));
                }
            }
        }
        return problems;
    }
}
