package com.qiyouxiang.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.qiyouxiang.intake.platform.Gb11643;

/**
 * Writes the sample 公共数据平台 exports into samples/inbox, deterministically (fixed seed):
 * <ul>
 * <li>平台_指标数据_2024Q2.csv: indicator export, UTF-8 without BOM, comma, CRLF, quoted fields holding
 * line breaks and doubled quotes, all four period forms;</li>
 * <li>平台_指标数据_2025_gbk.tsv: indicator export, GBK, tab;</li>
 * <li>平台_托育机构名录_2023Q1-2026Q3.csv: record-level, UTF-8 with BOM, comma;</li>
 * <li>平台_养老护理员持证名单_2023Q1-2026Q3.csv: record-level, GBK, comma;</li>
 * <li>平台_最低生活保障对象_2023Q1-2026Q3.tsv: record-level, UTF-8, tab.</li>
 * </ul>
 * Every file has bad lines (wrong column count, bad ID check digit, unknown division code, unparseable
 * number, ...). Persons are synthetic: names 测试人员0001.., mobiles 1380000xxxx, 身份证号 with Zhuji's
 * region code 330681 that pass GB 11643 (a valid check digit), none of them a real person's.
 */
public final class PlatformExportWriter {

    public static final List<String> QUARTERS = quarters();
    static final String CRLF = "\r\n";

    private final List<String[]> towns;   // division_code_12, division_code_9, name
    private final Random random = new Random(20230401L);

    private PlatformExportWriter(List<String[]> towns) {
        this.towns = towns;
    }

    /** Writes all the platform sample exports into inbox; towns.csv from the reference folder gives the towns. */
    public static List<Path> write(Path inbox, Path townsCsv) throws IOException {
        List<String[]> towns = new ArrayList<>();
        for (String line : Files.readAllLines(townsCsv, StandardCharsets.UTF_8).subList(1, 24)) {
            String[] f = line.split(",");
            towns.add(new String[]{f[0], f[1], f[2]});
        }
        Files.createDirectories(inbox);
        PlatformExportWriter w = new PlatformExportWriter(towns);
        List<Path> written = new ArrayList<>();
        written.add(w.indicatorsUtf8(inbox.resolve("平台_指标数据_2024Q2.csv")));
        written.add(w.indicatorsGbk(inbox.resolve("平台_指标数据_2025_gbk.tsv")));
        written.add(w.childcare(inbox.resolve("平台_托育机构名录_2023Q1-2026Q3.csv")));
        written.add(w.careWorkers(inbox.resolve("平台_养老护理员持证名单_2023Q1-2026Q3.csv")));
        written.add(w.dibao(inbox.resolve("平台_最低生活保障对象_2023Q1-2026Q3.tsv")));
        return written;
    }

    /** A synthetic 身份证号 valid by GB 11643: region, birth date, sequence and the check digit. */
    public static String idNumber(String region, int year, int month, int day, int sequence) {
        StringBuilder body = new StringBuilder(18).append(region);
        digits(body, year, 4);
        digits(body, month, 2);
        digits(body, day, 2);
        digits(body, sequence % 1000, 3);
        String body17 = body.toString();
        return body17 + Gb11643.checkCharacter(body17);
    }

    /**
     * Appends n (0 or more) zero-padded to at least {@code width} digits: what {@code String.format("%0<width>d", n)}
     * writes, at a fraction of its cost (PlatformRestartIT generates 2,000,000 lines with these).
     */
    public static StringBuilder digits(StringBuilder to, long n, int width) {
        String text = Long.toString(n);
        for (int i = text.length(); i < width; i++) {
            to.append('0');
        }
        return to.append(text);
    }

    /** The same number with a wrong check digit. */
    public static String badCheckDigit(String id) {
        char right = id.charAt(17);
        return id.substring(0, 17) + (right == '1' ? '2' : '1');
    }

    /** 2024Q2 in one of the four ways the platform writes it, chosen by n. */
    static String periodText(String quarter, int n) {
        String year = quarter.substring(0, 4);
        int q = quarter.charAt(5) - '0';
        return switch (n % 4) {
            case 0 -> quarter;
            case 1 -> year + "年第" + "一二三四".charAt(q - 1) + "季度";
            case 2 -> year + "-" + String.format("%02d", q * 3);
            default -> year + String.format("%02d", q * 3);
        };
    }

