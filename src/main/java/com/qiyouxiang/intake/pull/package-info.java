/**
 * The pulls: what fetches files into the inbox instead of waiting for someone to copy them there, at the start of
 * the nightly run and before the ingests read the inbox. {@link com.qiyouxiang.intake.pull.PlatformPull} (the
 * 公共数据平台's interface: a signed token, paged queries by reporting period), {@link com.qiyouxiang.intake.pull.MailPull}
 * (the bureaus' workbooks from a mailbox over IMAPS, senders matched through the address book) and
 * {@link com.qiyouxiang.intake.pull.SftpPull} (a remote folder). Every file lands whole ({@link InboxLanding}: a
 * hidden temporary name, then an atomic move) and is recorded in pull_file with its checksum; the ingests then read
 * it like any file in the inbox, unchanged. Secrets come from the environment or an owner-only file
 * ({@link Secrets}); TLS is verified against the JVM's or a configured trust store ({@link TrustStores}).
 * <p>
 * May use: {@link com.qiyouxiang.batch}, {@link com.qiyouxiang.warehouse}; not the ingests, which never see it.
 * Used by reply (the address book, TLS, secrets) and operations.
 */
package com.qiyouxiang.intake.pull;
