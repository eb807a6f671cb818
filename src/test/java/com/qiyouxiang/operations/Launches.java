package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.qiyouxiang.ChildJvm;
import com.qiyouxiang.QiyouxiangApplication;
import com.qiyouxiang.warehouse.FaultInjection;

/**
 * Real launches for the launcher tests: the application in a child JVM (its main, as jobs/run starts it), or the
 * jobs/ scripts themselves under a bare environment, with no QYX_* variable of the machine leaking in.
 */
final class Launches {

    record Result(int exitCode, String output) {
    }

    private Launches() {
    }

    /** The application's main in a child JVM with the given environment additions (on top of this one's, QYX_* removed). */
    static Result application(Map<String, String> environment, List<String> args) throws IOException, InterruptedException {
        return application(environment, args, null);
    }

    /** The same, killed with SIGKILL once it holds before committing {@code holdAt} (FaultInjection). */
    static Result application(Map<String, String> environment, List<String> args, String holdAt)
            throws IOException, InterruptedException {
        return application(environment, List.of(), args, holdAt);
    }

    /** The same with options for the child JVM (-D...), before its main class. */
    static Result application(Map<String, String> environment, List<String> jvmOptions, List<String> args, String holdAt)
            throws IOException, InterruptedException {
        List<String> command = ChildJvm.java();
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", classPath()));
        command.addAll(jvmOptions);
        if (holdAt != null) {
            command.add("-D" + FaultInjection.PROPERTY + "=" + holdAt);
        }
        command.add(QiyouxiangApplication.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.toUpperCase().startsWith("QYX_"));
        builder.environment().putAll(environment);
        return run(builder, holdAt == null ? null : "QYX-FAULT-HOLD " + holdAt, line -> { });
    }

    /**
     * A jobs/ script under {@code env -i}: only PATH=/usr/bin:/bin (java found as /usr/bin/java, no JAVA_HOME), HOME
     * and the given variables; no locale at all, as cron and a bare systemd unit start it. HOME is this user's, so
     * that a stale jar would be rebuilt from the warm Maven repository (the integration tests run after packaging,
     * where the jar is current), and the working directory is {@code dir}. QYX_JAVA_OPTS carries the test launches'
     * {@link ChildJvm#OPTIONS} to the JVM jobs/run starts, unless {@code environment} sets it.
     */
    static Result script(Path dir, Map<String, String> environment, String script, String... args)
            throws IOException, InterruptedException {
        return script(dir, environment, line -> { }, script, args);
    }

    /** The same, telling {@code onLine} each line of output as it comes. */
    static Result script(Path dir, Map<String, String> environment, java.util.function.Consumer<String> onLine, String script,
                         String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("env", "-i", "PATH=/usr/bin:/bin",
                "HOME=" + System.getProperty("user.home")));
        environment.forEach((k, v) -> command.add(k + "=" + v));
        if (!environment.containsKey("QYX_JAVA_OPTS")) {
            command.add("QYX_JAVA_OPTS=" + ChildJvm.javaOpts());
        }
        command.add(Path.of(script).toAbsolutePath().toString());
        command.addAll(Arrays.asList(args));
        return run(new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()), null, onLine);
    }

    private static Result run(ProcessBuilder builder, String killOn, java.util.function.Consumer<String> onLine)
            throws IOException, InterruptedException {
        Process p = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                onLine.accept(line);
                if (killOn != null && line.equals(killOn)) {
                    p.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished:\n" + output).isTrue();
        return new Result(p.exitValue(), output.toString());
    }

    /** This JVM's class path without empty entries (surefire ends it with ':'). */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }

    /** One number from a read-only query of a DuckDB file. */
    static long count(Path database, String sql) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), readOnly);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every file and folder under a folder (relative names), to show that a refused start wrote nothing. */
    static List<String> tree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
