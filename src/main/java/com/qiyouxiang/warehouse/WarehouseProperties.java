package com.qiyouxiang.warehouse;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the warehouse lives.
 *
 * @param warehousePath the DuckDB file (qyx.warehouse-path)
 * @param referenceDir  reference data: domains, bureaus, towns, indicator catalog (qyx.reference-dir)
 * @param duckdb        DuckDB's memory limit and threads for the warehouse (qyx.duckdb.*)
 */
@ConfigurationProperties("qyx")
public record WarehouseProperties(Path warehousePath, Path referenceDir, @NestedConfigurationProperty DuckDbSettings duckdb) {

    @ConstructorBinding
    public WarehouseProperties {
        duckdb = duckdb == null ? DuckDbSettings.DEFAULTS : duckdb;
    }

    /** Default DuckDB settings (tests). */
    public WarehouseProperties(Path warehousePath, Path referenceDir) {
        this(warehousePath, referenceDir, DuckDbSettings.DEFAULTS);
    }
}