    private Path indicatorsUtf8(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("指标编码,指标名称,行政区划代码,行政区划名称,统计期,指标值,计量单位,数据来源部门,更新时间");
        int n = 0;
        for (String[] t : towns) {
            double rate = 94 + random.nextInt(50) / 10.0;
            rows.add(String.join(",", "H03", "\"0-3岁儿童发育监测\n筛查率(%)\"", n % 2 == 0 ? t[0] : t[1], t[2],
                    periodText("2024Q2", n), String.valueOf(rate), "%", "卫健局", "2024-07-15 09:30:00"));
            n++;
        }
        for (String[] t : towns) {
            rows.add(String.join(",", "H18", "住宅小区专业物业服务覆盖率(%)", t[0], t[2], "2024Q2",
                    String.valueOf(80 + random.nextInt(150) / 10.0), "%", "住建局", "2024-07-16 10:00:00"));
        }
        rows.add("H08,\"欠薪线索\"\"动态\"\"化解率(%)\",330681,诸暨市,2024年第二季度,94.8,%,人社局,2024-07-10 08:00:00");
        rows.add("H14,\"基本养老保险参保人数(万人,含离退休)\",330681000000,诸暨市,202406,84.05,万人,人社局,2024-07-10 08:00:00");
        rows.add("H13,每万人老年人口拥有持证养老护理员数(人),330681,诸暨市,2024Q2,24.1,人,民政局,2024-07-12 08:00:00");
        // bad lines
        rows.add("H99,不存在的指标,330681,诸暨市,2024Q2,1.0,%,卫健局,2024-07-15 09:30:00");
        rows.add("H18,住宅小区专业物业服务覆盖率(%),330681999000,不存在的镇,2024Q2,88.0,%,住建局,2024-07-16 10:00:00");
        rows.add("H18,住宅小区专业物业服务覆盖率(%),330681001000,暨阳街道,2024Q2,N/A,%,住建局,2024-07-16 10:00:00");
        rows.add("H18,住宅小区专业物业服务覆盖率(%),330681002000,浣东街道,2024Q2");
        rows.add("H08,欠薪线索动态化解率(%),330681001,暨阳街道,2024Q2,112.5,%,人社局,2024-07-10 08:00:00");
        rows.add("H08,欠薪线索动态化解率(%),330681002,浣东街道,2024-05,95.0,%,人社局,2024-07-10 08:00:00");
        return write(file, rows, StandardCharsets.UTF_8, false, CRLF);
    }

    private Path indicatorsGbk(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add(String.join("\t", "指标编码", "指标名称", "行政区划代码", "行政区划名称", "统计期", "指标值", "计量单位", "数据来源部门", "更新时间"));
        for (String q : List.of("2025Q1", "2025Q2", "2025Q3")) {
            rows.add(String.join("\t", "H14", "基本养老保险参保人数(万人)", "330681", "诸暨市", periodText(q, 1),
                    String.valueOf(84.5 + random.nextInt(10) / 10.0), "万人", "诸暨市人力资源和社会保障局", "2025-10-08 08:00:00"));
        }
        for (String[] t : towns) {
            rows.add(String.join("\t", "H18", "住宅小区专业物业服务覆盖率(%)", t[1], t[2], "2025年第二季度",
                    String.valueOf(85 + random.nextInt(120) / 10.0), "%", "建设局", "2025-07-16 10:00:00"));
        }
        rows.add(String.join("\t", "H14", "基本养老保险参保人数(万人)", "330681", "诸暨市", "2025Q4", "85.2", "人", "人社局", "2025-10-08 08:00:00"));
        rows.add(String.join("\t", "H18", "住宅小区专业物业服务覆盖率(%)", "330681001", "暨阳街道", "2025年第五季度", "90.1", "%", "建设局", "2025-07-16 10:00:00"));
        return write(file, rows, Charset.forName("GBK"), false, "\n");
    }

