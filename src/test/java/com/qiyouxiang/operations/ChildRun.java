package com.qiyouxiang.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.qiyouxiang.ChildJvm;
import com.qiyouxiang.QiyouxiangApplication;

/**
 * The nightly run in a child JVM on a work folder of its own (inbox, warehouse, outputs, quarantine), with a given
 * heap; its resident memory sampled from /proc while it runs, its heap after each GC read from its GC log; killed
 * with SIGKILL when it prints {@code killOn}. For the hostile-corpus and poison-file tests, whose point is what
 * becomes of the files: the marts are built for 2026Q3 on (the closed quarter and the one under way) only.
 */
final class ChildRun {

    record Result(int exitCode, String output, boolean killed, long peakRssKb, long peakHeapMb) {
    }

    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private ChildRun() {
    }

    static Result nightly(Path work, Path inbox, String heap, List<String> jvmOptions, String killOn)
            throws IOException, InterruptedException {
        Path gcLog = work.resolve("gc-" + System.nanoTime() + ".log");
        List<String> command = ChildJvm.java();
        command.addAll(List.of("-Xmx" + heap, "-Dfile.encoding=UTF-8", "-Xlog:gc:file=" + gcLog));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", Launches.classPath(), QiyouxiangApplication.class.getName(), "--spring.batch.job.name=nightlyJob",
                "--qyx.inbox-dir=" + inbox, "--qyx.warehouse-path=" + work.resolve("w.duckdb"),
                "--qyx.metadata-path=" + work.resolve("meta"), "--qyx.log-dir=" + work.resolve("logs"),
                "--qyx.output-dir=" + work.resolve("out"), "--qyx.archive-dir=" + work.resolve("archive"),
                "--qyx.feedback-dir=" + work.resolve("out/feedback"), "--qyx.quarantine-dir=" + work.resolve("quarantine"),
                "--qyx.platform.hash-key=TEST-KEY-for-tests-only",
                // the files are the point here, not every quarter's marts: the closed quarter and the one under way
                // (all 16 quarters since 2023Q1 cost about 8 s of CPU more per launch)
                "--qyx.nightly.evaluate-from=2026Q3"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.toUpperCase().startsWith("QYX_"));
        Process p = builder.start();
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            Path status = Path.of("/proc/" + p.pid() + "/status");
            while (p.isAlive()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            peak[0] = Math.max(peak[0], Long.parseLong(line.replaceAll("\\D", "")));
                        }
                    }
                    Thread.sleep(100);
                } catch (IOException | RuntimeException e) {
                    return; // the process ended between the check and the read
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        StringBuilder output = new StringBuilder();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                output.append(line).append('\n');
                if (killOn != null && line.equals(killOn)) {
                    killed = true;
                    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback
                    break;
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the nightly in " + work + " did not end:\n" + output);
        }
        sampler.join(1000);
        long heapMb = 0;
        if (Files.exists(gcLog)) {
            Matcher m = GC_HEAP.matcher(Files.readString(gcLog));
            while (m.find()) {
                heapMb = Math.max(heapMb, Long.parseLong(m.group(1)));
            }
        }
        return new Result(p.exitValue(), output.toString(), killed, peak[0], heapMb);
    }

    /** A copy of a folder tree. */
    static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
