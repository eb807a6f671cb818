package com.qiyouxiang.docs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.qiyouxiang.intake.spreadsheet.TemplateOption;

/**
 * docs/reference/template-options.md: every named option of a template mapping, from {@link TemplateOption}
 * (key, type, built-in default, meaning) and the defaults in jobs/sources/spreadsheets/_defaults.yml.
 * An option in _defaults.yml that the code does not know fails the generation.
 */
final class TemplateOptionsDoc {

    static final Path OUTPUT = Path.of("docs/reference/template-options.md");
    static final Path DEFAULTS = Path.of("jobs/sources/spreadsheets/_defaults.yml");

    private TemplateOptionsDoc() {
    }

    static String render(Path defaultsFile) {
        Map<String, Object> defaults = options(defaultsFile);
        for (String key : defaults.keySet()) {
            TemplateOption.of(key); // fails on an option the code does not read
        }
        StringBuilder md = new StringBuilder();
        md.append("# Template options (模板选项)\n\n")
                .append("Generated from `TemplateOption` (`src/main/java/com/qiyouxiang/intake/spreadsheet/TemplateOption.java`) and\n")
                .append("`jobs/sources/spreadsheets/_defaults.yml` by `jobs/run reference-docs`; do not edit by hand: ReferenceDocsTest\n")
                .append("fails when this file differs. Each quirk of a bureau's spreadsheet is one named option under `options:` in a\n")
                .append("template mapping (`jobs/sources/spreadsheets/*.yml`); a mapping's own value wins over `_defaults.yml`, which wins\n")
                .append("over the built-in default. How a mapping is written: [docs/spreadsheets.md](../spreadsheets.md).\n\n")
                .append("| option | type | default (`_defaults.yml`) | built-in default | what it does |\n")
                .append("|---|---|---|---|---|\n");
        for (TemplateOption o : TemplateOption.of(TemplateOption.Scope.SHEET)) {
            md.append("| `").append(o.key()).append("` | ").append(o.type()).append(" | ")
                    .append(defaults.containsKey(o.key()) ? value(defaults.get(o.key())) : "—").append(" | ")
                    .append(o.builtIn() == null ? "(required)" : value(o.builtIn())).append(" | ")
                    .append(o.description().replace("|", "\\|")).append(" |\n");
        }
        md.append("\n## A figure's own options (layout town-columns)\n\n")
                .append("Written in one entry of `figures:` beside its `indicator` and its `column` (or `numerator` and `denominator`);\n")
                .append("`_defaults.yml` does not set them.\n\n")
                .append("| option | type | default | what it does |\n|---|---|---|---|\n");
        for (TemplateOption o : TemplateOption.of(TemplateOption.Scope.FIGURE)) {
            md.append("| `").append(o.key()).append("` | ").append(o.type()).append(" | ").append(value(o.builtIn())).append(" | ")
                    .append(o.description().replace("|", "\\|")).append(" |\n");
        }
        md.append("\n## Column names (列名)\n\n").append(TemplateOption.COLUMN_NAMES);
        md.append("\n## Layouts of one template (`layouts:`)\n\n").append(TemplateOption.LAYOUTS);
        md.append("\n## Platform export options (`jobs/sources/platform/platform-*.yml`)\n\n")
                .append("Written under `options:` of a platform export mapping, beside its `dataset`, `file-name` and `columns`\n")
                .append("(how a mapping is written: [docs/platform.md](../platform.md)). `PlatformOption` in\n")
                .append("`src/main/java/com/qiyouxiang/intake/platform/PlatformOption.java`.\n\n")
                .append("| option | type | default | what it does |\n|---|---|---|---|\n");
        for (com.qiyouxiang.intake.platform.PlatformOption o : com.qiyouxiang.intake.platform.PlatformOption.values()) {
            md.append("| `").append(o.key()).append("` | ").append(o.type()).append(" | ").append(value(o.builtIn())).append(" | ")
                    .append(o.description().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static String value(Object v) {
        if (v instanceof Map<?, ?> m && m.isEmpty()) {
            return "`{}`";
        }
        String text = v instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"))
                : String.valueOf(v);
        return "`" + text.replace("|", "\\|") + "`";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> y = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            return (Map<String, Object>) y.getOrDefault("options", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
