package com.qiyouxiang.intake.spreadsheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reporting details of a sheet (填报单位, 填报日期, 填报人 …), read from the rows above or below the table
 * (option {@code meta-markers}). The longest marker at a place wins (填报单位名称 before 填报单位); a qualifier in
 * brackets (option {@code meta-qualifiers}: （盖章）, (公章)) is removed from the cell before the markers are looked
 * for, so that 填报单位（盖章）：诸暨市人力资源和社会保障局（公章） gives the bureau 诸暨市人力资源和社会保障局. A marker
 * with nothing after it takes the cell on its right as its value.
 */
final class MetaRowReader {

    /** One detail: the marker found, the value written after it, or the cell on its right when nothing was. */
    record Meta(String marker, String value, RawCell valueCell) {

        /** The value as written, qualifiers removed: the text after the marker, or the next cell's text. */
        String written(MetaRowReader reader) {
            return valueCell != null ? reader.withoutQualifiers(TextNormalizer.normalize(valueCell.display())) : value;
        }
    }

    private final List<String> markers;
    private final Pattern qualifiers;

    MetaRowReader(List<String> markers, List<String> qualifiers) {
        this.markers = markers.stream().filter(m -> !m.isEmpty()).sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.qualifiers = qualifiers.isEmpty() ? null : Pattern.compile("[(\\[【]\\s*(" + String.join("|",
                qualifiers.stream().map(Pattern::quote).toList()) + ")\\s*[)\\]】]");
    }

    /** The details of a row; empty when the row is no meta row. */
    List<Meta> read(RawRow row) {
        List<Meta> found = new ArrayList<>();
        if (markers.isEmpty()) {
            return found;
        }
        List<RawCell> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            RawCell cell = cells.get(i);
            if (cell.kind() != RawCell.Kind.TEXT) {
                continue;
            }
            String text = withoutQualifiers(TextNormalizer.normalize(cell.text()));
            List<int[]> at = occurrences(text);
            for (int k = 0; k < at.size(); k++) {
                int end = at.get(k)[0] + at.get(k)[1];
                int next = k + 1 < at.size() ? at.get(k + 1)[0] : text.length();
                String value = text.substring(end, next).replaceFirst("^[:：]", "").strip();
                RawCell valueCell = value.isEmpty() && k + 1 == at.size() && i + 1 < cells.size() ? cells.get(i + 1) : null;
                found.add(new Meta(text.substring(at.get(k)[0], end), value, valueCell));
            }
        }
        return found;
    }

    /** Start and length of each marker in the text, left to right, the longest marker winning at a place. */
    private List<int[]> occurrences(String text) {
        List<int[]> at = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            String hit = null;
            for (String m : markers) {
                if (text.startsWith(m, i)) {
                    hit = m; // sorted longest first
                    break;
                }
            }
            if (hit != null) {
                at.add(new int[] {i, hit.length()});
                i += hit.length();
            } else {
                i++;
            }
        }
        return at;
    }

    String withoutQualifiers(String text) {
        return qualifiers == null ? text : qualifiers.matcher(text).replaceAll("");
    }
}
