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

    /** The base-data figures of the grids under any of the given codes. */
    private static Map<Indicator, long[]> baseData(List<GridRecordQuality> quality, List<String> codes) {
        long required = 0;
        long filled = 0;
        long residents = 0;
        long verified = 0;
        long members = 0;
        long onTime = 0;
        for (var q : quality) {
            if (codes.stream().anyMatch(q.gridCode()::startsWith)) {
                required += q.requiredFields();
                filled += q.requiredFields() - q.missingFields();
                residents += q.residents();
                verified += q.verified();
                members += q.groupMembers();
                onTime += q.followUpsOnTime();
            }
        }
        var map = new EnumMap<Indicator, long[]>(Indicator.class);
        map.put(Indicator.REGISTRY_COMPLETE, new long[] {filled, required});
        map.put(Indicator.REGISTRY_VERIFIED, new long[] {verified, residents});
        map.put(Indicator.FOLLOW_UPS_ON_TIME, new long[] {onTime, members});
        return map;
    }

    private List<Assessed> regionsOf(
            SubjectType type, String county, List<EventFact> facts, List<GridRecordQuality> quality) {
        var gridsPer = new TreeMap<String, Integer>();
        for (int page = 0; ; page++) {
            var grids = regions.gridsUnder(county, page, 5000);
            for (var grid : grids) {
                gridsPer.merge(
                        grid.code()
                                .substring(
                                        0,
                                        Math.min(type.codeLength(), grid.code().length())),
                        1,
                        Integer::sum);
            }
            if (grids.size() < 5000) {
                break;
            }
        }
        var names = regions.names(gridsPer.keySet());
        var items = new HashMap<String, List<Item>>();
        for (var fact : facts) {
            if (fact.gridCode().length() >= type.codeLength()) {
                items.computeIfAbsent(fact.gridCode().substring(0, type.codeLength()), k -> new ArrayList<>())
                        .add(new Item(fact, null));
            }
        }
        var subjects = new ArrayList<Assessed>();
        gridsPer.forEach((code, grids) -> subjects.add(new Assessed(
                new Scoring.Subject(type.name() + ":" + code, type, code, names.getOrDefault(code, code), code, grids),
                items.getOrDefault(code, List.of()),
                baseData(quality, List.of(code)))));
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
                        baseData(quality, w.gridCodes())))
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
