package com.qiyouxiang.warehouse;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the warehouse lives.
 *
 * @param warehousePath the DuckDB file (qyx.warehouse-path)
 * @param referenceDir  reference data: domains, bureaus, towns, indicator catalog (qyx.reference-dir)
 */
@ConfigurationProperties("qyx")
public record WarehouseProperties(Path warehousePath, Path referenceDir) {
}
