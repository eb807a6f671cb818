package com.qiyouxiang.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Writes the sample inbox (samples/inbox): the spreadsheets the bureaus send each quarter from
 * 2023Q1 to 2026Q3, as people fill them in, for the templates in jobs/sources/spreadsheets. Deterministic: the
 * same bytes' content every run (values from fixed seeds), so it is re-run freely.
 *
 * <p>Figures follow the plan's baselines and yearly targets: most indicators on track, some
 * slightly behind (H02, H09, H10, H17, T26), some lagging (H06, H13, H20), and a few towns
 * (岭北, 东和, 马剑, 陈宅) well behind the others. Population by town from 统计局 adds up to about
 * 1.2 million residents.
 *
 * <p>Deliberate problems, each of a different kind (see docs/spreadsheets.md):
 * a #DIV/0! cell (卫健局 2024Q2, resubmitted corrected as 修改版 with two revised figures), an
 * unknown town (人社局 2024Q3), a percentage over 100 (医保局 2025Q1), a negative count (民政局
 * 2025Q2), text that is not a number (残联 2024Q4), a unit that does not fit (建设局 2025Q3), a
 * town reported twice (建设局 2024Q1), resolved above reported (人社局 2023Q3), an annual figure
 * in a quarter it is not due (卫健局 2025Q2), and a file that fits no template (a 回执).
 */
public final class BureauInboxWriter {

    // ---- towns: name, short name, residents 2022, share aged 60+, performance factor ---------
    public record Town(String name, String shortName, int residents, double oldShare, double factor) {
    }

    public static final List<Town> TOWNS = List.of(
            new Town("暨阳街道", "暨阳", 142_000, 0.20, 1.05), new Town("浣东街道", "浣东", 112_000, 0.21, 1.04),
            new Town("陶朱街道", "陶朱", 131_000, 0.20, 1.05), new Town("暨南街道", "暨南", 82_000, 0.21, 1.03),
            new Town("大唐街道", "大唐", 108_000, 0.22, 1.02), new Town("应店街镇", "应店街", 36_000, 0.27, 0.97),
            new Town("次坞镇", "次坞", 41_000, 0.26, 0.98), new Town("店口镇", "店口", 118_000, 0.22, 1.03),
            new Town("姚江镇", "姚江", 46_000, 0.25, 1.00), new Town("山下湖镇", "山下湖", 52_000, 0.24, 1.00),
            new Town("枫桥镇", "枫桥", 76_000, 0.25, 1.01), new Town("赵家镇", "赵家", 29_000, 0.28, 0.96),
            new Town("马剑镇", "马剑", 19_000, 0.30, 0.85), new Town("五泄镇", "五泄", 25_000, 0.28, 0.97),
            new Town("牌头镇", "牌头", 56_000, 0.25, 1.00), new Town("同山镇", "同山", 22_000, 0.29, 0.95),
            new Town("安华镇", "安华", 41_000, 0.26, 0.98), new Town("璜山镇", "璜山", 34_000, 0.28, 0.96),
            new Town("陈宅镇", "陈宅", 18_000, 0.31, 0.88), new Town("岭北镇", "岭北", 12_000, 0.32, 0.78),
            new Town("浬浦镇", "浬浦", 29_000, 0.28, 0.97), new Town("东白湖镇", "东白湖", 21_000, 0.30, 0.95),
            new Town("东和乡", "东和", 14_000, 0.31, 0.82));

    // ---- the plan: 2022 baseline, targets 2023..2027 (NaN = '/'), and how the city fares ----
    record Plan(double[] values, boolean lower, double status) {
    }

    static final double ON_TRACK = 1.012, BEHIND = 0.975, LAGGING = 0.92;
    static final Map<String, Plan> PLAN = new LinkedHashMap<>();

