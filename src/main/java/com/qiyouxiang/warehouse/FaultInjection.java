package com.qiyouxiang.warehouse;

/**
 * Crash testing: with the system property {@code qyx.fault.hold-before-commit=<point>} a run prints
 * {@code QYX-FAULT-HOLD <point>} and waits just before committing that point's warehouse
 * transaction (a step name, or a file name for per-file transactions), so a test can kill -9 it
 * there, mid-transaction, and check that the relaunched run ends with the same warehouse as an
 * uninterrupted one. With {@code qyx.fault.fail-before-commit=<point>} the run throws there instead
 * (the transaction rolls back, the step fails: a test can then relaunch and restart it). Without the
 * properties this does nothing. With {@code qyx.fault.hold-while-reading=<file name>} the run prints
 * {@code QYX-FAULT-HOLD read:<file name>} and waits while that file is being read (its reading mark committed,
 * its parse begun): a kill there is a file that kills the process, which the next launch quarantines.
 * With {@code qyx.fault.io-error=<point>} the run throws the IOException a full disk
 * gives ("No space left on device") at that point ({@link #ioError}): how tests without root, and without a small
 * tmpfs, check that a full disk keeps its cause in the message and the summary and leaves the published set whole.
 */
public final class FaultInjection {

    public static final String PROPERTY = "qyx.fault.hold-before-commit";
    public static final String FAIL_PROPERTY = "qyx.fault.fail-before-commit";
    public static final String READING_PROPERTY = "qyx.fault.hold-while-reading";
    public static final String IO_ERROR_PROPERTY = "qyx.fault.io-error";

    private FaultInjection() {
    }

    /** Inside the read of a file (see the class comment); the point printed is {@code read:<fileName>}. */
    public static void whileReading(String fileName) {
        if (fileName.equals(System.getProperty(READING_PROPERTY))) {
            hold("read:" + fileName);
        }
    }

    public static void beforeCommit(String point) {
        if (point.equals(System.getProperty(FAIL_PROPERTY))) {
            throw new IllegalStateException("fault injected before the commit of " + point + " (" + FAIL_PROPERTY + ")");
        }
        String hold = System.getProperty(PROPERTY);
        if (hold == null || !hold.equals(point)) {
            return;
        }
        hold(point);
    }

    private static void hold(String point) {
        System.out.println("QYX-FAULT-HOLD " + point);
        System.out.flush();
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws a disk-full IOException when {@value #IO_ERROR_PROPERTY} names this point. */
    public static void ioError(String point) throws java.io.IOException {
        if (point.equals(System.getProperty(IO_ERROR_PROPERTY))) {
            throw new java.io.IOException("No space left on device (fault injected at " + point + ", " + IO_ERROR_PROPERTY + ")");
        }
    }
}
