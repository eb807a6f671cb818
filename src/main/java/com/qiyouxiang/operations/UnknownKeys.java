package com.qiyouxiang.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The qyx.* keys set anywhere (command line, environment variables QYX_*, application.yml, -D system properties,
 * any other property source) that no configuration class knows: a typo that Spring would silently ignore, leaving
 * the default in place (the bundled sample inbox, a warehouse under the repository). Each one becomes a line naming
 * where it was set and the nearest valid key.
 */
public final class UnknownKeys {

    /** Environment variables the launcher scripts read themselves (jobs/run, jobs/quarterly): not configuration keys. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("QYX_JAVA_OPTS", "QYX_QUARTERLY_RETRY_SECONDS", "QYX_QUARTERLY_RETRIES");

    private UnknownKeys() {
    }

    public static List<String> find(ConfigurableEnvironment environment, ConfigurationKeys keys) {
        List<String> lines = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            String sourceName = source.getName();
            if (sourceName.equals("configurationProperties") || sourceName.equals(HomeFolders.SOURCE)
                    || !(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            boolean variables = sourceName.equals("systemEnvironment");
            for (String name : enumerable.getPropertyNames()) {
                if (variables && name.toUpperCase(Locale.ROOT).startsWith("QYX_")) {
                    if (!LAUNCHER_VARIABLES.contains(name) && !keys.knownVariable(name)) {
                        String nearest = keys.nearestToVariable(name);
                        lines.add("环境变量 " + name + " 不是已知的配置项：是否想写 " + ConfigurationKeys.variable(nearest)
                                + "（" + nearest + "）？");
                    }
                } else if (!variables && name.toLowerCase(Locale.ROOT).startsWith("qyx.") && !keys.known(name)) {
                    lines.add("配置项 " + name + "（" + ConfigurationOrigins.describe(source, null, name, environment)
                            + "）不是已知的配置项：是否想写 " + keys.nearest(name) + "？");
                }
            }
        }
        return lines;
    }
}
