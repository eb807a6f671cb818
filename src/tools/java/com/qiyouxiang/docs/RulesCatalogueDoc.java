package com.qiyouxiang.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

import com.qiyouxiang.validation.AppliesTo;
import com.qiyouxiang.validation.Rule;
import com.qiyouxiang.validation.RuleCatalogue;
import com.qiyouxiang.validation.TierOverride;

/**
 * docs/reference/rules-catalogue.md from the rule catalogue (jobs/rules/*.yml), so the documented list of
 * rules is the configuration itself. Written by {@link ReferenceDocs} ({@code jobs/run reference-docs});
 * ReferenceDocsTest fails when the committed file differs.
 */
public final class RulesCatalogueDoc {

    public static final Path DEFAULT_OUTPUT = Path.of("docs/reference/rules-catalogue.md");

    private RulesCatalogueDoc() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "jobs/rules");
        Path out = args.length > 1 ? Path.of(args[1]) : DEFAULT_OUTPUT;
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, render(RuleCatalogue.load(dir)), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    public static String render(RuleCatalogue catalogue) {
        StringBuilder md = new StringBuilder();
        md.append("# Rule catalogue (规则目录)\n\n")
                .append("Generated from `jobs/rules/*.yml` by `RulesCatalogueDoc` (`jobs/run reference-docs`); do not edit by hand:\n")
                .append("a test fails when this file differs from the configuration. These rules judge the bureaus' figures\n")
                .append("(强制性 rejects the figure, 核实性 loads it as 待核实 until a 情况说明 arrives, 提示性 is reported only);\n")
                .append("the warehouse's own integrity checks (`sql/checks`) guard our code and are not listed here.\n\n")
                .append("| 规则编号 | 版本 | 层级 | 类型 (kind) | 规则 | 适用范围 (applies to) | 允许误差 (tolerance) | 参数 (params) |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Rule r : catalogue.rules()) {
            md.append("| ").append(r.id()).append(" | ").append(r.version()).append(" | ").append(r.tier().zh())
                    .append(" | ").append(r.kind()).append(" | ").append(cell(r.title())).append(" | ")
                    .append(cell(appliesTo(r.appliesTo()))).append(" | ")
                    .append(r.tolerance().absolute() == null && r.tolerance().relative() == null ? "—" : r.tolerance().describe())
                    .append(" | ").append(cell(params(r.params()))).append(" |\n");
        }
        md.append("\n## Messages (提示信息)\n\n")
                .append("`{placeholders}` are filled with the compared values when a rule fails.\n\n")
                .append("| 规则编号 | 原因代码 (reason code) | 提示信息 |\n|---|---|---|\n");
        for (Rule r : catalogue.rules()) {
            md.append("| ").append(r.id()).append(" | ").append(r.reasonCode() == null ? "(kind's own)" : r.reasonCode())
                    .append(" | ").append(cell(r.message())).append(" |\n");
            if (r.messageNotComparable() != null) {
                md.append("| ").append(r.id()).append("（不可比，提示性） | CHANGE_NOT_COMPARABLE | ")
                        .append(cell(r.messageNotComparable())).append(" |\n");
            }
        }
        md.append("\n## Tier overrides (层级调整)\n\n")
                .append("When several match a figure: indicator and bureau together win, then indicator, then bureau.\n\n")
                .append("| 规则编号 | 指标 | 部门 | 层级 | 原因 |\n|---|---|---|---|---|\n");
        for (TierOverride o : catalogue.overrides()) {
            md.append("| ").append(o.ruleId()).append(" | ").append(list(o.indicators())).append(" | ")
                    .append(list(o.bureaus())).append(" | ").append(o.tier().zh()).append(" | ")
                    .append(cell(o.reason() == null ? "" : o.reason())).append(" |\n");
        }
        return md.toString();
    }

    private static String appliesTo(AppliesTo a) {
        StringJoiner s = new StringJoiner("; ");
        add(s, "indicators", a.indicators());
        add(s, "bureaus", a.bureaus());
        add(s, "sources", a.sources());
        add(s, "units", a.units());
        add(s, "aggregations", a.aggregations());
        add(s, "kinds", a.kinds());
        if (a.cumulative() != null) {
            s.add("cumulative: " + a.cumulative());
        }
        return s.length() == 0 ? "all" : s.toString();
    }

    private static void add(StringJoiner s, String name, Set<String> values) {
        if (!values.isEmpty()) {
            s.add(name + ": " + String.join(", ", values));
        }
    }

    private static String params(Map<String, Object> params) {
        StringJoiner s = new StringJoiner(", ");
        new TreeMap<>(params).forEach((k, v) -> s.add(k + ": " + v));
        return s.length() == 0 ? "—" : s.toString();
    }

    private static String list(Set<String> values) {
        return values.isEmpty() ? "all" : String.join(", ", values);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
