package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd units survive the real world: systemd-analyze verify passes on them (with the install folder pointing
 * at this checkout, so that their ExecStart exists), and they set the locale, the home, Wants= beside After= for the
 * network, and which exit codes are not failures. Where systemd-analyze is not installed the verification is skipped,
 * visibly, as an assumption naming the tool; the content checks run everywhere.
 */
class SystemdUnitsIT {

    static final Path SCHEDULES = Path.of("jobs/schedules");
    static final List<String> UNITS = List.of("qiyouxiang-nightly.service", "qiyouxiang-nightly.timer",
            "qiyouxiang-quarterly.service", "qiyouxiang-quarterly.timer");

    @TempDir
    Path work;

    @Test
    void systemdAnalyzeVerifiesTheUnits() throws Exception {
        Path tool = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(tool) || Files.isExecutable(Path.of("/bin/systemd-analyze")),
                "systemd-analyze is not installed (apt-get install systemd): the units were NOT verified here");
        List<String> command = new ArrayList<>(List.of(Files.isExecutable(tool) ? tool.toString() : "/bin/systemd-analyze",
                "verify", "--man=no"));
        for (String unit : UNITS) {
            String text = Files.readString(SCHEDULES.resolve(unit), StandardCharsets.UTF_8)
                    .replace("/opt/qiyouxiang", Path.of("").toAbsolutePath().toString());
            Path copy = Files.writeString(work.resolve(unit), text, StandardCharsets.UTF_8);
            command.add(copy.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        // an unknown or misspelled directive is only a warning for systemd: none may be printed
        assertThat(output).as("systemd-analyze verify output").isBlank();
    }

    @Test
    void theServicesSetTheLocaleTheHomeAndTheNetworkDependency() throws Exception {
        for (String service : List.of("qiyouxiang-nightly.service", "qiyouxiang-quarterly.service")) {
            List<String> lines = Files.readAllLines(SCHEDULES.resolve(service), StandardCharsets.UTF_8);
            assertThat(lines).as(service).contains("Wants=network-online.target", "After=network-online.target",
                    "Environment=LC_ALL=C.UTF-8", "Environment=QYX_HOME=/srv/qiyouxiang", "User=qyx",
                    "EnvironmentFile=-/etc/qiyouxiang/env");
            // one heap for both: jobs/run's default; no unit sets its own
            assertThat(lines).as(service).noneMatch(l -> l.startsWith("Environment=QYX_JAVA_OPTS"));
        }
        assertThat(Files.readAllLines(SCHEDULES.resolve("qiyouxiang-nightly.service"))).contains("SuccessExitStatus=3 4");
        // the quarterly retries exit 3 itself (jobs/quarterly); after its last retry a 3 is a failure to be seen
        assertThat(Files.readAllLines(SCHEDULES.resolve("qiyouxiang-quarterly.service"))).contains("SuccessExitStatus=4");
        assertThat(Files.readString(Path.of("jobs/run"))).contains("heap=\"-Xmx2g\"");
    }
}
