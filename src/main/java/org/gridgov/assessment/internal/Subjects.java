package org.gridgov.assessment.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.assessment.Indicator;
import org.gridgov.assessment.SubjectType;
import org.gridgov.event.EventFact;
import org.gridgov.identity.StaffDirectory;
import org.gridgov.region.RegionApi;
import org.gridgov.registry.GridRecordQuality;
import org.springframework.stereotype.Component;

/**
 * The subjects of one type in one county, each with the items it is assessed on: regions by the grids under them (a
 * region without current grids has nothing to assess), grid workers by the events they reported, departments by the
 * dispatches they received in the period.
 */
@Component
class Subjects {

    private final RegionApi regions;
    private final StaffDirectory staff;

    Subjects(RegionApi regions, StaffDirectory staff) {
        this.regions = regions;
        this.staff = staff;
    }

    /** A subject, its items, and its figures of base data (numerator and denominator by indicator). */
    record Assessed(Scoring.Subject subject, List<Item> items, Map<Indicator, long[]> direct) {

        Assessed(Scoring.Subject subject, List<Item> items) {
            this(subject, items, Map.of());
        }
    }

    /** The subjects with their items and their figures of base data from {@code quality} (the county's grids). */
    List<Assessed> of(
            SubjectType type, String county, Period period, List<EventFact> facts, List<GridRecordQuality> quality) {
        if (type == SubjectType.DEPARTMENT) {
            return departments(county, period, facts);
        }
        return type == SubjectType.WORKER ? workers(county, facts, quality) : regionsOf(type, county, facts, quality);
    }

    /**
     * The base-data figures of the grids under any of the given codes, from sums of the county's grids kept per code
     * prefix (filled once per prefix length), so that many subjects cost no more than one pass over the grids.
     */
    private static final class BaseData {

        private final List<GridRecordQuality> quality;
        private final Map<Integer, Map<String, long[]>> sums = new HashMap<>();

        BaseData(List<GridRecordQuality> quality) {
            this.quality = quality;
        }

        Map<Indicator, long[]> of(List<String> codes) {
            var total = new long[6];
            for (String code : codes) {
                var sum = sums.computeIfAbsent(code.length(), this::byPrefix).get(code);
                if (sum != null) {
                    for (int i = 0; i < total.length; i++) {
                        total[i] += sum[i];
                    }
                }
            }
            var map = new EnumMap<Indicator, long[]>(Indicator.class);
            map.put(Indicator.REGISTRY_COMPLETE, new long[] {total[1], total[0]});
            map.put(Indicator.REGISTRY_VERIFIED, new long[] {total[3], total[2]});
            map.put(Indicator.FOLLOW_UPS_ON_TIME, new long[] {total[5], total[4]});
            return map;
        }

        private Map<String, long[]> byPrefix(int length) {
            var map = new HashMap<String, long[]>();
            for (var q : quality) {
                if (q.gridCode().length() >= length) {
                    var sum = map.computeIfAbsent(q.gridCode().substring(0, length), k -> new long[6]);
                    sum[0] += q.requiredFields();
                    sum[1] += q.requiredFields() - q.missingFields();
                    sum[2] += q.residents();
                    sum[3] += q.verified();
                    sum[4] += q.groupMembers();
                    sum[5] += q.followUpsOnTime();
                }
            }
            return map;
        }
    }

    private List<Assessed> regionsOf(
            SubjectType type, String county, List<EventFact> facts, List<GridRecordQuality> quality) {
        var gridsPer = new TreeMap<String, Integer>();
        for (String grid : regions.gridCodesUnder(county)) {
            gridsPer.merge(grid.substring(0, Math.min(type.codeLength(), grid.length())), 1, Integer::sum);
        }
        var names = regions.names(gridsPer.keySet());
        var items = new HashMap<String, List<Item>>();
        for (var fact : facts) {
            if (fact.gridCode().length() >= type.codeLength()) {
                items.computeIfAbsent(fact.gridCode().substring(0, type.codeLength()), k -> new ArrayList<>())
                        .add(new Item(fact, null));
            }
        }
        var baseData = new BaseData(quality);
        var subjects = new ArrayList<Assessed>();
        gridsPer.forEach((code, grids) -> subjects.add(new Assessed(
                new Scoring.Subject(type.name() + ":" + code, type, code, names.getOrDefault(code, code), code, grids),
                items.getOrDefault(code, List.of()),
                baseData.of(List.of(code)))));
        return subjects;
    }

    private List<Assessed> workers(String county, List<EventFact> facts, List<GridRecordQuality> quality) {
        var byReporter = new HashMap<Long, List<Item>>();
        for (var fact : facts) {
            if (fact.reporterUserId() != null) {
                byReporter
                        .computeIfAbsent(fact.reporterUserId(), k -> new ArrayList<>())
                        .add(new Item(fact, null));
            }
        }
        var baseData = new BaseData(quality);
        return staff.gridWorkersUnder(county).stream()
                .map(w -> new Assessed(
                        new Scoring.Subject(
                                "WORKER:" + w.id(),
                                SubjectType.WORKER,
                                String.valueOf(w.id()),
                                w.realName(),
                                w.gridCodes().isEmpty()
                                        ? w.scopeCode()
                                        : w.gridCodes().getFirst(),
                                1),
                        byReporter.getOrDefault(w.id(), List.of()),
                        baseData.of(w.gridCodes())))
                .toList();
    }

    private List<Assessed> departments(String county, Period period, List<EventFact> facts) {
        Map<String, List<Item>> byDepartment = new LinkedHashMap<>();
        for (var fact : facts) {
            for (var handling : fact.handlings()) {
                if (handling.dispatchedAt() != null
                        && !handling.dispatchedAt().isBefore(period.from())
                        && handling.dispatchedAt().isBefore(period.to())) {
                    byDepartment
                            .computeIfAbsent(handling.organization(), k -> new ArrayList<>())
                            .add(new Item(fact, handling));
                }
            }
        }
        return staff.departmentsUnder(county).stream()
                .map(d -> new Assessed(
                        new Scoring.Subject(
                                "DEPARTMENT:" + d.code(),
                                SubjectType.DEPARTMENT,
                                d.code(),
                                d.name(),
                                d.regionCode(),
                                1),
                        byDepartment.getOrDefault(d.code(), List.of())))
                .toList();
    }
}
