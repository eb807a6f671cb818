package com.qiyouxiang.operations;

/** The launcher's exit codes, documented in docs/operations.md (and the README's data clerk section). */
public final class ExitCodes {

    public static final int SUCCESS = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;
    public static final int ALREADY_RUNNING = 3;
    public static final int SUCCESS_WITH_WARNINGS = 4;

    private ExitCodes() {
    }
}
