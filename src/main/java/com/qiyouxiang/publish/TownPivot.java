package com.qiyouxiang.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 镇街对比 section as people compare towns: one row per town, and for each indicator the meeting discusses
 * (red or yellow this quarter) its value and rank, with the city's value and the coefficient of variation at
 * the bottom. Built from the section's rows (one per indicator and town), the same in the workbook and the page.
 */
public record TownPivot(List<Indicator> indicators, List<String> towns) {

    /** One indicator's column pair: its name, unit, data period, display decimals, and the towns' figures. */
    public record Indicator(String code, String name, String unit, String periodZh, int decimals,
                            Map<String, Double> values, Map<String, Integer> ranks, Double city, Double cv) {

        /** The header: name, unit and data period. */
        public String header() {
            return name + (unit == null || unit.isBlank() ? "" : "（" + unit + "）") + " " + periodZh;
        }
    }

    public static TownPivot of(List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> byIndicator = new LinkedHashMap<>();
        Map<Integer, String> towns = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            byIndicator.computeIfAbsent((String) row.get("indicator_code"), k -> new ArrayList<>()).add(row);
            Object order = row.get("town_sort_order");
            towns.put(order instanceof Number n ? n.intValue() : towns.size() + 1000, (String) row.get("town_name"));
        }
        List<Indicator> indicators = new ArrayList<>();
        byIndicator.forEach((code, list) -> {
            Map<String, Object> first = list.get(0);
            Map<String, Double> values = new LinkedHashMap<>();
            Map<String, Integer> ranks = new LinkedHashMap<>();
            for (Map<String, Object> r : list) {
                if (r.get("town_value") instanceof Number v) {
                    values.put((String) r.get("town_name"), v.doubleValue());
                }
                if (r.get("town_rank") instanceof Number k) {
                    ranks.put((String) r.get("town_name"), k.intValue());
                }
            }
            indicators.add(new Indicator(code, (String) first.get("indicator_name"), (String) first.get("unit"),
                    (String) first.get("data_period_zh"), ReportData.decimals(first), values, ranks,
                    first.get("city_value") instanceof Number c ? c.doubleValue() : null,
                    first.get("town_cv") instanceof Number v ? v.doubleValue() : null));
        });
        return new TownPivot(indicators, new ArrayList<>(towns.values()));
    }

    /** The towns of one indicator with a value, in the table's order (for its chart). */
    public List<String> townsOf(Indicator indicator) {
        return towns.stream().filter(indicator.values()::containsKey).toList();
    }

}
