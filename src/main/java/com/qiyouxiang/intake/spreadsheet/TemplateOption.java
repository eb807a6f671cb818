package com.qiyouxiang.intake.spreadsheet;

import java.util.List;

/**
 * Every named option of a template mapping ({@code options:} in {@code jobs/sources/spreadsheets/*.yml}),
 * one place for its key, type, built-in default and meaning: {@link SourceMappings} reads the options by
 * these keys, {@code _defaults.yml} sets the defaults every mapping inherits, and
 * docs/reference/template-options.md is generated from this enum and that file.
 */
public enum TemplateOption {

    HEADER_MARKER("header-marker", "text", null,
            "The header starts at the first row with a cell equal to (or starting with) this text (`镇街`, `序号`). Required: every mapping names it."),
    HEADER_ROWS("header-rows", "integer", 1,
            "How many rows the header spans (2 for a two-row merged header: 托位数 over 总数 | 其中普惠)."),
    FILL_MERGED_HEADER("fill-merged-header", "true/false", true,
            "An empty upper header cell over a lower one takes the text on its left (cells merged across)."),
    FILL_DOWN("fill-down", "list of headers", List.of(),
            "Columns whose empty cells take the value above (cells merged down), e.g. `[单位]`."),
    TOTAL_ROW_LABELS("total-row-labels", "list of texts", List.of(),
            "Labels of the bureau's own city row (合计, 全市): loaded as the city (330681), never as a town, never added to the towns."),
    FOOTNOTE_MARKERS("footnote-markers", "list of texts", List.of(),
            "A row starting with one of these begins the footnotes below the table (ignored, counted as footnote)."),
    META_MARKERS("meta-markers", "list of texts", List.of(),
            "Rows with these are the reporting details above or below the table: 填报单位 (checked against the template's bureau), 填报日期, 填报人."),
    META_QUALIFIERS("meta-qualifiers", "list of texts", List.of(),
            "Qualifiers in brackets removed from a reporting-details cell before it is read (`填报单位（盖章）：…（公章）`): a bracket holding one of these texts, e.g. `[盖章, 公章, 签章]`. The longest of the meta markers wins where several match (`填报单位名称` before `填报单位`)."),
    NO_VALUE_TOKENS("no-value-tokens", "list of texts", List.of(),
            "Cell texts meaning \"no value\" (ignored, counted as no_value)."),
    SKIP_HIDDEN_SHEETS("skip-hidden-sheets", "true/false", true,
            "Hidden (and very hidden) sheets are not read; the file's message lists them."),
    PERIOD_FROM("period-from", "list of title, file-name", List.of("title", "file-name"),
            "Where the file's period is read, in order: the title rows, then the file name."),
    FRACTION_IN_PERCENT_COLUMN("fraction-in-percent-column", "true/false", true,
            "In a % column a figure between 0 and 1 is a fraction: 0.63 means 63."),
    ANNUAL_IN_QUARTER("annual-in-quarter", "4 or 1", 4,
            "Annual indicators are due in this quarter's file: 4 = the same year's Q4 file, 1 = the next year's Q1 file (period = the year before)."),

    // ---- a figure's own options (a key of one entry of figures:, layout town-columns) ----------------------

    FIGURE_PERIOD(Scope.FIGURE, "period", "file, year or previous-year", "file",
            "The period this figure's value is for. `file`: the file's period by the indicator's frequency (an annual indicator only in "
                    + "the file of option `annual-in-quarter`, rejected as 期间不符 in the others). `year`: the year of the file's period, in "
                    + "every file of the year (an annual figure such as the year's population in a quarterly town sheet; a changed value "
                    + "in a later quarter is a revision). `previous-year`: the year before the file's (last year's figure in this "
                    + "year's sheet). The figure's frequency stays its indicator's (the catalog's): `year` and `previous-year` are "
                    + "allowed for annual indicators only (check-mappings refuses them on a quarterly one)."),
    FIGURE_UNIT(Scope.FIGURE, "unit", "text", "the header's (unit), else the indicator's",
            "The unit the column is written in when its header has none in brackets; converted to the indicator's unit "
                    + "(万人 to 人 x 10000); check-mappings refuses a unit that does not convert."),
    FIGURE_NUMERATOR_UNIT(Scope.FIGURE, "numerator-unit", "text", "",
            "A rate's numerator is converted from the unit its column is written in (its header's, in brackets) to this one "
                    + "before the rate is computed and checked (分子不大于分母): e.g. `人`. Empty: the cell as written (or, when the "
                    + "column is a figure of its own, that figure's unit)."),
    FIGURE_DENOMINATOR_UNIT(Scope.FIGURE, "denominator-unit", "text", "",
            "The same for a rate's denominator: `常住人口（万人）` with `denominator-unit: 人` reads 12.5 as 125000, so that "
                    + "`scale` stays the rate's own (1000 for 每千人口)."),
    FIGURE_SCALE(Scope.FIGURE, "scale", "number", 1.0,
            "Multiplies the value: a rate = numerator / denominator x scale (100 for %, 1000 for ‰, 10000 for 每万); a plain "
                    + "column's value x scale (a fraction column 0.63 read as 63 % with `scale: 100`). A rate's numerator or "
                    + "denominator column may also be a figure of its own (another entry of `figures:` with that `column`): each "
                    + "part is then loaded or rejected on its own, and the rate is computed only from two good cells (a bad "
                    + "numerator is rejected once, by its own figure; the rate is counted as ignored, rate_part_rejected).");

