package com.qiyouxiang.warehouse;

/**
 * Crash testing: with the system property {@code qyx.fault.hold-before-commit=<point>} a run prints
 * {@code QYX-FAULT-HOLD <point>} and waits just before committing that point's warehouse
 * transaction (a step name, or a file name for per-file transactions), so a test can kill -9 it
 * there, mid-transaction, and check that the relaunched run ends with the same warehouse as an
 * uninterrupted one. Without the property this does nothing.
 */
public final class FaultInjection {

    public static final String PROPERTY = "qyx.fault.hold-before-commit";

    private FaultInjection() {
    }

    public static void beforeCommit(String point) {
        String hold = System.getProperty(PROPERTY);
        if (hold == null || !hold.equals(point)) {
            return;
        }
        System.out.println("QYX-FAULT-HOLD " + point);
        System.out.flush();
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
