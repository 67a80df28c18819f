package org.gridgov.assessment.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.assessment.SubjectType;
import org.gridgov.event.EventFact;
import org.gridgov.identity.StaffDirectory;
import org.gridgov.region.RegionApi;
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

    /** A subject and its items. */
    record Assessed(Scoring.Subject subject, List<Item> items) {}

    List<Assessed> of(SubjectType type, String county, Period period, List<EventFact> facts) {
        return switch (type) {
            case WORKER -> workers(county, facts);
            case DEPARTMENT -> departments(county, period, facts);
            default -> regionsOf(type, county, facts);
        };
    }

    private List<Assessed> regionsOf(SubjectType type, String county, List<EventFact> facts) {
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
                items.getOrDefault(code, List.of()))));
        return subjects;
    }

    private List<Assessed> workers(String county, List<EventFact> facts) {
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
                        byReporter.getOrDefault(w.id(), List.of())))
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