    /**
     * How every column of a mapping is named ({@code town-column}, {@code indicator-column}, {@code unit-column},
     * {@code value-column}, {@code remark-column}, a figure's {@code column} / {@code numerator} / {@code denominator} /
     * {@code quarter-column}), read by {@link HeaderNames}; the generated options reference prints it.
     */
    public static final String COLUMN_NAMES = """
            A column is named by its header text without the unit in brackets (`托位数（个）` is `托位数`); a two-row header as \
            `upper/lower` (`托位数/总数`), or by its lower (or only) text when that is unique.

            - **Alternatives**: a list names the same column as each template variant writes it, the first one the sheet has \
            winning: `value-column: [本期值, 本季完成值, 累计完成值]`.
            - **A period placeholder**: `{期间}` stands for the period a bureau writes into a header, so that one mapping \
            serves every quarter: `{期间}完成值` matches `一季度完成值`, `第三季度完成值`, `1-6月完成值`, `1-9月完成值`, \
            `1-12月完成值`, `2025年1-9月完成值`, `上半年完成值`, `全年完成值`, `本季完成值`, `累计完成值` (full-width digits and \
            dashes read as half-width). The period of the file still comes from `period-from`, not from the header.
            - A required column no alternative matches refuses the sheet: the bureau reads which column is missing, the clerk \
            (run summary, `jobs/run check`) which mapping key names it and the header as read.
            """;

    /** How one template carries the layouts a bureau has sent ({@code layouts:}); the generated options reference prints it. */
    public static final String LAYOUTS = """
            A bureau that changes its template (other column names, another header marker, another unit) keeps one mapping: \
            `layouts:` lists the other layouts it has sent, each with a `name` and any of `options`, `town-column`, `figures`, \
            `indicator-column`, `unit-column`, `value-column`, `remark-column` and `indicators`, written over the mapping's own \
            keys (its options merged over the mapping's). Each sheet is read by the first layout whose header fits it (the \
            mapping's own first); a column moved to another place fits any layout, since columns are found by their names. \
            A sheet no layout fits is refused: the bureau reads the columns the first layout misses, the clerk (`jobs/run \
            check`, the run summary) what each layout misses and the header columns the mapping does not read (the \
            difference). The file's message names the layout read (`工作表 分镇街（版式 2025版）`).
            """;

    /** Where an option is written: under {@code options:} of a mapping (or _defaults.yml), or in one figure of {@code figures:}. */
    public enum Scope { SHEET, FIGURE }

    private final Scope scope;
    private final String key;
    private final String type;
    private final Object builtIn;
    private final String description;

    TemplateOption(String key, String type, Object builtIn, String description) {
        this(Scope.SHEET, key, type, builtIn, description);
    }

    TemplateOption(Scope scope, String key, String type, Object builtIn, String description) {
        this.scope = scope;
        this.key = key;
        this.type = type;
        this.builtIn = builtIn;
        this.description = description;
    }

    public Scope scope() {
        return scope;
    }

    /** The options of one scope, in declaration order. */
    public static List<TemplateOption> of(Scope scope) {
        return java.util.Arrays.stream(values()).filter(o -> o.scope == scope).toList();
    }

    /** The key as written in the YAML, e.g. {@code header-rows}. */
    public String key() {
        return key;
    }

    /** How the value is written, for the documentation. */
    public String type() {
        return type;
    }

    /** The value when neither the mapping nor {@code _defaults.yml} sets the option (null: required). */
    public Object builtIn() {
        return builtIn;
    }

    public String description() {
        return description;
    }

    /** How the value must be written in the YAML, for {@link MappingCheck}: a scalar text, an integer, true/false, a list. */
    public enum ValueType { TEXT, INTEGER, NUMBER, BOOLEAN, TEXT_LIST }

    /** The YAML value type, told from the built-in default (the header marker, required, is a text). */
    public ValueType valueType() {
        if (builtIn instanceof List<?>) {
            return ValueType.TEXT_LIST;
        }
        if (builtIn instanceof Boolean) {
            return ValueType.BOOLEAN;
        }
        if (builtIn instanceof Integer) {
            return ValueType.INTEGER;
        }
        if (builtIn instanceof Double) {
            return ValueType.NUMBER;
        }
        return ValueType.TEXT;
    }

    /** The option named by a YAML key, or an exception naming the known keys. */
    public static TemplateOption of(String key) {
        for (TemplateOption o : values()) {
            if (o.scope == Scope.SHEET && o.key.equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown option '" + key + "'");
    }
}
