package com.qiyouxiang.warehouse;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration
public class WarehouseConfig {

    /** Opened (and its schema migrated) when a job first needs it; closed with the context. */
    @Bean(destroyMethod = "close")
    @Lazy
    public Warehouse warehouse(WarehouseProperties properties) throws SQLException {
        Warehouse warehouse = new Warehouse(properties.warehousePath());
        try (Connection c = warehouse.connect()) {
            SchemaMigrator.migrate(c);
        } catch (SQLException | RuntimeException e) {
            warehouse.close();
            throw e;
        }
        return warehouse;
    }
}
