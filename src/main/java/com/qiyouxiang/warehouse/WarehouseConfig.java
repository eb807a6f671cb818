package com.qiyouxiang.warehouse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class WarehouseConfig {

    /** Opened (and its schema migrated) on first use; closed with the context. */
    @Bean(destroyMethod = "close")
    public Warehouse warehouse(WarehouseProperties properties) {
        return new Warehouse(properties.warehousePath(), true, properties.duckdb());
    }
}
