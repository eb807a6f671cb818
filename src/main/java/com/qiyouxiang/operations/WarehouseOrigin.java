package com.qiyouxiang.operations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.qiyouxiang.intake.platform.PlatformProperties;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Where a warehouse's data comes from (table etl_warehouse_origin, migration V070): the bundled samples (sample
 * mode, nothing configured) or real data. Recorded the first time a job runs on the warehouse; from then on a sample
 * warehouse takes only the bundled inbox, and a real one never takes it: the 135 demo files never reach a real
 * warehouse, and a clerk who set only the inbox (not QYX_HOME) does not load real data into the sample one.
 */
public final class WarehouseOrigin {

    /** The origin recorded in a warehouse. */
    public record Origin(boolean sampleMode, String inboxDir) {
    }

    private WarehouseOrigin() {
    }

    /**
     * Records the origin on first use, then checks the configured inboxes against it.
     *
     * @return null when they agree, otherwise the line to refuse the launch with (for a clerk, in Chinese)
     */
    public static String checkOrRecord(Warehouse warehouse, Path inbox, Path platformInbox) throws SQLException {
        boolean sampleInbox = PlatformProperties.isBundledSamples(inbox);
        try (Connection c = warehouse.connect()) {
            Origin origin = read(c);
            if (origin == null) {
                try (PreparedStatement p = c.prepareStatement(SqlFiles.read("statements/operations/insert_warehouse_origin.sql"))) {
                    p.setBoolean(1, sampleInbox);
                    p.setString(2, inbox.toAbsolutePath().normalize().toString());
                    p.executeUpdate();
                }
                origin = new Origin(sampleInbox, inbox.toString());
            }
            return problem(origin, warehouse.path(), inbox, platformInbox);
        }
    }

    /** The recorded origin, or null (a new warehouse, or one made before V070 without sample files). */
    public static Origin read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sample_mode, inbox_dir FROM etl_warehouse_origin ORDER BY created_at LIMIT 1")) {
            return rs.next() ? new Origin(rs.getBoolean(1), rs.getString(2)) : null;
        }
    }

    static String problem(Origin origin, Path warehouse, Path inbox, Path platformInbox) {
        for (Path folder : new Path[] {inbox, platformInbox}) {
            boolean bundled = PlatformProperties.isBundledSamples(folder);
            if (!origin.sampleMode() && bundled) {
                return "数据仓库 " + warehouse + " 存放正式数据，不能载入自带的示例收件箱 " + folder.toAbsolutePath().normalize()
                        + "：请把 QYX_INBOXDIR（或 QYX_HOME）设为真实的收件箱。";
            }
            if (origin.sampleMode() && !bundled) {
                return "数据仓库 " + warehouse + " 是示例仓库（装的是自带示例数据），不能载入收件箱 " + folder.toAbsolutePath().normalize()
                        + "：正式数据请用自己的仓库，设置 QYX_HOME（或 QYX_WAREHOUSEPATH）。";
            }
        }
        return null;
    }
}
