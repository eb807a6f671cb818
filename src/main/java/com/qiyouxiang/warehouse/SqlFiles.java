package com.qiyouxiang.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the SQL files under {@code sql/} (shipped on the class path). */
public final class SqlFiles {

    private SqlFiles() {
    }

    /** @param path relative to sql/, e.g. "statements/catalog/merge_dim_indicator.sql" */
    public static String read(String path) {
        String resource = "sql/" + path;
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL file not found on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z_]+)}");

    /**
     * Reads a SQL file and fills its {@code ${name}} placeholders with SQL literals: strings are
     * quoted (with quotes doubled), numbers written as they are. A placeholder without a value is an error.
     */
    public static String read(String path, Map<String, ?> values) {
        return fill(read(path), values, "sql/" + path);
    }

    /** Fills the {@code ${name}} placeholders of a SQL text (read from {@code source}) as {@link #read(String, Map)} does. */
    public static String fill(String sql, Map<String, ?> values, String source) {
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalArgumentException("No value for ${" + m.group(1) + "} in " + source);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(literal(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
