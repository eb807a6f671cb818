package com.qiyouxiang.intake.platform;

import java.util.List;
import java.util.Map;

/**
 * Every named option of a platform export mapping ({@code options:} in {@code jobs/sources/platform/platform-*.yml}),
 * one place for its key, type, default and meaning: {@link PlatformMapping} reads them by these keys, check-mappings
 * validates them and docs/reference/template-options.md lists them (generated).
 */
public enum PlatformOption {

    DELIMITER("delimiter", "auto, `,`, `;`, `tab` or `|`", "auto",
            "The field delimiter. `auto`: a tab when the header line has one, else a comma."),
    ENCODING("encoding", "auto, UTF-8, GBK or GB18030", "auto",
            "The file's encoding. `auto`: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (GBK's "
                    + "superset) when they are valid as that. A file not valid in the encoding named is refused (UNKNOWN_ENCODING)."),
    QUOTE("quote", "one character, or `none`", "\"",
            "Indicator exports: the quote character around fields that hold the delimiter, quotes (doubled) or line breaks; "
                    + "`none`: fields are never quoted. Refused on a record-level mapping (read with `\"`)."),
    HEADER_ROW("header-row", "integer", 1,
            "Indicator exports: the line that holds the column names; the lines above it (an export's title, its 导出时间) are "
                    + "ignored, counted as title. Refused on a record-level mapping (its header is line 1)."),
    INDICATOR_CODES("indicator-codes", "map of export code: catalog code", Map.of(),
            "Indicator exports: the platform's own indicator codes and the catalog's they stand for (`QYX18: H18`). A code "
                    + "neither here nor in the catalog is looked up by its name (below), else rejected UNKNOWN_INDICATOR."),
    MATCH_INDICATOR_NAMES("match-indicator-names", "true/false", true,
            "Indicator exports: a line whose code is unknown is matched by its 指标名称 (column `indicator_name`) against the "
                    + "catalog's names and the aliases below, compared without spaces and brackets."),
    INDICATOR_ALIASES("indicator-aliases", "map of catalog code: list of names", Map.of(),
            "Indicator exports: other names the platform gives an indicator (`H18: [能级工资集体协商覆盖率]`), for the name match.");

    private final String key;
    private final String type;
    private final Object builtIn;
    private final String description;

    PlatformOption(String key, String type, Object builtIn, String description) {
        this.key = key;
        this.type = type;
        this.builtIn = builtIn;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String type() {
        return type;
    }

    public Object builtIn() {
        return builtIn;
    }

    public String description() {
        return description;
    }

    /** The keys, for check-mappings' schema. */
    public static List<String> keys() {
        return java.util.Arrays.stream(values()).map(PlatformOption::key).toList();
    }
}
