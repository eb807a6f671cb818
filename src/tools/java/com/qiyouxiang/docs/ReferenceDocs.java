package com.qiyouxiang.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.qiyouxiang.validation.RuleCatalogue;

/**
 * Writes the generated references under docs/reference/: the rule catalogue, the template options, the
 * configuration keys and the data dictionary. Run by {@code jobs/run reference-docs} from the project root;
 * ReferenceDocsTest regenerates each into memory and fails when a committed file differs.
 */
public final class ReferenceDocs {

    /** The command that rewrites the files, named in the test's failure message. */
    public static final String COMMAND = "jobs/run reference-docs";

    private ReferenceDocs() {
    }

    /** Every generated file and its content, from the configuration and code as they are now. */
    public static Map<Path, String> generate() throws Exception {
        Map<Path, String> docs = new LinkedHashMap<>();
        docs.put(RulesCatalogueDoc.DEFAULT_OUTPUT, RulesCatalogueDoc.render(RuleCatalogue.load(Path.of("jobs/rules"))));
        docs.put(TemplateOptionsDoc.OUTPUT, TemplateOptionsDoc.render(TemplateOptionsDoc.DEFAULTS));
        docs.put(ConfigurationDoc.OUTPUT, ConfigurationDoc.render(ConfigurationDoc.APPLICATION_YML));
        docs.put(DataDictionaryDoc.OUTPUT, DataDictionaryDoc.render());
        return docs;
    }

    public static void main(String[] args) throws Exception {
        for (var e : generate().entrySet()) {
            Files.createDirectories(e.getKey().getParent());
            Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + e.getKey());
        }
    }
}
