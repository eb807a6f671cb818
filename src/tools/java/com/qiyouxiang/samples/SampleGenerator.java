package com.qiyouxiang.samples;

import java.nio.file.Path;

/**
 * Regenerates the committed sample files (deterministic: the same files every run).
 * Run with {@code jobs/run generate-samples} (or {@code java -cp "$(jobs/lib/tools-classpath)"
 * com.qiyouxiang.samples.SampleGenerator [root]}).
 */
public final class SampleGenerator {

    private SampleGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "samples");
        Path catalog = samples.resolve("reference").resolve("七优享指标目录.xlsx");
        CatalogWorkbookWriter.write(catalog, CatalogWorkbookWriter.Variant.TYPED_XLSX);
        System.out.println("wrote " + catalog);
        System.out.println("wrote " + ExplanationSampleWriter.write(samples));
        System.out.println("wrote " + BureauInboxWriter.write(samples.resolve("inbox")).size() + " spreadsheets to " + samples.resolve("inbox"));
        PlatformExportWriter.write(samples.resolve("inbox"), samples.resolve("reference").resolve("towns.csv"))
                .forEach(f -> System.out.println("wrote " + f));
    }
}
