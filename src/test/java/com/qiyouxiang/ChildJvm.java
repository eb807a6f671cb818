package com.qiyouxiang;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the tests start the application (and their helper processes) in child JVMs: this JVM's java, with
 * {@link #OPTIONS}. The integration tests start the application about 75 times; most of a launch on a test's
 * small inbox is the JVM's and Spring's start, which with C1 alone costs about half the CPU (measured on the
 * 2-core machine: a {@code status} launch 5.7 s of CPU with the default compilers, 2.9 s with C1; a nightly on a
 * two-file inbox 17.2 s and 9.6 s). The same code runs; only how soon and how hard it is compiled differs. (A
 * class-data-sharing archive of the application's classes, tried too, saves about 1.3 s of CPU per launch, but the
 * nightly that writes it costs about as much as it saves in one test JVM: four launch-heavy ITs took 237 s of CPU
 * both times with it, 274 s and 226 s without; not kept.)
 * Production launches (jobs/run) keep the JVM's defaults: the tests that go through jobs/ scripts pass
 * {@link #OPTIONS} in QYX_JAVA_OPTS, which jobs/run honours.
 */
public final class ChildJvm {

    /** C1 only: the same code compiled sooner, which costs less than C2 for runs this short. */
    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private ChildJvm() {
    }

    /** This JVM's java binary followed by {@link #OPTIONS}: the start of a child JVM's command line. */
    public static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(OPTIONS);
        return command;
    }

    /** {@link #OPTIONS} as jobs/run reads them from QYX_JAVA_OPTS. */
    public static String javaOpts() {
        return String.join(" ", OPTIONS);
    }
}
