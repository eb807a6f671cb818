package com.qiyouxiang.operations;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this JVM can name the product's own folders (情况说明 inside the inbox, the bureaus' Chinese file names).
 * Java 17 encodes file names in sun.jnu.encoding, which it derives from the locale at start (under cron's or
 * {@code env -i}'s bare environment: ASCII, and {@code Path.of("情况说明")} throws); jobs/run sets a UTF-8 locale.
 */
public final class LocaleCheck {

    /** A folder name the product uses. */
    static final String PROBE = "情况说明";

    private LocaleCheck() {
    }

    /** The one line to refuse with, or empty when file names work. */
    public static Optional<String> problem() {
        String jnu = System.getProperty("sun.jnu.encoding");
        boolean roundTrip;
        try {
            roundTrip = Path.of(PROBE).toString().equals(PROBE);
        } catch (InvalidPathException e) {
            roundTrip = false;
        }
        if (roundTrip && jnu != null && jnu.replace("-", "").equalsIgnoreCase("UTF8")) {
            return Optional.empty();
        }
        // English first: a console in this locale may not show the Chinese half
        return Optional.of("The locale is not UTF-8 (sun.jnu.encoding=" + jnu + "): Chinese folder names cannot be used. "
                + "Start it with jobs/run or jobs/nightly (they set LC_ALL=C.UTF-8), or set LC_ALL=C.UTF-8. "
                + "系统区域设置不是 UTF-8，无法使用中文文件夹名：请用 jobs/run、jobs/nightly 启动，或设置 LC_ALL=C.UTF-8。");
    }

    /** For doctor: the locale and encodings this JVM runs with. */
    public static String describe() {
        return "LC_ALL=" + env("LC_ALL") + " LANG=" + env("LANG") + ", sun.jnu.encoding=" + System.getProperty("sun.jnu.encoding")
                + ", file.encoding=" + System.getProperty("file.encoding");
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? "(未设置)" : v;
    }
}
