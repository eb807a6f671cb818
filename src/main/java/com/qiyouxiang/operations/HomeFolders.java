package com.qiyouxiang.operations;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The folders every installation needs, derived from the one setting {@code qyx.home} (QYX_HOME), or, when it
 * is not set, the sample-mode folders of the repository (samples/inbox, warehouse/, out/, logs/, archive/).
 * Added as the last property source, so a key set anywhere (command line, environment, application.yml) wins
 * over the derived value; values are computed when asked for, so they follow whatever warehouse or home the
 * other sources name (tests that set the warehouse path get their metadata beside it).
 *
 * <pre>
 * qyx.home            (not set: sample mode)
 * qyx.warehouse-path  home/warehouse/qiyouxiang.duckdb      warehouse/qiyouxiang.duckdb
 * qyx.metadata-path   &lt;warehouse-path&gt;.batch-metadata (absolute, as H2 requires), in both modes
 * qyx.inbox-dir       home/inbox                           samples/inbox
 * qyx.archive-dir     home/archive                         archive
 * qyx.output-dir      home/out                             out
 * qyx.log-dir         home/logs                            logs
 * qyx.quarantine-dir  home/quarantine                      quarantine
 * </pre>
 * The platform inbox and the 情况说明 folder follow the inbox, feedback follows the output folder, the staging
 * folder follows the warehouse (application.yml).
 */
public class HomeFolders implements EnvironmentPostProcessor, Ordered {

    /** The property source's name; doctor reports a value from it as derived. */
    public static final String SOURCE = "qyx.home (derived folders)";
    public static final String HOME = "qyx.home";
    public static final String WAREHOUSE = "qyx.warehouse-path";
    public static final String METADATA = "qyx.metadata-path";
    public static final String INBOX = "qyx.inbox-dir";
    public static final String ARCHIVE = "qyx.archive-dir";
    public static final String OUTPUT = "qyx.output-dir";
    public static final String LOGS = "qyx.log-dir";
    public static final String QUARANTINE = "qyx.quarantine-dir";
    static final List<String> KEYS = List.of(WAREHOUSE, METADATA, INBOX, ARCHIVE, OUTPUT, LOGS, QUARANTINE);
    /** Each derived folder under the home, and in sample mode (relative to the working directory). */
    public static final Map<String, String> UNDER_HOME = Map.of(WAREHOUSE, "warehouse/qiyouxiang.duckdb", INBOX, "inbox",
            ARCHIVE, "archive", OUTPUT, "out", LOGS, "logs", QUARANTINE, "quarantine");
    public static final Map<String, String> SAMPLE_MODE = Map.of(WAREHOUSE, "warehouse/qiyouxiang.duckdb",
            INBOX, "samples/inbox", ARCHIVE, "archive", OUTPUT, "out", LOGS, "logs", QUARANTINE, "quarantine");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new Source(environment));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Whether no home is configured (the repository's samples are used). */
    public static boolean sampleMode(org.springframework.core.env.Environment environment) {
        String home = environment.getProperty(HOME);
        return home == null || home.isBlank();
    }

    /**
     * The derived values. Its source object is deliberately not the environment: Boot treats a property source
     * holding an environment as a nested one and walks into it, which here would be itself, without end.
     */
    static final class Source extends EnumerablePropertySource<String> {

        private final ConfigurableEnvironment environment;

        Source(ConfigurableEnvironment environment) {
            super(SOURCE, "qyx.home");
            this.environment = environment;
        }

        @Override
        public String[] getPropertyNames() {
            return KEYS.toArray(String[]::new);
        }

        @Override
        public Object getProperty(String name) {
            if (!KEYS.contains(name)) {
                return null;
            }
            if (name.equals(METADATA)) {
                String warehouse = environment.getProperty(WAREHOUSE);
                return warehouse == null ? null : Path.of(warehouse).toAbsolutePath().normalize() + ".batch-metadata";
            }
            String home = environment.getProperty(HOME);
            boolean sample = home == null || home.isBlank();
            Path base = sample ? null : Path.of(home.strip()).toAbsolutePath().normalize();
            return sample ? SAMPLE_MODE.get(name) : base.resolve(UNDER_HOME.get(name)).toString();
        }
    }
}
