package com.qiyouxiang.operations;

import java.util.List;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringBootExceptionReporter;

/**
 * The application refuses to start (exit 2, {@link ExitCodes#BAD_ARGUMENTS}): a mistyped key, a missing inbox, a
 * locale that cannot name the product's folders, a hash key that is missing where it is needed. Each line says
 * what is wrong and what to set, for the clerk who reads the console; the launcher prints them and nothing else.
 */
public class StartupRefusal extends RuntimeException implements ExitCodeGenerator {

    private final List<String> lines;
    private final int exitCode;

    public StartupRefusal(List<String> lines) {
        this(lines, ExitCodes.BAD_ARGUMENTS);
    }

    /** @param exitCode 1 ({@link ExitCodes#FAILED}) for a damaged warehouse or metadata file: nothing to correct in the configuration */
    public StartupRefusal(List<String> lines, int exitCode) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
        this.exitCode = exitCode;
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * Prints a refusal's lines instead of Spring Boot's "Application run failed" and stack trace; Boot then exits
     * with the refusal's code (2), the exception being an {@link ExitCodeGenerator}.
     */
    public static class Reporter implements SpringBootExceptionReporter {

        @Override
        public boolean reportException(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof StartupRefusal refusal) {
                    StartupChecks.print(refusal);
                    return true;
                }
            }
            return false;
        }
    }
}
