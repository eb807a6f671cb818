package com.qiyouxiang.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every valid qyx.* key: the Spring Boot configuration metadata that the build writes from the
 * {@code @ConfigurationProperties} classes (META-INF/spring-configuration-metadata.json, with the keys read
 * through {@code @Value} added from additional-spring-configuration-metadata.json). A key is compared in its
 * relaxed form (dashes and case ignored, as Spring binds it); environment variables in theirs.
 */
public final class ConfigurationKeys {

    private static final String METADATA = "classpath*:META-INF/spring-configuration-metadata.json";

    private final TreeSet<String> keys;

    ConfigurationKeys(TreeSet<String> keys) {
        this.keys = keys;
    }

    /** The keys of this build (throws when the build wrote no metadata: a broken build, not a clerk's mistake). */
    public static ConfigurationKeys load() {
        TreeSet<String> keys = new TreeSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(METADATA)) {
                try (InputStream in = r.getInputStream()) {
                    // JSON read as YAML (SnakeYAML is on the class path, a JSON library is not); JSON's "\/" escape
                    // is the one YAML 1.1 lacks
                    String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\\/", "/");
                    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
                    if (root instanceof Map<?, ?> map && map.get("properties") instanceof List<?> properties) {
                        for (Object p : properties) {
                            if (p instanceof Map<?, ?> property && property.get("name") instanceof String name
                                    && name.startsWith("qyx.")) {
                                keys.add(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration metadata", e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No qyx.* keys in META-INF/spring-configuration-metadata.json: "
                    + "the build did not run the configuration processor (build with ./mvnw)");
        }
        return new ConfigurationKeys(keys);
    }

    public TreeSet<String> all() {
        return keys;
    }

    /** Whether a property name (as written in application.yml, on the command line or as -D) is a known key. */
    public boolean known(String name) {
        String relaxed = relaxed(name);
        return keys.stream().anyMatch(k -> relaxed(k).equals(relaxed));
    }

    /** Whether an environment variable (QYX_INBOXDIR, QYX_PLATFORM_HASH_KEY) names a known key. */
    public boolean knownVariable(String variable) {
        String v = variable.toUpperCase(Locale.ROOT);
        return keys.stream().anyMatch(k -> variable(k).equals(v) || legacyVariable(k).equals(v));
    }

    /** The known key nearest to a mistyped one (edit distance of the relaxed forms). */
    public String nearest(String name) {
        String relaxed = relaxed(name);
        return keys.stream().min(Comparator.comparingInt((String k) -> distance(relaxed(k), relaxed)).thenComparing(k -> k))
                .orElse(null);
    }

    /** The known key whose environment variable is nearest to a mistyped variable. */
    public String nearestToVariable(String variable) {
        String v = variable.toUpperCase(Locale.ROOT);
        return keys.stream().min(Comparator.comparingInt((String k) -> Math.min(distance(variable(k), v),
                distance(legacyVariable(k), v))).thenComparing(k -> k)).orElse(null);
    }

    /** Spring's environment variable for a key: upper case, dots to underscores, dashes removed (QYX_INBOXDIR). */
    public static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    }

    /** The form Spring also accepts, dashes as underscores (QYX_PLATFORM_HASH_KEY). */
    static String legacyVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replaceAll("\\[[^]]*]", "");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
