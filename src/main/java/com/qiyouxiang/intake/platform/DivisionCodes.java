package com.qiyouxiang.intake.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * 行政区划代码 -> dim_town.town_code: a town by its 12-digit (330681001000) or 9-digit (330681001)
 * code, the city by 330681 or 330681000000.
 */
public final class DivisionCodes {

    private final Map<String, String> towns;

    private DivisionCodes(Map<String, String> towns) {
        this.towns = towns;
    }

    public static DivisionCodes load(Connection c) throws SQLException {
        Map<String, String> towns = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT town_code, division_code_12, division_code_9 FROM dim_town")) {
            while (rs.next()) {
                towns.put(rs.getString(1), rs.getString(1));
                towns.put(rs.getString(2), rs.getString(1));
                if (rs.getString(3) != null) {
                    towns.put(rs.getString(3), rs.getString(1));
                }
            }
        }
        return new DivisionCodes(towns);
    }

    /** @return the town code, or null when the code is not one of Zhuji's towns nor the city */
    public String townOf(String code) {
        return code == null ? null : towns.get(code.trim());
    }
}
