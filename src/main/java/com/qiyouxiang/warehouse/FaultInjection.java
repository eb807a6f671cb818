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
 */
public final class FaultInjection {

    public static final String PROPERTY = "qyx.fault.hold-before-commit";
    public static final String FAIL_PROPERTY = "qyx.fault.fail-before-commit";
    public static final String READING_PROPERTY = "qyx.fault.hold-while-reading";

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
}
