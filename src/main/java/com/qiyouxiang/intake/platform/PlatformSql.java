package com.qiyouxiang.intake.platform;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.qiyouxiang.warehouse.RowCounts;
import com.qiyouxiang.warehouse.SqlFiles;

/** Small helpers for the platform SQL files. */
final class PlatformSql {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z_]+)}");

    /** SQL text put in as it is: only ever built from a mapping's known field names and DuckDB types. */
    record Raw(String sql) {
    }

    private PlatformSql() {
    }

    /**
     * Reads sql/path and fills its ${name} placeholders: {@link Raw} values as they are, numbers as
     * written, anything else as a quoted SQL literal (as SqlFiles.read does).
     */
    static String fill(String path, Map<String, ?> values) {
        Matcher m = VARIABLE.matcher(SqlFiles.read(path));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalArgumentException("No value for ${" + m.group(1) + "} in sql/" + path);
            }
            Object v = values.get(m.group(1));
            String text = v == null ? "NULL" : v instanceof Raw raw ? raw.sql() : v instanceof Number ? v.toString()
                    : "'" + v.toString().replace("'", "''") + "'";
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Row counts of a file loaded set-based: rows loaded and rejected, plus header lines ignored. */
    static RowCounts counts(long loaded, long rejected, int headerLines) {
        RowCounts counts = new RowCounts();
        for (long i = 0; i < loaded; i++) {
            counts.read();
            counts.loaded();
        }
        for (long i = 0; i < rejected; i++) {
            counts.read();
            counts.rejected();
        }
        for (int i = 0; i < headerLines; i++) {
            counts.read();
            counts.ignored("header");
        }
        return counts;
    }
}
