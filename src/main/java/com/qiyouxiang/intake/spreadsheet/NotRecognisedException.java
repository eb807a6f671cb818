package com.qiyouxiang.intake.spreadsheet;

/**
 * The file does not fit its template (or any): it is recorded as unrecognised, with this Chinese reason (for the
 * bureau), and left in the inbox. The hint, in English, names the mapping option to change (for the clerk): it is in
 * the run summary and in jobs/run check, never in what the bureau reads.
 */
public class NotRecognisedException extends RuntimeException {

    private final String hint;

    public NotRecognisedException(String reasonZh) {
        this(reasonZh, null);
    }

    public NotRecognisedException(String reasonZh, String hint) {
        super(reasonZh);
        this.hint = hint;
    }

    /** What to change in the mapping, for the clerk (null when there is nothing to say). */
    public String hint() {
        return hint;
    }
}
