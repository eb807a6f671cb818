package com.qiyouxiang.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The indicator catalog read straight from the reference files, without a warehouse (for the checks that
 * write nothing: jobs/run check-mappings, jobs/run check): the headline indicators of the catalog workbook
 * (read by {@link CatalogWorkbookReader}, coded through indicator_attributes.csv), the task indicators of
 * task_indicators.csv and the context indicators of context_indicators.csv, each with its unit and frequency.
 */
public final class CatalogIndex {

    /** @param unit the canonical unit ('' when none); @param annual frequency 'annual' */
    public record Indicator(String code, String name, String unit, boolean annual) {
    }

    private final Map<String, Indicator> indicators;

    private CatalogIndex(Map<String, Indicator> indicators) {
        this.indicators = indicators;
    }

    public static CatalogIndex read(Path referenceDir, String workbook) throws IOException {
        Map<Integer, String[]> attributes = new HashMap<>();
        for (CSVRecord r : csv(referenceDir.resolve("indicator_attributes.csv"))) {
            attributes.put(Integer.parseInt(r.get("seq_no")), new String[] {r.get("indicator_code"), r.get("frequency")});
        }
        Map<String, Indicator> map = new LinkedHashMap<>();
        for (CatalogWorkbookReader.Entry e : new CatalogWorkbookReader().read(referenceDir.resolve(workbook)).entries()) {
            String[] a = attributes.get(e.seqNo());
            if (a != null) {
                map.put(a[0], new Indicator(a[0], e.name(), e.unit() == null ? "" : e.unit(), "annual".equals(a[1])));
            }
        }
        for (String file : new String[] {"task_indicators.csv", "context_indicators.csv"}) {
            Path p = referenceDir.resolve(file);
            if (Files.isRegularFile(p)) {
                for (CSVRecord r : csv(p)) {
                    map.put(r.get("indicator_code"), new Indicator(r.get("indicator_code"), r.get("indicator_name"), r.get("unit"),
                            "annual".equals(r.get("frequency"))));
                }
            }
        }
        return new CatalogIndex(map);
    }

    /** The indicator of a code, or null when the catalog has none. */
    public Indicator indicator(String code) {
        return indicators.get(code);
    }

    public int size() {
        return indicators.size();
    }

    private static Iterable<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
