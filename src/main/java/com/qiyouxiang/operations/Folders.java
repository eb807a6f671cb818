package com.qiyouxiang.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The folders a run reads and writes, and what each must be: the inbox and the product's own configuration folders
 * must exist (a missing inbox is a mistyped path, not an empty night); output, feedback, archive, logs and the
 * warehouse's and metadata's folders are created when missing, that being their nature.
 */
public final class Folders {

    public enum Kind {
        /** read: must exist */
        MUST_EXIST,
        /** read when present (the 情况说明 folder inside the inbox) */
        OPTIONAL,
        /** written: created when missing */
        CREATED
    }

    /**
     * @param key   the configuration key naming it
     * @param label what it is, for a clerk
     * @param kind  must exist, optional, or created
     * @param ofFile whether the key names a file inside the folder (the warehouse, the metadata)
     */
    public record Folder(String key, String label, Kind kind, boolean ofFile) {
    }

    public static final List<Folder> ALL = List.of(
            new Folder(HomeFolders.INBOX, "收件箱（各部门报表）", Kind.MUST_EXIST, false),
            new Folder("qyx.platform.inbox-dir", "公共数据平台导出收件箱", Kind.MUST_EXIST, false),
            new Folder("qyx.validation.explanation-dir", "情况说明文件夹", Kind.OPTIONAL, false),
            new Folder("qyx.reference-dir", "参考数据文件夹", Kind.MUST_EXIST, false),
            new Folder("qyx.ingest.sources-dir", "报表模板映射文件夹", Kind.MUST_EXIST, false),
            new Folder("qyx.platform.sources-dir", "平台导出映射文件夹", Kind.MUST_EXIST, false),
            new Folder("qyx.validation.rules-dir", "审核规则文件夹", Kind.MUST_EXIST, false),
            new Folder(HomeFolders.WAREHOUSE, "数据仓库所在文件夹", Kind.CREATED, true),
            new Folder(HomeFolders.METADATA, "运行记录（作业元数据）所在文件夹", Kind.CREATED, true),
            new Folder(HomeFolders.OUTPUT, "发布输出文件夹", Kind.CREATED, false),
            new Folder("qyx.feedback-dir", "反馈表文件夹", Kind.CREATED, false),
            new Folder(HomeFolders.ARCHIVE, "归档文件夹", Kind.CREATED, false),
            new Folder(HomeFolders.LOGS, "日志文件夹", Kind.CREATED, false));

    /** A folder's state: the path, where its setting came from, and a problem line (null when fine). */
    public record State(Folder folder, Path path, ConfigurationOrigins.Setting setting, boolean exists, boolean writable,
                        String problem) {
    }

    private Folders() {
    }

    /** Every folder's state in this environment (the metadata's only while it is the H2 file). */
    public static List<State> check(ConfigurableEnvironment environment) {
        List<State> states = new ArrayList<>();
        java.util.Set<Path> missing = new java.util.HashSet<>();
        for (Folder folder : ALL) {
            if (folder.key().equals(HomeFolders.METADATA) && !metadataIsH2File(environment)) {
                continue;
            }
            ConfigurationOrigins.Setting setting = ConfigurationOrigins.of(environment, folder.key());
            if (setting.value() == null || setting.value().isBlank()) {
                states.add(new State(folder, null, setting, false, false, folder.label() + "没有设置（" + fix(folder) + "）"));
                continue;
            }
            Path configured = Path.of(setting.value()).toAbsolutePath().normalize();
            Path path = folder.ofFile() ? configured.getParent() : configured;
            boolean exists = Files.isDirectory(path);
            boolean writable = exists ? Files.isWritable(path) : creatable(path);
            String problem = null;
            if (Files.exists(path) && !exists) {
                problem = folder.label() + "不是文件夹：" + path + "（" + fix(folder) + "，当前值来自 " + setting.origin() + "）";
            } else if (folder.kind() == Kind.MUST_EXIST && !exists && !missing.add(path)) {
                problem = folder.label() + "不存在（同上）：" + path;
            } else if (folder.kind() == Kind.MUST_EXIST && !exists) {
                problem = folder.label() + "不存在：" + path + "（" + fix(folder) + "，当前值来自 " + setting.origin()
                        + "）。请建好这个文件夹，或改正设置。";
            } else if (folder.kind() == Kind.CREATED && !writable) {
                problem = folder.label() + (exists ? "不可写：" : "无法创建：") + path + "（" + fix(folder) + "，当前值来自 "
                        + setting.origin() + "）。请检查文件夹的所有者和权限。";
            }
            states.add(new State(folder, path, setting, exists, writable, problem));
        }
        return states;
    }

    /** Creates the folders that are created, once every check has passed. */
    public static void create(List<State> states) {
        for (State state : states) {
            if (state.folder().kind() == Kind.CREATED && !state.exists()) {
                try {
                    Files.createDirectories(state.path());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot create " + state.path(), e);
                }
            }
        }
    }

    /** The key and environment variable to fix, as a clerk would write them. */
    static String fix(Folder folder) {
        return "配置项 " + folder.key() + "，环境变量 " + ConfigurationKeys.variable(folder.key());
    }

    static boolean metadataIsH2File(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        String metadata = environment.getProperty(HomeFolders.METADATA);
        return metadata != null && url.startsWith("jdbc:h2:file:" + metadata);
    }

    /** A missing folder can be created when its nearest existing ancestor is a writable folder. */
    private static boolean creatable(Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && Files.isDirectory(p) && Files.isWritable(p);
    }
}
