package com.qiyouxiang.warehouse;

import java.nio.file.Path;

/** The warehouse file cannot be opened, most often because another process holds it, or damaged ({@link DamagedFile}). */
public class WarehouseUnavailableException extends RuntimeException {

    public WarehouseUnavailableException(Path path, Throwable cause) {
        super(DamagedFile.isCorruption(cause)
                ? DamagedFile.lineZh(path, DamagedFile.Kind.WAREHOUSE, DamagedFile.detail(cause))
                : "Cannot open the warehouse " + path + ": " + cause.getMessage()
                + " (DuckDB allows one writing process per file: is another run, or a tool, holding it?)", cause);
    }
}
