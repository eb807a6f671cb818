package com.qiyouxiang.intake.spreadsheet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What the ingest looks names up in, read once per run from the warehouse: towns by full or short
 * name (暨阳街道 / 暨阳), bureaus by any alias, indicators with their canonical unit and frequency.
 */
public final class ReferenceData {

    public static final String CITY = "330681";

    /** @param annual frequency 'annual' (reported once a year) rather than 'quarterly' */
    public record Indicator(String code, String name, String unit, boolean annual) {
    }

    private final Map<String, String> towns = new HashMap<>();
    private final Map<String, String> townNames = new HashMap<>();
    private final Map<String, String> bureaus = new HashMap<>();
    private final Map<String, String> bureauNames = new HashMap<>();
    private final Map<String, Indicator> indicators = new HashMap<>();

    public static ReferenceData load(Connection c) throws SQLException {
        ReferenceData r = new ReferenceData();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT town_code, town_name, short_name FROM dim_town WHERE level = 'town'")) {
                while (rs.next()) {
                    r.towns.put(TextNormalizer.normalize(rs.getString(2)), rs.getString(1));
                    r.towns.put(TextNormalizer.normalize(rs.getString(3)), rs.getString(1));
                    r.townNames.put(rs.getString(1), rs.getString(2));
                }
            }
            r.townNames.put(CITY, "全市");
            try (ResultSet rs = s.executeQuery("SELECT alias, bureau_code FROM dim_bureau_alias")) {
                while (rs.next()) {
                    r.bureaus.put(TextNormalizer.normalize(rs.getString(1)), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT bureau_code, short_name FROM dim_bureau")) {
                while (rs.next()) {
                    r.bureauNames.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT indicator_code, indicator_name, coalesce(unit, ''), frequency FROM dim_indicator WHERE is_current")) {
                while (rs.next()) {
                    r.indicators.put(rs.getString(1), new Indicator(rs.getString(1), rs.getString(2), rs.getString(3),
                            "annual".equals(rs.getString(4))));
                }
            }
        }
        if (r.indicators.isEmpty() || r.towns.isEmpty()) {
            throw new IllegalStateException("The warehouse has no indicators or towns yet: run referenceJob first");
        }
        return r;
    }

    /** The 9-digit town code for 暨阳 / 暨阳街道 (spaces and full-width forms ignored), or null. */
    public String town(String written) {
        return towns.get(TextNormalizer.normalize(written));
    }

    public String townName(String code) {
        return townNames.getOrDefault(code, code);
    }

    /** The bureau code for any of its names (卫健局, 诸暨市卫生健康局, ...), or null. */
    public String bureau(String written) {
        String n = TextNormalizer.normalize(written);
        String code = bureaus.get(n);
        if (code == null && n.startsWith("诸暨市")) {
            code = bureaus.get(n.substring(3));
        }
        return code;
    }

    /** The bureau's short name (卫生健康局) for its code, or the code. */
    public String bureauName(String code) {
        return bureauNames.getOrDefault(code, code);
    }

    public Indicator indicator(String code) {
        return indicators.get(code);
    }
}