    static {
        plan("H01", ON_TRACK, false, 3.5, 4.0, 4.3, 4.6, 5.0, 5.5);
        plan("H02", BEHIND, false, 60, 63, 65, 68, 70, 72);
        plan("H03", ON_TRACK, false, 93, 95, 95, 95, 95, 95);
        plan("H04", 1.0, false, 100, 100, 100, 100, 100, 100);
        plan("H05", 1.0, false, 100, 100, 100, 100, 100, 100);
        plan("H06", LAGGING, false, 68, 70, 71, 72, 73, 74);
        plan("H07", 1.0, true, 2.9, 2.9, 2.8, 2.8, 2.7, 2.7);
        plan("H08", ON_TRACK, false, 93.0, 94.0, 94.5, 95.0, 95.5, 96.0);
        plan("H09", BEHIND, false, 4.3, 6.8, 9, 11, 13, 15);
        plan("H10", 0.9985, false, 82.12, 82.36, 82.45, 83.00, 83.01, 83.05);
        plan("H11", ON_TRACK, true, 9.64, 9.40, 9.20, 9.00, 8.70, 8.50);
        plan("H12", 1.04, false, 72.66, 70, 70, 70, 70, 70);
        plan("H13", LAGGING, false, 22, 23, 24, 25, 26, 27);
        plan("H14", ON_TRACK, false, 83.0, 83.6, 84.2, 84.8, 85.4, 86.0);
        plan("H15", 1.0, false, 18, 19.5, 21, 22.5, 24, 25);
        plan("H16", ON_TRACK, false, 15, 16, 17, 19, 20, 21);
        plan("H17", BEHIND, false, 0.70, 0.90, 1.12, 1.36, 1.36, 1.36);
        plan("H18", ON_TRACK, false, 83, 85.0, 87.5, 90.0, 92.5, 95.0);
        plan("H19", 1.03, false, 12600, 13200, 14000, 15000, 16000, 17000);
        plan("H20", LAGGING, false, 80, 82, 83, 85, 87, 90);
        plan("H21", ON_TRACK, false, 86.9, 94, 94, 94, 94, 95);
        plan("T07", ON_TRACK, false, 92, 93, 94, 94.5, 95, 95.5);
        plan("T17", ON_TRACK, false, 0, 1.0, 2.0, 3.0, 4.0, 5.0);
        plan("T19", ON_TRACK, false, 91, 91.5, 92, 92, 92, 92);
        plan("T24", ON_TRACK, false, 40, 42, 44, 46, 48, 50);
        plan("T25", ON_TRACK, false, 70, 71, 72, 73, 74, 75);
        plan("T26", BEHIND, false, 62, 63, 64.5, 65.5, 66.5, 67.5);
        plan("T33", ON_TRACK, false, 70, 75, 80, 84, 87, 90);
        plan("T34", ON_TRACK, false, 80, 82, 84, 86, 88, 90);
        plan("T41", LAGGING, false, 60, 66, 72, 77, 81, 85);
        plan("T42", ON_TRACK, false, 60, 70, 80, 90, 95, 100);
        plan("T44", ON_TRACK, false, 40, 55, 70, 80, 90, 100);
    }

    private static void plan(String code, double status, boolean lower, double... values) {
        PLAN.put(code, new Plan(values, lower, status));
    }

    static final String[] QUARTERS_ZH = {"一", "二", "三", "四"};

    private final Path inbox;

    private BureauInboxWriter(Path inbox) {
        this.inbox = inbox;
    }

    /** Rewrites every spreadsheet of the sample inbox (other files there, such as platform CSVs, are left alone). */
    public static List<Path> write(Path inbox) throws IOException {
        Files.createDirectories(inbox);
        try (Stream<Path> old = Files.list(inbox)) {
            for (Path p : old.filter(p -> p.getFileName().toString().matches(".*\\.xlsx?$")).toList()) {
                Files.delete(p);
            }
        }
        BureauInboxWriter w = new BureauInboxWriter(inbox);
        List<Path> files = new ArrayList<>();
        for (int year = 2023; year <= 2026; year++) {
            for (int q = 1; q <= 4; q++) {
                if (year == 2026 && q == 4) {
                    break;
                }
                files.add(w.healthTowns(year, q, false));
                files.add(w.healthCity(year, q));
                files.add(w.laborTowns(year, q));
                files.add(w.laborCity(year, q));
                files.add(w.insuranceCity(year, q));
                files.add(w.civilTowns(year, q));
                files.add(w.housingTowns(year, q));
                files.add(w.disabledCity(year, q));
                if (q == 4) {
                    files.add(w.educationAnnual(year));
                    files.add(w.civilAnnual(year));
                    files.add(w.housingAnnual(year));
                }
            }
        }
        files.add(w.healthTowns(2024, 2, true));
        for (int year = 2022; year <= 2025; year++) {
            files.add(w.population(year));
        }
        files.add(w.receipt());
        return files;
    }

