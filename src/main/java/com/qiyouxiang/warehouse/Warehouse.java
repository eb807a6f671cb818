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
 * other processes); every caller gets its own connection duplicated from the root one. The
 * schema is migrated when the warehouse opens.
 *
 * <p>Deliberately not a {@link DataSource} bean: Spring Batch's job metadata lives in its own
 * database (see application.yml), so Boot's DataSource auto-configuration stays untouched.
 */
public class Warehouse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

    private final Path path;
    private final DuckDBConnection root;
    private final JdbcTemplate jdbc;

    public Warehouse(Path path) {
        this.path = path.toAbsolutePath().normalize();
        try {
            if (this.path.getParent() != null) {
                Files.createDirectories(this.path.getParent());
            }
            this.root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + this.path);
        } catch (SQLException e) {
            throw new WarehouseUnavailableException(this.path, e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the warehouse folder for " + this.path, e);
        }
        this.jdbc = new JdbcTemplate(dataSource());
        log.info("Warehouse open: {}", this.path);
    }

    public Path path() {
        return path;
    }

    /** A new connection to the warehouse (auto-commit on); close it when done. */
    public DuckDBConnection connect() {
        try {
            return root.duplicate();
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

    /** Runs a (multi-statement) SQL script from sql/ on the given connection. */
    public static void runScript(Connection connection, String sqlPath) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(SqlFiles.read(sqlPath));
        }
    }

    @Override
    public void close() {
        try {
            root.close();
            log.info("Warehouse closed: {}", path);
        } catch (SQLException e) {
            log.warn("Closing the warehouse {} failed: {}", path, e.getMessage());
        }
    }
}
