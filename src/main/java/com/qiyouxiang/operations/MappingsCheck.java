package com.qiyouxiang.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.qiyouxiang.catalog.CatalogIndex;
import com.qiyouxiang.intake.platform.PlatformMapping;
import com.qiyouxiang.intake.pull.PullDataset;
import com.qiyouxiang.intake.spreadsheet.MappingCheck;
import com.qiyouxiang.intake.spreadsheet.SourceMappings;

/**
 * jobs/run check-mappings: every YAML under the spreadsheet and platform mapping folders validated without a
 * warehouse (unknown keys and wrong types with file and line, indicator codes and units against the catalog read
 * from the reference files, file names of the inbox and the samples matched by more than one mapping). Errors
 * give exit code 2; warnings only are printed.
 */
final class MappingsCheck {

    record Result(String report, boolean ok) {
    }

    private MappingsCheck() {
    }

    static Result run(Path spreadsheetDir, Path platformDir, Path referenceDir, String catalogWorkbook, List<Path> inboxes)
            throws IOException {
        List<MappingCheck.Problem> problems = new ArrayList<>(MappingCheck.folder(spreadsheetDir));
        if (Files.isDirectory(platformDir)) {
            problems.addAll(MappingCheck.folder(platformDir));
        }
        int files = count(spreadsheetDir) + (Files.isDirectory(platformDir) ? count(platformDir) : 0);
        StringBuilder out = new StringBuilder();
        if (problems.stream().noneMatch(MappingCheck.Problem::error)) {
            SourceMappings mappings = SourceMappings.load(spreadsheetDir);
            CatalogIndex catalog = CatalogIndex.read(referenceDir, catalogWorkbook);
            problems.addAll(MappingCheck.catalog(mappings, code -> {
                CatalogIndex.Indicator i = catalog.indicator(code);
                return i == null ? null : new MappingCheck.CatalogIndicator(i.code(), i.name(), i.unit(), i.annual());
            }));
            try {
                PlatformMapping.loadAll(platformDir);
            } catch (RuntimeException e) {
                problems.add(new MappingCheck.Problem(platformDir, 1, true, e.getMessage()));
            }
            Path pulls = platformDir.resolve("pull"); // the platform interface's dataset files (platformPull)
            if (Files.isDirectory(pulls)) {
                try {
                    PullDataset.loadAll(pulls);
                } catch (RuntimeException e) {
                    problems.add(new MappingCheck.Problem(pulls, 1, true, e.getMessage()));
                }
            }
            List<String> names = new ArrayList<>();
            for (Path inbox : inboxes) {
                if (Files.isDirectory(inbox)) {
                    try (Stream<Path> s = Files.walk(inbox)) {
                        s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                                .filter(n -> n.matches("(?i).*\\.(xlsx|xlsm|xls)$")).sorted().forEach(names::add);
                    }
                }
            }
            problems.addAll(MappingCheck.overlaps(mappings, names));
            out.append(mappings.all().size()).append(" spreadsheet templates, ").append(catalog.size())
                    .append(" catalog indicators, ").append(names.size()).append(" file names tried for overlaps\n");
        }
        problems.forEach(p -> out.append(p).append('\n'));
        long errors = problems.stream().filter(MappingCheck.Problem::error).count();
        out.append(files).append(" mapping files: ").append(errors).append(" error(s), ").append(problems.size() - errors)
                .append(" warning(s)\n");
        return new Result(out.toString(), errors == 0);
    }

    private static int count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).count();
        }
    }
}
