package com.qiyouxiang.intake.spreadsheet;

/**
 * Text as people type it into Chinese spreadsheets, made comparable: full-width letters, digits and
 * punctuation (４．３，％) to half-width, the ideographic full stop between digits to a point, every
 * kind of space removed.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '\uFF01' && ch <= '\uFF5E') {
                ch = (char) (ch - 0xFEE0);
            } else if (ch == '。' && i > 0 && i + 1 < s.length() && isDigit(s.charAt(i - 1)) && isDigit(s.charAt(i + 1))) {
                ch = '.';
            }
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == '\u200B' || ch == '\uFEFF') {
                continue;
            }
            b.append(ch);
        }
        return b.toString();
    }

    /** A label without its unit in brackets and without leading numbering: "1.托位数（个）" -> "托位数". */
    public static String label(String s) {
        String n = normalize(s);
        n = n.replaceAll("^[0-9]+[.、)]", "");
        return n.replaceAll("\\([^()]*\\)$", "");
    }

    /** The unit in trailing brackets, "托位数（个）" -> "个", or null. */
    public static String bracketUnit(String s) {
        String n = normalize(s);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(([^()]*)\\)$").matcher(n);
        return m.find() ? m.group(1) : null;
    }

    private static boolean isDigit(char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９');
    }
}