    // ---- figures --------------------------------------------------------------------------

    /** The city figure for a quarter (q 1..4) or a year (q 0): from last year's level towards this year's target. */
    static double city(String code, int year, int q) {
        Plan p = PLAN.get(code);
        double status = p.lower() ? 2 - p.status() : p.status();
        double target = p.values()[year - 2022] * (year == 2022 ? 1 : status);
        if (q == 0 || q == 4) {
            return target;
        }
        double previous = p.values()[year - 2023] * (year - 1 == 2022 ? 1 : status);
        return previous + (target - previous) * q / 4.0;
    }

    private static double townRate(String code, Town t, int year, int q, double cap) {
        Random r = new Random((code + t.name() + year + q).hashCode());
        double factor = code.equals("H13") || code.equals("H01") || code.equals("H18") ? t.factor() : 1 + (t.factor() - 1) / 2;
        return Math.min(cap, city(code, year, q) * factor * (1 + (r.nextDouble() - 0.5) * 0.03));
    }

    /** 托位数 of a town in a quarter as 市卫健局 reports them; the platform's 托育机构名录 sums to the same. */
    public static long childcarePlaces(Town t, int year, int q) {
        return round(townRate("H01", t, year, q, 99) / 1000 * residents(t, year));
    }

    /** 其中普惠 of those. */
    public static long inclusivePlaces(Town t, int year, int q) {
        return round(townRate("H02", t, year, q, 100) / 100 * childcarePlaces(t, year, q));
    }

    /** 60岁及以上老年人口 of a town in a year (统计局 and 民政局 alike). */
    static long elderly(Town t, int year) {
        return round(residents(t, year) * t.oldShare() * (1 + 0.01 * (year - 2022)));
    }

    /** 持证养老护理员数 of a town in a quarter as 民政局 reports them; the platform's 持证名单 lists as many persons. */
    public static long certifiedCarers(Town t, int year, int q) {
        return round(townRate("H13", t, year, q, 1000) / 10000 * elderly(t, year));
    }

    static int residents(Town t, int year) {
        return (int) Math.round(t.residents() * (1 + 0.003 * (year - 2022)));
    }