    /**
     * 托育机构名录: per town three institutions (two 普惠, one not) whose 托位数 add up, quarter by
     * quarter, to what 市卫健局 reports for the town (BureauInboxWriter), so that the derived 每千人口托位数
     * and 普惠托位占比 agree with the spreadsheets, except where the export deliberately lacks an institution
     * (R-CROSS-SOURCE: the bureau is asked to explain the difference).
     */
    private Path childcare(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("机构代码,机构名称,所在镇街代码,托位数,是否普惠,统计期");
        for (int q = 0; q < QUARTERS.size(); q++) {
            int year = Integer.parseInt(QUARTERS.get(q).substring(0, 4));
            int quarter = QUARTERS.get(q).charAt(5) - '0';
            for (int t = 0; t < towns.size(); t++) {
                String[] town = towns.get(t);
                BureauInboxWriter.Town bt = bureauTown(town[2]);
                long places = BureauInboxWriter.childcarePlaces(bt, year, quarter);
                long inclusive = BureauInboxWriter.inclusivePlaces(bt, year, quarter);
                long first = Math.round(inclusive * 0.55);
                long[] split = {first, inclusive - first, places - inclusive};
                for (int k = 0; k < 3; k++) {
                    if (split[k] <= 0 || (t == 5 && QUARTERS.get(q).equals("2025Q2") && k == 2)) {
                        continue; // none, or left out of this export (a difference the bureau must explain)
                    }
                    rows.add(String.join(",", String.format("91330681MA%06d%02d", t + 1, k + 1),
                            town[2] + "第" + (k + 1) + "托育园", q % 2 == 0 ? town[0] : town[1], String.valueOf(split[k]),
                            k < 2 ? "是" : "否", periodText(QUARTERS.get(q), q)));
                }
            }
        }
        rows.add("91330681MA99999991,未知镇托育园,330681999000,60,是,2024Q2");
        rows.add("91330681MA99999992,暨阳街道测试托育园,330681001000,约80,是,2024Q2");
        rows.add("91330681MA99999993,暨阳街道测试托育园二,330681001000,60,是");
        rows.add("91330681MA99999994,暨阳街道测试托育园三,330681001000,60,待定,2024Q2");
        return write(file, rows, StandardCharsets.UTF_8, true, "\n");
    }

