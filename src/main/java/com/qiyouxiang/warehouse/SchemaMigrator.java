package com.qiyouxiang.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the versioned scripts {@code sql/schema/V<n>__<name>.sql} in order, each once, each in
 * its own transaction, and records them in {@code schema_version}. A warehouse made by an earlier
 * version is upgraded in place; one made by a newer version than this build knows is refused.
 */
public class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    public record Migration(int version, String description, String script) {
    }

    /** All migrations shipped with this build, in version order. */
    public static List<Migration> available() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:sql/schema/V*.sql");
            List<Migration> migrations = new ArrayList<>();
            for (Resource r : resources) {
                Matcher m = NAME.matcher(r.getFilename());
                if (!m.matches()) {
                    throw new IllegalStateException("Schema script not named V<n>__<name>.sql: " + r.getFilename());
                }
                migrations.add(new Migration(Integer.parseInt(m.group(1)), m.group(2),
                        new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
            }
            migrations.sort(Comparator.comparingInt(Migration::version));
            return migrations;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list sql/schema", e);
        }
    }

    /** Applies every pending migration. */
    public static List<Integer> migrate(Connection c) throws SQLException {
        return migrate(c, Integer.MAX_VALUE);
    }

    /** Applies pending migrations up to and including {@code upTo} (tests build old warehouses so). */
    public static List<Integer> migrate(Connection c, int upTo) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                        version INTEGER PRIMARY KEY, description VARCHAR NOT NULL,
                        applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)""");
        }
        Set<Integer> applied = new HashSet<>();
        int newest = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                applied.add(rs.getInt(1));
                newest = Math.max(newest, rs.getInt(1));
            }
        }
        List<Migration> available = available();
        int known = available.isEmpty() ? 0 : available.get(available.size() - 1).version();
        if (newest > known) {
            throw new IllegalStateException("The warehouse has schema version " + newest
                    + " but this build knows only up to " + known + ": use a newer build");
        }
        List<Integer> done = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (Migration m : available) {
                if (m.version() > upTo || applied.contains(m.version())) {
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    s.execute(m.script());
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version, description) VALUES (?, ?)")) {
                    p.setInt(1, m.version());
                    p.setString(2, m.description());
                    p.executeUpdate();
                }
                c.commit();
                done.add(m.version());
                log.info("Schema migrated to V{} ({})", m.version(), m.description());
            }
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("Schema migration failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return done;
    }
}
