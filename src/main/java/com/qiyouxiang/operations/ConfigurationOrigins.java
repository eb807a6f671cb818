package com.qiyouxiang.operations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Where a key's effective value came from, in the words doctor and the start-up refusals print: 命令行, 环境变量
 * QYX_..., application.yml, JVM 参数 -D..., 由 qyx.home 推导, 示例模式默认值, or 默认值 (the code's own default).
 */
public final class ConfigurationOrigins {

    private static final Pattern RESOURCE = Pattern.compile("\\[([^]]+)]");

    /** A key, its effective value (placeholders resolved; null when unset) and where it came from. */
    public record Setting(String key, String value, String origin) {
    }

    private ConfigurationOrigins() {
    }

    public static Setting of(ConfigurableEnvironment environment, String key) {
        String value = environment.getProperty(key);
        ConfigurationPropertyName name = ConfigurationPropertyName.of(key);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property != null && property.getValue() != null) {
                Object underlying = source.getUnderlyingSource();
                return new Setting(key, value, describe(underlying instanceof PropertySource<?> p ? p : null,
                        property.getOrigin(), key, environment));
            }
        }
        return new Setting(key, value, "默认值");
    }

    /** How a property source is named for a clerk. */
    static String describe(PropertySource<?> source, Origin origin, String key, ConfigurableEnvironment environment) {
        if (origin instanceof SystemEnvironmentOrigin env) {
            return "环境变量 " + env.getProperty();
        }
        String name = source == null ? "" : source.getName();
        if (name.equals(HomeFolders.SOURCE)) {
            return HomeFolders.sampleMode(environment) ? "示例模式默认值" : "由 qyx.home 推导（" + homeOrigin(environment) + "）";
        }
        if (name.equals("commandLineArgs")) {
            return "命令行 --" + key;
        }
        if (name.equals("systemProperties")) {
            return "JVM 参数 -D" + key;
        }
        if (name.equals("systemEnvironment") && source != null) {
            for (String variable : new String[] {ConfigurationKeys.variable(key), ConfigurationKeys.legacyVariable(key)}) {
                if (source.containsProperty(variable)) {
                    return "环境变量 " + variable;
                }
            }
            return "环境变量";
        }
        Matcher m = RESOURCE.matcher(name);
        if (m.find()) {
            String resource = m.group(1);
            return resource.equals("application.yml") ? "application.yml" : "配置文件 " + resource;
        }
        return name;
    }

    private static String homeOrigin(ConfigurableEnvironment environment) {
        Setting home = of(environment, HomeFolders.HOME);
        return home.origin();
    }
}
