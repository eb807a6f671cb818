package com.qiyouxiang.warehouse;

import java.nio.file.Path;

/** The warehouse file cannot be opened, most often because another process holds it. */
public class WarehouseUnavailableException extends RuntimeException {

    public WarehouseUnavailableException(Path path, Throwable cause) {
        super("Cannot open the warehouse " + path + ": " + cause.getMessage()
                + " (DuckDB allows one writing process per file: is another run, or a tool, holding it?)", cause);
    }
}