    private static long round(double v) {
        return Math.round(v);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static String quarterTitle(int year, int q, int style) {
        return switch (style % 3) {
            case 0 -> year + "年第" + QUARTERS_ZH[q - 1] + "季度";
            case 1 -> year + "年1-" + (q * 3) + "月";
            default -> year + "年" + QUARTERS_ZH[q - 1] + "季度";
        };
    }

    private static LocalDate reportDate(int year, int q) {
        return q == 4 ? LocalDate.of(year + 1, 1, 12) : LocalDate.of(year, q * 3 + 1, 10);
    }

    private static SheetBuilder.Date serial(LocalDate d) {
        return new SheetBuilder.Date(DateUtil.getExcelDate(d));
    }

    // ---- templates ------------------------------------------------------------------------

    /** 卫健局 分镇街 托育与儿童发育监测 (H01, H02, H03): two-row merged header, 合计 with SUM formulas, a hidden sheet. */
    private Path healthTowns(int year, int q, boolean resubmission) throws IOException {
        String period = quarterTitle(year, q, year + q);
        SheetBuilder s = new SheetBuilder("分镇街");
        s.row("诸暨市" + period + "托育服务和儿童发育监测分镇街情况表");
        s.merge(0, 0, 0, 5);
        s.row("填报单位：市卫健局", null, null, "填报日期：", serial(reportDate(year, q)), "填报人：王丽");
        int h = s.row("镇街", "常住人口（人）", "托位数（个）", null, "0-3岁儿童", null);
        s.row(null, null, "总数", "其中普惠", "儿童数（人）", "筛查数（人）");
        s.merge(h, h + 1, 0, 0);
        s.merge(h, h + 1, 1, 1);
        s.merge(h, h, 2, 3);
        s.merge(h, h, 4, 5);
        long[] sums = new long[5];
        int first = s.size();
        for (int i = 0; i < TOWNS.size(); i++) {
            Town t = TOWNS.get(i);
            if (i == 5) {
                s.row(); // a blank row between 街道 and 镇
            }
            long pop = residents(t, year);
            long places = childcarePlaces(t, year, q);
            long inclusive = inclusivePlaces(t, year, q);
            long children = round(pop * 0.027 * (1 - 0.03 * (year - 2022)));
            long screened = round(townRate("H03", t, year, q, 100) / 100 * children);
            Object placesCell = places;
            Object inclusiveCell = inclusive;
            if (year == 2024 && q == 2 && i == 3 && !resubmission) {
                inclusiveCell = new SheetBuilder.Error(FormulaError.DIV0);
            }
            if (year == 2024 && q == 2 && resubmission && i == 10) {
                places += 12; // corrected after checking
            }
            if (year == 2024 && q == 2 && resubmission && i == 11) {
                inclusive -= 3;
            }
            if (i == 2 && q == 3) {
                placesCell = toFullWidth(String.valueOf(places)); // typed with a Chinese input method
            } else if (i == 7) {
                placesCell = places + "个"; // unit typed in the cell
            } else {
                placesCell = places;
            }
            if (!(inclusiveCell instanceof SheetBuilder.Error)) {
                inclusiveCell = i == 4 ? String.valueOf(inclusive) : (Object) inclusive; // a number typed as text
            }
            Object popCell = i == 0 ? String.format(Locale.ROOT, "%,d", pop) : (Object) pop; // thousands separators
            s.row(i % 2 == 0 ? t.name() : t.shortName(), popCell, placesCell, inclusiveCell, children, screened);
            sums[0] += pop;
            sums[1] += places;
            sums[2] += inclusive;
            sums[3] += children;
            sums[4] += screened;
        }
        int last = s.size();
        s.row("合计", sum("B", first, last, sums[0]), sum("C", first, last, sums[1]), sum("D", first, last, sums[2]),
                sum("E", first, last, sums[3]), sum("F", first, last, sums[4]));
        s.row();
        s.row("注：1.托位数含普惠性和营利性托育机构托位；2.常住人口为上年末数。");
        s.row("说明：本表由各镇街卫生院汇总后报送。");
        s.hiddenSheet("底稿", "镇街原始数据", "请勿修改");
        String name = "市卫健局" + period + "分镇街托育数据" + (resubmission ? "（修改版）" : "") + ".xlsx";
        return save(s, name);
    }

    /** 卫健局 指标报表 (indicator rows): T24, T25, T26 quarterly; H10, H11 annual in Q4. */
    private Path healthCity(int year, int q) throws IOException {
        String period = quarterTitle(year, q, 0);
        SheetBuilder s = indicatorSheet("指标报表", "诸暨市卫生健康局" + period + "七优享指标完成情况", "诸暨市卫生健康局",
                year + "年" + (q * 3 + 1 > 12 ? 1 : q * 3 + 1) + "月10日", "陈浩");
        int n = 1;
        s.row(n++, "家庭医生签约覆盖率", "%", PLAN.get("T24").values()[Math.min(5, year - 2022)], pct(city("T24", year, q)), null);
        s.row(n++, "老年人健康管理率", "%", 75, q == 2 ? round(city("T25", year, q), 1) + "%" : pct(city("T25", year, q)), null);
        if (year == 2025 && q == 3) {
            // a drop of more than 30% on the quarter (R-CHANGE-QOQ, 核实性), explained in the row's 备注: 已说明
            s.row(n++, "基层就诊率", "%", 67.5, pct(city("T26", year, q) * 0.6), "本季度起按省卫健委新口径统计（剔除体检、"
                    + "疫苗接种人次），与上季度不可直接比较");
        } else {
            s.row(n++, "基层就诊率", "%", 67.5, pct(city("T26", year, q)), null);
        }
        boolean annual = q == 4 || (year == 2025 && q == 2);
        s.row(n++, "人均预期寿命", "岁", PLAN.get("H10").values()[Math.min(5, year - 2022)],
                annual ? (Object) round(city("H10", year, 0), 2) : "/", annual ? "年度指标" : "年度指标，四季度填报");
        s.row(n++, "重大慢病过早死亡率", "%", PLAN.get("H11").values()[Math.min(5, year - 2022)],
                q == 4 ? (Object) round(city("H11", year, 0), 2) : "—", null);
        s.row();
        s.row("注：本期值为截至本季度末累计数据。");
        return save(s, "卫健局" + period + "七优享指标报表.xlsx");
    }

    /** 人社局 分镇街 (H08 欠薪线索, H09 培训累计, H14 参保人数). */
    private Path laborTowns(int year, int q) throws IOException {
        String period = quarterTitle(year, q, year + q + 1);
        SheetBuilder s = new SheetBuilder("Sheet1");
        s.row("人社局" + period + "分镇街七优享指标");
        s.merge(0, 0, 0, 5);
        s.row("填报单位：诸暨市人力资源和社会保障局  填报日期：" + reportDate(year, q).getYear() + "年"
                + reportDate(year, q).getMonthValue() + "月" + reportDate(year, q).getDayOfMonth() + "日  填报人：李强");
        int h = s.row("镇（街道）", "欠薪线索（条）", null, "职业技能培训累计（万人次）", "职业技能培训本季（万人次）",
                "基本养老保险参保人数（万人）");
        s.row(null, "线索数", "已化解", null, null, null);
        s.merge(h, h + 1, 0, 0);
        s.merge(h, h, 1, 2);
        s.merge(h, h + 1, 3, 3);
        s.merge(h, h + 1, 4, 4);
        s.merge(h, h + 1, 5, 5);
        int total = TOWNS.stream().mapToInt(t -> residents(t, year)).sum();
        long leads = 0, resolved = 0;
        double training = 0, insured = 0;
        for (int i = 0; i < TOWNS.size(); i++) {
            Town t = TOWNS.get(i);
            double share = (double) residents(t, year) / total;
            long l = Math.max(2, round(residents(t, year) / 4000.0 * (0.6 + 0.1 * q)));
            long r = Math.min(l, round(townRate("H08", t, year, q, 100) / 100 * l));
            java.util.function.IntToDoubleFunction trainingBy = quarter -> round(city("H09", year, quarter) * share * t.factor(), 3);
            double tr = trainingBy.applyAsDouble(q);
            double trQuarter = round(tr - (q == 1 ? 0 : trainingBy.applyAsDouble(q - 1)), 3); // 本季 = 1–q月 − 1–(q−1)月
            double in = round(city("H14", year, q) * share, 2);
            String label = t.shortName();
            if (year == 2024 && q == 3 && i == 8) {
                label = "城西新区"; // not a town of Zhuji
            }
            Object resolvedCell = r;
            if (year == 2023 && q == 3 && i == 1) {
                resolvedCell = l + 3; // resolved above reported
            }
            Object insuredCell = i == 0 ? round(in, 2) + "万人" : (Object) in;
            Object trCell = tr;
            Object trQuarterCell = trQuarter;
            if (year == 2025 && q == 3 && i == 4) {
                trQuarterCell = round(trQuarter + 0.05, 3); // 1–9月 ≠ 1–6月 + 本季 (R-CUM-IDENTITY, 强制性)
            }
            if (year == 2026 && q == 3 && i == 6) {
                trCell = round(tr * 0.5, 3); // 1–9月 below 1–6月 (R-CUM-MONOTONE, 强制性)
                trQuarterCell = null;
            }
            s.row(label, l, resolvedCell, trCell, trQuarterCell, insuredCell);
            leads += l;
            resolved += r;
            training += tr;
            insured += in;
        }
        s.row("全市", leads, resolved, round(training, 2), null, round(insured, 2));
        s.row("说明：欠薪线索动态化解率=已化解线索数/线索数。");
        return save(s, "人社局_" + period + "_分镇街指标.xlsx");
    }

    /** 人社局 指标报表: H07, T17, T19 quarterly. */
    private Path laborCity(int year, int q) throws IOException {
        String period = quarterTitle(year, q, 0);
        SheetBuilder s = indicatorSheet("报表", "人社局" + period + "七优享指标", "人社局", serial(reportDate(year, q)), "李强");
        s.row(1, "城镇调查失业率", "%", "/", round(city("H07", year, q) + (q == 1 ? 0.2 : 0), 1), "观察性指标");
        s.row(2, "城镇新增就业累计数", "万人", 5, round(city("T17", year, q), 2), null);
        s.row(3, "劳动争议仲裁结案率", "%", 92, q % 2 == 0 ? round(city("T19", year, q) / 100, 4) : (Object) round(city("T19", year, q), 1),
                null);
        return save(s, "人社局" + period + "指标报表.xlsx");
    }

    /** 医保局 指标报表: H20, H15, T34 quarterly; H12, T33 in Q4. */
    private Path insuranceCity(int year, int q) throws IOException {
        String period = quarterTitle(year, q, 0);
        SheetBuilder s = indicatorSheet("医保", "诸暨市医疗保障局" + period + "七优享相关指标", "医疗保障局",
                serial(reportDate(year, q)), "赵敏");
        Object h20 = pct(city("H20", year, q));
        if (year == 2025 && q == 1) {
            h20 = 128.0; // typed 128 for 82.8
        }
        s.row(1, "困难群众医疗费用综合保障率", "%", PLAN.get("H20").values()[Math.min(5, year - 2022)], h20, null);
        s.row(2, "长期护理保险覆盖人群", "万人", "/", round(city("H15", year, q), 1) + "万", "观察性指标");
        s.row(3, "生育医疗费用省域内直接结算率", "%", 90, new SheetBuilder.Percent(round(city("T34", year, q) / 100, 4)), null);
        s.row(4, "“浙里惠民保”投保率", "%", ">70", q == 4 ? (Object) round(city("H12", year, 0), 2) : "暂无", null);
        s.row(5, "异地结算医疗机构开通率", "%", 90, q == 4 ? (Object) pct(city("T33", year, 0)) : "/", null);
        return save(s, "医保局" + period + "指标报表.xlsx");
    }

    /** 民政局 分镇街 持证养老护理员 (H13). */
    private Path civilTowns(int year, int q) throws IOException {
        String period = quarterTitle(year, q, year + q);
        SheetBuilder s = new SheetBuilder("护理员");
        s.row(period + "各镇街持证养老护理员情况");
        s.row("填报单位：民政局", null, "填报日期：" + reportDate(year, q));
        s.row("镇街", "60岁及以上老年人口（人）", "持证养老护理员数（人）", "备注");
        long old = 0, carers = 0;
        for (int i = 0; i < TOWNS.size(); i++) {
            Town t = TOWNS.get(i);
            long o = elderly(t, year);
            long c = certifiedCarers(t, year, q);
            Object carerCell = c;
            if (year == 2025 && q == 2 && i == 14) {
                carerCell = -12; // a sign typed by mistake
            }
            s.row(t.name(), o, carerCell, i == 19 ? "护理员招聘困难" : null);
            old += o;
            carers += c;
        }
        s.row("合计", old, carers);
        return save(s, "民政局" + period + "养老护理员分镇街.xlsx");
    }

    /** 民政局 年度指标 (H19, T41, T42), in Q4. */
    private Path civilAnnual(int year) throws IOException {
        SheetBuilder s = indicatorSheet("年报", "民政局" + year + "年第四季度七优享年度指标", "诸暨市民政局",
                serial(reportDate(year, 4)), "孙伟");
        s.row(1, "最低生活保障年标准", "元", PLAN.get("H19").values()[Math.min(5, year - 2022)], round(city("H19", year, 0)), null);
        s.row(2, "助餐村（社区）覆盖率", "%", 85, pct(city("T41", year, 0)), null);
        s.row(3, "康养联合体镇乡（街道）覆盖率", "%", 100, pct(Math.min(100, city("T42", year, 0))), null);
        return save(s, "民政局" + year + "年第四季度年度指标.xlsx");
    }

    /** 建设局 分镇街 (H17 保障性租赁住房累计, H18 住宅小区专业物业). */
    private Path housingTowns(int year, int q) throws IOException {
        String period = quarterTitle(year, q, year + q + 2);
        SheetBuilder s = new SheetBuilder("分镇街");
        s.row("建设局" + period + "住房保障和物业服务分镇街报表");
        s.row("填报单位：住建局", null, "填报人：周洁", null, "填报日期：" + reportDate(year, q).toString().replace('-', '/'));
        int h = s.row("镇街", "保障性租赁住房累计筹集（万套）", "住宅小区", null);
        s.row(null, null, "小区数（个）", "其中专业物业（个）");
        s.merge(h, h + 1, 0, 0);
        s.merge(h, h + 1, 1, 1);
        s.merge(h, h, 2, 3);
        int total = TOWNS.stream().mapToInt(t -> residents(t, year)).sum();
        double housing = 0;
        long estates = 0, managed = 0;
        for (int i = 0; i < TOWNS.size(); i++) {
            Town t = TOWNS.get(i);
            double share = (double) residents(t, year) / total;
            double hs = round(city("H17", year, q) * share, 4);
            long e = Math.max(3, round(residents(t, year) / 900.0));
            long m = Math.min(e, round(townRate("H18", t, year, q, 100) / 100 * e));
            Object estatesCell = e;
            if (year == 2025 && q == 3 && i == 6) {
                estatesCell = e + "户"; // households, not estates
            }
            Object housingCell = i == 3 ? round(hs * 10000) + "套" : (Object) hs;
            s.row(t.name(), housingCell, estatesCell, m);
            if (year == 2024 && q == 1 && i == 9) {
                s.row(t.name(), hs, e, m); // the same town twice
            }
            housing += hs;
            estates += e;
            managed += m;
        }
        s.row("合计", round(housing, 4), estates, managed);
        s.row("注：保障性租赁住房为2022年以来累计筹集套（间）数。");
        return save(s, "建设局" + period + "分镇街报表.xlsx");
    }

    /** 建设局 年度指标 (H16, T44), in Q4. */
    private Path housingAnnual(int year) throws IOException {
        SheetBuilder s = indicatorSheet("年度指标", "建设局" + year + "年第四季度年度指标", "建设局", serial(reportDate(year, 4)), "周洁");
        s.row(1, "城镇住房保障受益覆盖率", "%", PLAN.get("H16").values()[Math.min(5, year - 2022)], pct(city("H16", year, 0)), null);
        s.row(2, "老旧小区改造完成率", "%", 100, pct(city("T44", year, 0)), "2000年底前建成需改造的城镇老旧小区");
        return save(s, "建设局" + year + "年第四季度年度指标.xlsx");
    }

    /** 残联: H21 each quarter. */
    private Path disabledCity(int year, int q) throws IOException {
        String period = quarterTitle(year, q, 0);
        SheetBuilder s = indicatorSheet("Sheet1", "残联" + period + "指标报送表", "市残联", serial(reportDate(year, q)), "吴芳");
        Object v = pct(city("H21", year, q));
        if (year == 2024 && q == 4) {
            v = "约95";
        }
        s.row(1, "“残疾人之家”覆盖率", "%", PLAN.get("H21").values()[Math.min(5, year - 2022)], v, null);
        return save(s, "残联" + period + "指标报送.xlsx");
    }

    /** 教体局 年度 (.xls, legacy): H04, H05, H06, T07; the 单位 cell merged down over the % rows. */
    private Path educationAnnual(int year) throws IOException {
        SheetBuilder s = indicatorSheet("教体局", "诸暨市教育体育局" + year + "年度七优享指标", "教体局",
                year + 1 + "年1月15日", "郑军");
        int first = s.row(1, "通过国家学前教育普及普惠县省级督导评估率", "%", 100, 100, null);
        s.row(2, "通过国家义务教育优质均衡发展县省级评估率", null, 100, 100, year < 2025 ? "评估进行中" : null);
        s.row(3, "高等教育毛入学率", null, PLAN.get("H06").values()[year - 2022], round(city("H06", year, 0), 1), null);
        int last = s.row(4, "普惠性幼儿园在园幼儿占比", null, ">95", round(city("T07", year, 0), 1), null);
        s.merge(first, last, 2, 2);
        return save(s, "教体局" + year + "年度七优享指标.xls");
    }

    /** 统计局 年末分镇街人口 (C01, C02, C03). */
    private Path population(int year) throws IOException {
        SheetBuilder s = new SheetBuilder("人口");
        s.row(year + "年末各镇街人口情况");
        s.row("填报单位：统计局", null, "填报日期：", year + 1 + "-02-20");
        s.row("镇街", "常住人口（人）", "60岁及以上人口（人）", "0-3岁婴幼儿数（人）");
        long[] sums = new long[3];
        for (int i = 0; i < TOWNS.size(); i++) {
            Town t = TOWNS.get(i);
            long pop = residents(t, year);
            long old = elderly(t, year);
            long infants = round(pop * 0.027 * (1 - 0.03 * (year - 2022)));
            Object popCell = i == 0 ? round(pop / 10000.0, 2) + "万" : i == 1 ? String.format(Locale.ROOT, "%,d", pop) : (Object) pop;
            if (i == 0) {
                pop = round(round(pop / 10000.0, 2) * 10000);
            }
            s.row(t.name(), popCell, old, infants);
            sums[0] += pop;
            sums[1] += old;
            sums[2] += infants;
        }
        s.row("全市", sums[0], sums[1], sums[2]);
        s.row("注：常住人口为年末数，来源于人口变动抽样调查推算。");
        return save(s, "统计局" + year + "年末分镇街人口.xlsx");
    }

    /** A 回执 that fits no template: recorded as unrecognised and left in the inbox. */
    private Path receipt() throws IOException {
        SheetBuilder s = new SheetBuilder("回执");
        s.row("关于报送2024年第三季度七优享数据的回执");
        s.row("单位", "联系人", "电话");
        s.row("市卫健局", "王丽", "0575-8xxxxxxx");
        return save(s, "2024年第三季度数据报送回执.xlsx");
    }

    // ---- helpers --------------------------------------------------------------------------

    private static SheetBuilder indicatorSheet(String sheet, String title, String bureau, Object date, String reporter) {
        SheetBuilder s = new SheetBuilder(sheet);
        s.row(title);
        s.merge(0, 0, 0, 5);
        s.row("填报单位：" + bureau, null, "填报日期：", date, "填报人：" + reporter);
        s.row("序号", "指标名称", "单位", "年度目标", "本期值", "备注");
        return s;
    }

    private static double pct(double v) {
        return round(v, 1);
    }

    private static SheetBuilder.Formula sum(String col, int firstRow, int lastRow, double cached) {
        return new SheetBuilder.Formula("SUM(" + col + (firstRow + 1) + ":" + col + lastRow + ")", cached);
    }

    static String toFullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch >= '!' && ch <= '~' ? (char) (ch + 0xFEE0) : ch);
        }
        return b.toString();
    }

    private Path save(SheetBuilder s, String name) throws IOException {
        Path file = inbox.resolve(name);
        s.write(file);
        return file;
    }
}
