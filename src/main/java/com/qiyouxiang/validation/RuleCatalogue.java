package com.qiyouxiang.validation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The rule catalogue read from every {@code *.yml} in the rules folder (qyx.validation.rules-dir),
 * in file-name order: {@code rules:} entries and {@code overrides:} entries. A mistake in the
 * configuration (unknown kind or tier, duplicate id, missing message) stops the run with the file named.
 */
public record RuleCatalogue(List<Rule> rules, List<TierOverride> overrides) {

    /** The rule kinds this build implements (one class each). */
    public static final Set<String> KINDS = Set.of("range", "numerator-denominator", "total", "cumulative", "change",
            "re-report", "cross-source", "missing");

    public static RuleCatalogue load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Rule catalogue folder not found: " + dir.toAbsolutePath()
                    + " (qyx.validation.rules-dir)");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Rule> rules = new ArrayList<>();
        List<TierOverride> overrides = new ArrayList<>();
        for (Path file : files) {
            Map<String, Object> root = readYaml(file);
            for (Map<String, Object> r : maps(root.get("rules"), file)) {
                rules.add(rule(r, file));
            }
            for (Map<String, Object> o : maps(root.get("overrides"), file)) {
                overrides.add(override(o, file));
            }
        }
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("Rule id " + r.id() + " appears twice in " + dir);
            }
        }
        for (TierOverride o : overrides) {
            if (!ids.contains(o.ruleId())) {
                throw new IllegalArgumentException("Tier override for unknown rule " + o.ruleId() + " in " + dir);
            }
        }
        return new RuleCatalogue(List.copyOf(rules), List.copyOf(overrides));
    }

    /** The tier of a rule for a figure of this indicator and bureau, overrides applied. */
    public Tier tierFor(Rule rule, String indicatorCode, String bureauCode) {
        return overrides.stream()
                .filter(o -> o.matches(rule.id(), indicatorCode, bureauCode))
                .max(Comparator.comparingInt(TierOverride::specificity))
                .map(TierOverride::tier)
                .orElse(rule.tier());
    }

    public List<Rule> ofKind(String kind) {
        return rules.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    private static Map<String, Object> readYaml(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (root == null) {
                return Map.of();
            }
            if (!(root instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(file + ": expected 'rules:' and/or 'overrides:' at the top");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) root;
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Rule rule(Map<String, Object> r, Path file) {
        String id = required(r, "id", file, "?");
        String where = file.getFileName() + " rule " + id;
        String kind = required(r, "kind", file, id);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(where + ": unknown kind '" + kind + "' (known: " + KINDS + ")");
        }
        Object version = r.getOrDefault("version", 1);
        Map<String, Object> applies = map(r.get("applies-to"), where);
        Map<String, Object> tolerance = map(r.get("tolerance"), where);
        Map<String, Object> params = map(r.get("params"), where);
        Rule rule = new Rule(id, ((Number) version).intValue(), kind, Tier.parse(required(r, "tier", file, id)),
                (String) r.getOrDefault("title", id),
                new AppliesTo(set(applies.get("indicators")), set(applies.get("bureaus")), set(applies.get("sources")),
                        set(applies.get("units")), set(applies.get("aggregations")), set(applies.get("kinds")),
                        (Boolean) applies.get("cumulative")),
                new Tolerance(number(tolerance.get("absolute")), number(tolerance.get("relative"))),
                Map.copyOf(params), required(r, "message", file, id), (String) r.get("message-not-comparable"),
                (String) r.get("reason-code"));
        requireParams(rule, where);
        return rule;
    }

    private static void requireParams(Rule rule, String where) {
        switch (rule.kind()) {
            case "range" -> {
                if (rule.number("min") == null && rule.number("max") == null) {
                    throw new IllegalArgumentException(where + ": a range rule needs params min and/or max");
                }
            }
            case "change" -> {
                String compareTo = rule.text("compare-to");
                if (!"previous-quarter".equals(compareTo) && !"same-period-last-year".equals(compareTo)) {
                    throw new IllegalArgumentException(where
                            + ": a change rule needs params compare-to: previous-quarter | same-period-last-year");
                }
                if (rule.number("threshold") == null || rule.messageNotComparable() == null) {
                    throw new IllegalArgumentException(where + ": a change rule needs params threshold and message-not-comparable");
                }
            }
            case "cumulative" -> {
                String check = rule.text("check");
                if (!"not-below-earlier".equals(check) && !"identity".equals(check)) {
                    throw new IllegalArgumentException(where + ": a cumulative rule needs params check: not-below-earlier | identity");
                }
            }
            default -> {
            }
        }
    }

    private static TierOverride override(Map<String, Object> o, Path file) {
        String rule = required(o, "rule", file, "override");
        return new TierOverride(rule, set(o.get("indicators")), set(o.get("bureaus")),
                Tier.parse(required(o, "tier", file, "override of " + rule)), (String) o.get("reason"));
    }

    private static String required(Map<String, Object> m, String key, Path file, String id) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException(file.getFileName() + " " + id + ": '" + key + "' is required");
        }
        return v.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list, Path file) {
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?>)) {
            throw new IllegalArgumentException(file + ": 'rules' and 'overrides' are lists");
        }
        return (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object m, String where) {
        if (m == null) {
            return new LinkedHashMap<>();
        }
        if (!(m instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": expected a mapping, got " + m);
        }
        return (Map<String, Object>) m;
    }

    private static Set<String> set(Object list) {
        if (list == null) {
            return Set.of();
        }
        Set<String> set = new LinkedHashSet<>();
        for (Object o : (Collection<?>) list) {
            set.add(o.toString());
        }
        return set;
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
