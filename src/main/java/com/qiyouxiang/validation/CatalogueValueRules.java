package com.qiyouxiang.validation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.qiyouxiang.warehouse.WarehouseProperties;

/**
 * The checks every figure passes, as configured in the rule catalogue (jobs/rules): each rule runs
 * through the class of its kind, on spreadsheet and platform figures alike. The per-bureau
 * "missing figures" rule is not per candidate: see {@link MissingFigures}.
 *
 * <p>Findings come back in the order of the candidates, then of the catalogue, so the same file
 * against the same warehouse gives the same findings.
 */
@Component
public class CatalogueValueRules implements ValueRules {

    private static final Map<String, RuleKind> KINDS = Stream.of(new RangeCheck(), new NumeratorDenominatorCheck(),
                    new TotalCheck(), new CumulativeCheck(), new ChangeCheck(), new ReReportCheck(), new CrossSourceCheck())
            .collect(Collectors.toMap(RuleKind::name, Function.identity()));

    private final ValidationProperties properties;
    private final WarehouseProperties warehouse;
    private RuleCatalogue catalogue;

    public CatalogueValueRules(ValidationProperties properties, WarehouseProperties warehouse) {
        this.properties = properties;
        this.warehouse = warehouse;
    }

    /** The catalogue, read from qyx.validation.rules-dir on first use. */
    public synchronized RuleCatalogue catalogue() {
        if (catalogue == null) {
            catalogue = RuleCatalogue.load(properties.rulesDir());
        }
        return catalogue;
    }

    @Override
    public List<Finding> check(Connection c, List<Candidate> candidates) throws SQLException {
        return check(c, candidates, KINDS.keySet());
    }

    @Override
    public List<Finding> check(Connection c, List<Candidate> candidates, java.util.Set<String> kinds) throws SQLException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        RuleCatalogue rules = catalogue();
        CheckBatch batch = CheckBatch.load(c, candidates, rules, warehouse.referenceDir());
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            RuleKind kind = KINDS.get(rule.kind());
            if (kind != null && kinds.contains(rule.kind())) {
                findings.addAll(kind.check(rule, batch));
            }
        }
        Map<Candidate, Integer> order = new IdentityHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.putIfAbsent(candidates.get(i), i);
        }
        findings.sort(Comparator.comparingInt(f -> order.get(f.candidate())));
        return findings;
    }
}
