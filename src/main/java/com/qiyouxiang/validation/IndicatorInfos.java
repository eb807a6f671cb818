package com.qiyouxiang.validation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads what the rules need about each current indicator: dim_indicator, and for the headline
 * indicators the attributes of {@code indicator_attributes.csv} in the reference folder (cumulative,
 * by_town, scale) that dim_indicator does not carry. Others: by town when not city_only (context),
 * cumulative when the plan names them so (累计, e.g. T17 城镇新增就业累计数, T47 住宅加装电梯累计新增数),
 * scale 100 for '%' and 1 otherwise.
 */
final class IndicatorInfos {

    private record Attributes(boolean cumulative, boolean byTown, Double scale) {
    }

    private IndicatorInfos() {
    }

    static Map<String, IndicatorInfo> load(Connection c, Path referenceDir) throws SQLException {
        Map<String, Attributes> attributes = attributes(referenceDir.resolve("indicator_attributes.csv"));
        Map<String, IndicatorInfo> infos = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT indicator_code, indicator_name, coalesce(unit, ''), aggregation, frequency, kind, bureau_code
                FROM dim_indicator WHERE is_current ORDER BY indicator_code""")) {
            while (rs.next()) {
                String code = rs.getString(1);
                String unit = rs.getString(3);
                String aggregation = rs.getString(4);
                String kind = rs.getString(6);
                Attributes a = attributes.get(code);
                boolean byTown = a != null ? a.byTown() : "context".equals(kind) && !"city_only".equals(aggregation);
                double scale = a != null && a.scale() != null ? a.scale() : "%".equals(unit) ? 100 : 1;
                String name = rs.getString(2);
                boolean cumulative = a != null ? a.cumulative() : name.contains("累计");
                infos.put(code, new IndicatorInfo(code, name, unit, aggregation, rs.getString(5), kind,
                        rs.getString(7), cumulative, byTown, scale));
            }
        }
        return infos;
    }

    private static Map<String, Attributes> attributes(Path csv) {
        Map<String, Attributes> map = new HashMap<>();
        if (!Files.isRegularFile(csv)) {
            return map;
        }
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String scale = r.get("scale");
                map.put(r.get("indicator_code"), new Attributes(Boolean.parseBoolean(r.get("cumulative")),
                        Boolean.parseBoolean(r.get("by_town")), scale.isBlank() ? null : Double.valueOf(scale)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + csv, e);
        }
        return map;
    }
}
