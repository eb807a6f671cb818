package com.qiyouxiang.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

/**
 * Creates the Spring Batch job metadata tables (spring.batch.jdbc.initialize-schema) only when they are missing.
 * Boot's own initializer runs Spring Batch's schema script on every start and ignores the errors of its
 * {@code CREATE TABLE} statements once the tables exist; H2 writes each of those errors, with its stack trace, to
 * {@code <qyx.metadata-path>.trace.db} (about 150 lines per start), and PostgreSQL to its server log. This one
 * (replacing Boot's, which backs off when a bean of its type exists) first looks in the current schema's
 * information_schema for every table and sequence the script creates, and runs the script as Boot would when any
 * is missing: a new metadata database, or one left half-made.
 */
@Component
class BatchMetadataSchema extends BatchDataSourceScriptDatabaseInitializer {

    private static final Logger log = LoggerFactory.getLogger(BatchMetadataSchema.class);
    private static final Pattern CREATED = Pattern.compile(
            "(?i)\\bCREATE\\s+(?:TABLE|SEQUENCE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z0-9_]+)");
    private static final String EXISTING = """
            SELECT upper(table_name) FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA
            UNION ALL
            SELECT upper(sequence_name) FROM information_schema.sequences WHERE sequence_schema = CURRENT_SCHEMA""";

    private final JdbcTemplate jdbc;

    BatchMetadataSchema(DataSource dataSource, BatchJdbcProperties properties) {
        super(dataSource, properties);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    protected void runScripts(Scripts scripts) {
        Set<String> created = new HashSet<>();
        Charset encoding = scripts.getEncoding() == null ? StandardCharsets.UTF_8 : scripts.getEncoding();
        for (Resource script : scripts) {
            Matcher m = CREATED.matcher(read(script, encoding));
            while (m.find()) {
                created.add(m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        Set<String> existing;
        try {
            existing = new HashSet<>(jdbc.queryForList(EXISTING, String.class));
        } catch (DataAccessException e) {
            log.debug("Cannot list the metadata tables ({}); running the schema script", e.getMessage());
            existing = Set.of();
        }
        if (!created.isEmpty() && existing.containsAll(created)) {
            log.debug("Job metadata tables present: {}", created);
            return;
        }
        super.runScripts(scripts);
    }

    private static String read(Resource script, Charset encoding) {
        try (var in = script.getInputStream()) {
            return StreamUtils.copyToString(in, encoding);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + script, e);
        }
    }
}
