package com.qiyouxiang;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.regex.Pattern;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages' layers, as their package-info.java files state them. The data moves inbox -> intake ->
 * validation -> warehouse <- evaluation <- publish, and operations on top wires the jobs:
 * <pre>
 * operations                      launcher, commands, nightlyJob/quarterlyJob
 *   publish                       publishJob
 *     evaluation                  evaluationJob          intake.spreadsheet, intake.platform (ingestJob, platformJob)
 *                                                          intake.pull (platformPull ...: files into the inbox)
 *       validation                the rules every figure passes, reviewJob
 *         catalog                 referenceJob
 *           batch                 run summary, progress, the warehouse tasklet
 *             warehouse           the DuckDB file, migrations, bookkeeping, facts
 * </pre>
 * A package may use the ones below it, never one above it or beside it (evaluation and the two ingests do
 * not use each other, nor the two ingests one another). The developer tools (src/tools/java: samples,
 * benchmark, docs) may use any package; no production package uses them. And no two packages depend on
 * each other in a cycle.
 * The production classes and the tools are checked, not the tests.
 */
@AnalyzeClasses(packages = "com.qiyouxiang", importOptions = ArchitectureTest.ProductionAndTools.class)
class ArchitectureTest {

    private static final String WAREHOUSE = "warehouse";
    private static final String BATCH = "batch";
    private static final String CATALOG = "catalog";
    private static final String VALIDATION = "validation";
    private static final String SPREADSHEET = "intake.spreadsheet";
    private static final String PLATFORM = "intake.platform";
    private static final String PULL = "intake.pull";
    private static final String EVALUATION = "evaluation";
    private static final String PUBLISH = "publish";
    private static final String OPERATIONS = "operations";
    private static final String APPLICATION = "application";
    private static final String TOOLS = "tools";

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            // a new package must be given its layer here (com.qiyouxiang.intake holds only its package-info)
            .ensureAllClassesAreContainedInArchitectureIgnoring("com.qiyouxiang.intake")
            .layer(APPLICATION).definedBy("com.qiyouxiang")
            .layer(OPERATIONS).definedBy("com.qiyouxiang.operations..")
            .layer(PUBLISH).definedBy("com.qiyouxiang.publish..")
            .layer(EVALUATION).definedBy("com.qiyouxiang.evaluation..")
            .layer(SPREADSHEET).definedBy("com.qiyouxiang.intake.spreadsheet..")
            .layer(PLATFORM).definedBy("com.qiyouxiang.intake.platform..")
            .layer(PULL).definedBy("com.qiyouxiang.intake.pull..")
            .layer(VALIDATION).definedBy("com.qiyouxiang.validation..")
            .layer(CATALOG).definedBy("com.qiyouxiang.catalog..")
            .layer(BATCH).definedBy("com.qiyouxiang.batch..")
            .layer(WAREHOUSE).definedBy("com.qiyouxiang.warehouse..")
            .layer(TOOLS).definedBy("com.qiyouxiang.samples..", "com.qiyouxiang.benchmark..", "com.qiyouxiang.docs..")

            .whereLayer(APPLICATION).mayOnlyBeAccessedByLayers(TOOLS)
            .whereLayer(OPERATIONS).mayOnlyBeAccessedByLayers(TOOLS)
            .whereLayer(PUBLISH).mayOnlyBeAccessedByLayers(OPERATIONS, TOOLS)
            .whereLayer(EVALUATION).mayOnlyBeAccessedByLayers(PUBLISH, OPERATIONS, TOOLS)
            .whereLayer(SPREADSHEET).mayOnlyBeAccessedByLayers(OPERATIONS, TOOLS)
            .whereLayer(PLATFORM).mayOnlyBeAccessedByLayers(OPERATIONS, TOOLS)
            .whereLayer(PULL).mayOnlyBeAccessedByLayers(OPERATIONS, TOOLS)
            .whereLayer(VALIDATION).mayOnlyBeAccessedByLayers(SPREADSHEET, PLATFORM, EVALUATION, PUBLISH, OPERATIONS, TOOLS)
            .whereLayer(CATALOG).mayOnlyBeAccessedByLayers(VALIDATION, SPREADSHEET, PLATFORM, EVALUATION, PUBLISH,
                    OPERATIONS, TOOLS)
            .whereLayer(BATCH).mayOnlyBeAccessedByLayers(CATALOG, VALIDATION, SPREADSHEET, PLATFORM, PULL, EVALUATION, PUBLISH,
                    OPERATIONS, TOOLS)
            .whereLayer(WAREHOUSE).mayOnlyBeAccessedByLayers(BATCH, CATALOG, VALIDATION, SPREADSHEET, PLATFORM, PULL, EVALUATION,
                    PUBLISH, OPERATIONS, TOOLS)
            .whereLayer(TOOLS).mayNotBeAccessedByAnyLayer()
            .because("the data moves inbox -> intake -> validation -> warehouse <- evaluation <- publish, with operations "
                    + "on top wiring the jobs: a package uses only the packages below it (see its package-info.java)");

    @ArchTest
    static final ArchRule noCycles = slices().matching("com.qiyouxiang.(**)").should().beFreeOfCycles();

    /**
     * The production classes (target/classes) and the developer tools, which the build compiles with the tests
     * (src/tools/java is a test source root) into target/test-classes; not the tests themselves.
     */
    static final class ProductionAndTools implements ImportOption {

        private static final ImportOption NOT_TESTS = new ImportOption.DoNotIncludeTests();
        private static final Pattern TOOLS = Pattern.compile(".*/com/qiyouxiang/(samples|benchmark|docs)/.*");

        @Override
        public boolean includes(Location location) {
            return NOT_TESTS.includes(location) || location.matches(TOOLS);
        }
    }
}
