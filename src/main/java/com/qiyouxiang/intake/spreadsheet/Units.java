package com.qiyouxiang.intake.spreadsheet;

/**
 * Unit conversion to an indicator's canonical unit. A unit is an optional magnitude prefix
 * (万 = 10,000, 亿 = 100,000,000) and a base (人, 个, 元, 人次, %, ‰, ...): "83.6万人" in a 人 column is
 * 836,000; "836000人" in a 万人 column is 83.6; 6.3‰ in a % column is 0.63. A base that differs
 * from the canonical one is an error, never guessed.
 */
public final class Units {

    private Units() {
    }

    /** The factor that turns a figure written in {@code written} into {@code canonical}, or null when they do not convert. */
    public static Double factor(String written, String canonical) {
        String w = TextNormalizer.normalize(written);
        String c = TextNormalizer.normalize(canonical);
        if (w.isEmpty() || c.isEmpty() || w.equals(c)) {
            return 1.0;
        }
        double wm = magnitude(w);
        double cm = magnitude(c);
        String wb = base(w);
        String cb = base(c);
        if (wb.equals(cb) || wb.isEmpty() || (cb.isEmpty() && !isPerCent(wb))) {
            return wm / cm;
        }
        if (wb.equals("%") && cb.equals("‰")) {
            return 10.0;
        }
        if (wb.equals("‰") && cb.equals("%")) {
            return 0.1;
        }
        return null;
    }

    public static boolean isPerCent(String unit) {
        String b = base(TextNormalizer.normalize(unit));
        return b.equals("%") || b.equals("‰");
    }

    private static double magnitude(String unit) {
        if (unit.startsWith("亿")) {
            return 1e8;
        }
        if (unit.startsWith("万") && unit.length() >= 1) {
            return 1e4;
        }
        return 1;
    }

    private static String base(String unit) {
        String u = unit;
        if (u.startsWith("亿") || u.startsWith("万")) {
            u = u.substring(1);
        }
        return switch (u) {
            case "百分比", "百分点" -> "%";
            case "套(间)", "间" -> "套";
            default -> u;
        };
    }
}