    /**
     * 养老护理员持证名单: per town as many certified persons, quarter by quarter, as 民政局 reports for
     * it (BureauInboxWriter), so that the derived 每万老年人口持证养老护理员数 agrees with the
     * spreadsheets; some hold a second certificate (listed twice, counted once); one town's list of
     * 2024Q3 misses a fifth of its persons (R-CROSS-SOURCE).
     */
    private Path careWorkers(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("姓名,身份证号,手机号,证书编号,证书等级,所在镇街代码,统计期");
        String[] levels = {"初级", "中级", "高级", "技师"};
        int person = 0;
        List<List<String[]>> pools = new ArrayList<>();   // per town: name, id, phone, certificate, level
        for (int t = 0; t < towns.size(); t++) {
            BureauInboxWriter.Town bt = bureauTown(towns.get(t)[2]);
            long most = 0;
            for (String quarter : QUARTERS) {
                most = Math.max(most, BureauInboxWriter.certifiedCarers(bt, Integer.parseInt(quarter.substring(0, 4)),
                        quarter.charAt(5) - '0'));
            }
            List<String[]> pool = new ArrayList<>();
            for (int p = 0; p < most; p++) {
                person++;
                String id = idNumber("330681", 1965 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28), person);
                pool.add(new String[]{String.format("测试人员%04d", person), id, String.format("1380%07d", person),
                        String.format("ZJ%06d", person), levels[random.nextInt(levels.length)]});
            }
            pools.add(pool);
        }
        for (int q = 0; q < QUARTERS.size(); q++) {
            int year = Integer.parseInt(QUARTERS.get(q).substring(0, 4));
            int quarter = QUARTERS.get(q).charAt(5) - '0';
            for (int t = 0; t < towns.size(); t++) {
                long listed = BureauInboxWriter.certifiedCarers(bureauTown(towns.get(t)[2]), year, quarter);
                if (t == 9 && QUARTERS.get(q).equals("2024Q3")) {
                    listed = listed * 4 / 5;
                }
                for (int p = 0; p < listed; p++) {
                    String[] w = pools.get(t).get(p);
                    rows.add(String.join(",", w[0], w[1], w[2], w[3], w[4], towns.get(t)[0], QUARTERS.get(q)));
                    if (p % 17 == 0) {   // a second certificate: the same person twice, counted once
                        rows.add(String.join(",", w[0], w[1], w[2], w[3] + "B", "技师", towns.get(t)[0], QUARTERS.get(q)));
                    }
                }
            }
        }
        String good = idNumber("330681", 1980, 5, 17, 991);
        rows.add(String.join(",", "测试人员9991", badCheckDigit(good), "13800009991", "ZJ999991", "初级", towns.get(0)[0], "2024Q2"));
        rows.add(String.join(",", "测试人员9992", idNumber("330681", 1980, 2, 30, 992).substring(0, 17) + "0", "13800009992", "ZJ999992", "初级", towns.get(0)[0], "2024Q2"));
        rows.add(String.join(",", "测试人员9993", idNumber("330681", 1981, 3, 3, 993), "13800009993", "ZJ999993", "初级", "330681999000", "2024Q2"));
        rows.add(String.join(",", "测试人员9994", idNumber("330681", 1982, 4, 4, 994), "13800009994", "初级", towns.get(1)[0], "2024Q2"));
        return write(file, rows, Charset.forName("GBK"), false, "\n");
    }

    private static BureauInboxWriter.Town bureauTown(String name) {
        return BureauInboxWriter.TOWNS.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("town " + name + " of towns.csv is not in BureauInboxWriter.TOWNS"));
    }

    private Path dibao(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add(String.join("\t", "户编号", "姓名", "身份证号", "手机号", "所在镇街代码", "月保障金额", "统计期"));
        int households = 450;
        List<String[]> pool = new ArrayList<>();   // household, name, id, phone, town, first quarter, last quarter, base amount
        int person = 2000;
        for (int h = 1; h <= households; h++) {
            int size = 1 + random.nextInt(3);
            int town = random.nextInt(towns.size());
            // seven in ten households on 低保 since before 2023, leaving over the years; new ones come in as others leave
            boolean before = random.nextInt(100) < 70;
            int first = before ? -1 : random.nextInt(QUARTERS.size());
            int last = before ? 3 + random.nextInt(3 * QUARTERS.size()) : first + 6 + random.nextInt(2 * QUARTERS.size());
            for (int m = 0; m < size; m++) {
                person++;
                String id = idNumber("330681", 1940 + random.nextInt(75), 1 + random.nextInt(12), 1 + random.nextInt(28), person);
                pool.add(new String[]{String.format("DB%06d", h), String.format("测试人员%04d", person), id,
                        String.format("1380000%04d", person), String.valueOf(town), String.valueOf(first), String.valueOf(last),
                        String.valueOf(900 + random.nextInt(300))});
            }
        }
        for (int q = 0; q < QUARTERS.size(); q++) {
            for (String[] p : pool) {
                if (Integer.parseInt(p[5]) > q || Integer.parseInt(p[6]) < q) {
                    continue;
                }
                int amount = Integer.parseInt(p[7]) + 25 * (q / 4);
                rows.add(String.join("\t", p[0], p[1], p[2], p[3], towns.get(Integer.parseInt(p[4]))[1],
                        amount + ".00", periodText(QUARTERS.get(q), q + 1)));
            }
        }
        String good = idNumber("330681", 1950, 6, 6, 981);
        rows.add(String.join("\t", "DB999981", "测试人员9981", badCheckDigit(good), "13800009981", towns.get(2)[1], "1000.00", "2024Q2"));
        rows.add(String.join("\t", "DB999982", "测试人员9982", idNumber("330681", 1951, 7, 7, 982), "13800009982", towns.get(2)[1], "一千", "2024Q2"));
        rows.add(String.join("\t", "DB999983", "测试人员9983", idNumber("330681", 1952, 8, 8, 983), "13800009983", "330681999", "1000.00", "2024Q2"));
        rows.add(String.join("\t", "DB999984", "测试人员9984", idNumber("330681", 1953, 9, 9, 984), towns.get(2)[1], "1000.00", "2024Q2"));
        return write(file, rows, StandardCharsets.UTF_8, false, "\n");
    }

    private static Path write(Path file, List<String> rows, Charset charset, boolean bom, String newline) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, charset));
            for (String row : rows) {
                w.write(row);
                w.write(newline);
            }
            w.flush();
        }
        return file;
    }

    private static List<String> quarters() {
        List<String> q = new ArrayList<>();
        for (int y = 2023; y <= 2026; y++) {
            for (int i = 1; i <= 4; i++) {
                if (y < 2026 || i <= 3) {
                    q.add(y + "Q" + i);
                }
            }
        }
        return List.copyOf(q);
    }
}
