package com.qiyouxiang.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The DuckDB warehouse file. One database instance per process (DuckDB locks the file against
 * other processes); every caller gets its own connection duplicated from the root one. The file
 * is opened, and its schema migrated, on first use: a process that never touches the warehouse
 * (status, query, a launcher finding another run in progress) never locks it.
 *
 * <p>Deliberately not a {@link DataSource} bean: Spring Batch's job metadata lives in its own
 * database (see application.yml), so Boot's DataSource auto-configuration stays untouched.
 */
public class Warehouse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

    private final Path path;
    private final boolean migrate;
    private final DuckDbSettings settings;
    private final JdbcTemplate jdbc;
    private DuckDBConnection root;

    /** A warehouse whose schema is brought up to date when it opens. */
    public Warehouse(Path path) {
        this(path, true);
    }

    /** @param migrate false to open the file as it is (tests that build old schema versions) */
    public Warehouse(Path path, boolean migrate) {
        this(path, migrate, DuckDbSettings.DEFAULTS);
    }

    /**
     * @param migrate  false to open the file as it is
     * @param settings DuckDB's memory limit and threads for this database instance (qyx.duckdb.*)
     */
    public Warehouse(Path path, boolean migrate, DuckDbSettings settings) {
        this.path = path.toAbsolutePath().normalize();
        this.migrate = migrate;
        this.settings = settings == null ? DuckDbSettings.DEFAULTS : settings;
        this.jdbc = new JdbcTemplate(dataSource());
    }

    private synchronized DuckDBConnection root() {
        if (root == null) {
            try {
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + path, settings.connectionProperties());
            } catch (SQLException e) {
                throw new WarehouseUnavailableException(path, e);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create the warehouse folder for " + path, e);
            }
            log.info("Warehouse open: {}{}", path, settings.describe());
            if (migrate) {
                try (Connection c = root.duplicate()) {
                    SchemaMigrator.migrate(c);
                } catch (SQLException e) {
                    close();
                    throw new IllegalStateException("Cannot bring the schema of " + path + " up to date: " + e.getMessage(), e);
                }
            }
        }
        return root;
    }

    public synchronized boolean isOpen() {
        return root != null;
    }

    public Path path() {
        return path;
    }

    /** A new connection to the warehouse (auto-commit on); close it when done. */
    public DuckDBConnection connect() {
        try {
            return root().duplicate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a connection to " + path, e);
        }
    }

    /** A JdbcTemplate for small reads and set-based SQL (never for row-by-row bulk inserts). */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** A DataSource handing out duplicated connections, for Spring's JDBC helpers. */
    public DataSource dataSource() {
        return new AbstractDataSource() {
            @Override
            public Connection getConnection() {
                return connect();
            }

            @Override
            public Connection getConnection(String username, String password) {
                return connect();
            }
        };
    }

    /**
     * An Appender for bulk rows inside the caller's transaction. DuckDB commits an Appender's
     * rows on its own when no statement has run yet in the transaction, so one runs first.
     */
    public static DuckDBAppender appender(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT 1");
        }
        return connection.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    /** A two-column query as a map from the first column to the second (names to codes and the like). */
    public static java.util.Map<String, String> lookup(Connection connection, String sql) throws SQLException {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        try (Statement s = connection.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                map.put(rs.getString(1), rs.getString(2));
            }
        }
        return map;
    }

    /** Runs a (multi-statement) SQL script from sql/ on the given connection. */
    public static void runScript(Connection connection, String sqlPath) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(SqlFiles.read(sqlPath));
        }
    }

    @Override
    public synchronized void close() {
        if (root == null) {
            return;
        }
        try {
            root.close();
            log.info("Warehouse closed: {}", path);
        } catch (SQLException e) {
            log.warn("Closing the warehouse {} failed: {}", path, e.getMessage());
        } finally {
            root = null;
        }
    }
}
