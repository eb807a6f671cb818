package com.qiyouxiang.intake.pull;

/**
 * A pull that cannot go on until someone acts: the remote side refused the credentials (401/403), answered in a
 * shape the configuration does not describe, or a limit was passed. The message is the clerk's, in Chinese, and
 * names the source, the dataset or message and what to check; the step fails with it (exit 1), and the run
 * summary prints it.
 */
public class PullRefusedException extends RuntimeException {

    public PullRefusedException(String chineseMessage) {
        super(chineseMessage);
    }

    public PullRefusedException(String chineseMessage, Throwable cause) {
        super(chineseMessage, cause);
    }
}
