package com.qiyouxiang.operations;

/**
 * The launcher's exit codes, documented in docs/operations.md and the clerk's guide (docs/clerk-guide.zh.md). A job's code covers the whole
 * run: a restarted run includes what the launches before the restart found ({@link WholeExecution}).
 * <ul>
 * <li>0: completed, nothing to look at;</li>
 * <li>4: completed with warnings ({@link RunWarnings}): rows rejected, a file refused (unrecognised, failed,
 * quarantined, ...), a data-quality check that warned, a step that reported warnings. "While it stays so":
 * a refused file keeps every night at 4 for as long as it is in the inbox; rejected rows and check results
 * count in the run that found them (the checks run every night, so a lasting problem warns every night);</li>
 * <li>1: a step failed (launch again to resume);</li>
 * <li>2: bad arguments or configuration; 3: another run holds the warehouse.</li>
 * </ul>
 */
public final class ExitCodes {

    public static final int SUCCESS = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;
    public static final int ALREADY_RUNNING = 3;
    public static final int SUCCESS_WITH_WARNINGS = 4;

    private ExitCodes() {
    }
}
