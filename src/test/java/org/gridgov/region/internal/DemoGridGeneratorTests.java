package org.gridgov.region.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.gridgov.region.DedicatedKind;
import org.gridgov.region.GridType;
import org.gridgov.region.internal.DemoGridGenerator.Grid;
import org.gridgov.region.internal.DemoGridGenerator.Result;
import org.gridgov.region.internal.DemoGridGenerator.Township;
import org.gridgov.region.internal.DemoGridGenerator.Village;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

class DemoGridGeneratorTests {

    private static final long SEED = 20240601L;
    private static final String COUNTY = "421381";
    private static final List<Township> TOWNSHIPS = List.of(
            new Township("421381001", "应山街道"),
            new Township("421381002", "十里街道"),
            new Township("421381003", "广水街道"),
            new Township("421381004", "城郊街道"),
            new Township("421381100", "武胜关镇"),
            new Township("421381101", "杨寨镇"),
            new Township("421381102", "陈巷镇"),
            new Township("421381103", "长岭镇"),
            new Township("421381104", "马坪镇"),
            new Township("421381105", "关庙镇"),
            new Township("421381106", "余店镇"),
            new Township("421381107", "吴店镇"),
            new Township("421381108", "郝店镇"),
            new Township("421381109", "蔡河镇"),
            new Township("421381110", "李店镇"),
            new Township("421381111", "太平镇"),
            new Township("421381112", "骆店镇"),
            new Township("421381400", "中华山林场"),
            new Township("421381401", "三潭风景区"),
            new Township("421381402", "经济开发区"));

    private static Result result;

    @BeforeAll
    static void generateOnce() {
        result = generate();
    }

    private static Result generate() {
        return DemoGridGenerator.generate(SEED, COUNTY, TOWNSHIPS, 113.82, 31.62, 29, 2000);
    }

    @Test
    void sameSeedGivesSameGrids() {
        Result again = generate();

        assertThat(again.townshipBoundaries().keySet())
                .containsExactlyElementsOf(result.townshipBoundaries().keySet());
        assertThat(again.countyBoundary().equalsExact(result.countyBoundary())).isTrue();
        result.townshipBoundaries()
                .forEach((code, boundary) -> assertThat(
                                again.townshipBoundaries().get(code).equalsExact(boundary))
                        .as(code)
                        .isTrue());
        assertThat(again.villages()).hasSameSizeAs(result.villages());
        for (int i = 0; i < result.villages().size(); i++) {
            Village expected = result.villages().get(i);
            Village actual = again.villages().get(i);
            assertThat(actual.code()).isEqualTo(expected.code());
            assertThat(actual.name()).isEqualTo(expected.name());
            assertThat(actual.boundary().toText()).isEqualTo(expected.boundary().toText());
            assertThat(actual.boundary().equalsExact(expected.boundary()))
                    .as(expected.code())
                    .isTrue();
        }
        assertThat(again.grids()).hasSameSizeAs(result.grids());
        for (int i = 0; i < result.grids().size(); i++) {
            Grid expected = result.grids().get(i);
            Grid actual = again.grids().get(i);
            assertThat(actual.code()).isEqualTo(expected.code());
            assertThat(actual.name()).isEqualTo(expected.name());
            assertThat(actual.dedicatedKind()).isEqualTo(expected.dedicatedKind());
            assertThat(actual.boundary().toText()).isEqualTo(expected.boundary().toText());
            assertThat(actual.boundary().equalsExact(expected.boundary()))
                    .as(expected.code())
                    .isTrue();
        }
    }

    @Test
    void anotherSeedGivesOtherGeometry() {
        Result other = DemoGridGenerator.generate(SEED + 1, COUNTY, TOWNSHIPS, 113.82, 31.62, 29, 2000);

        assertThat(other.countyBoundary().equalsExact(result.countyBoundary())).isFalse();
    }

    @Test
    void villageAndGridCountsFollowTheTarget() {
        assertThat(result.villages()).hasSize(388);
        assertThat(result.grids()).hasSizeBetween(1900, 2100);
        var gridsPerVillage =
                result.grids().stream().collect(Collectors.groupingBy(Grid::villageCode, Collectors.counting()));
        assertThat(gridsPerVillage).hasSize(result.villages().size());
    }

    @Test
    void everyTownshipHasAtLeastThreeVillages() {
        var villagesPerTownship =
                result.villages().stream().collect(Collectors.groupingBy(Village::townshipCode, Collectors.counting()));

        assertThat(villagesPerTownship.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        TOWNSHIPS.stream().map(Township::code).toList());
        assertThat(villagesPerTownship.values())
                .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(3));
    }

    @Test
    void villageCodesExtendTheirTownshipAndNamesAreUniquePerTownship() {
        var codes = new HashSet<String>();
        var names = new HashSet<String>();
        for (Village village : result.villages()) {
            assertThat(village.code()).matches("\\d{12}").startsWith(village.townshipCode());
            assertThat(codes.add(village.code())).as(village.code()).isTrue();
            assertThat(names.add(village.townshipCode() + village.name()))
                    .as(village.name())
                    .isTrue();
            int sequence = Integer.parseInt(village.code().substring(9));
            assertThat(sequence).isBetween(1, 999);
            if (village.name().endsWith("村")) {
                assertThat(sequence).as(village.code()).isGreaterThanOrEqualTo(200);
            } else {
                assertThat(village.name()).endsWith("社区");
                assertThat(sequence).as(village.code()).isLessThan(200);
            }
        }
        assertThat(result.villages())
                .filteredOn(v -> v.townshipCode().equals("421381001"))
                .allSatisfy(v -> assertThat(v.name()).endsWith("社区"));
    }

    @Test
    void gridCodesAreUniqueAndExtendTheirVillageWithTheTypeDigit() {
        var codes = new HashSet<String>();
        for (Grid grid : result.grids()) {
            assertThat(grid.code()).matches("\\d{15}").startsWith(grid.villageCode());
            assertThat(grid.code().charAt(12)).isEqualTo(grid.type().codeDigit());
            assertThat(grid.code().substring(13)).isNotEqualTo("00");
            assertThat(codes.add(grid.code())).as(grid.code()).isTrue();
            assertThat(grid.dedicatedKind() != null).isEqualTo(grid.type() == GridType.DEDICATED);
            assertThat(grid.name()).endsWith(grid.type() == GridType.DEDICATED ? "专属网格" : "网格");
        }
    }

    @Test
    void dedicatedGridsOfTheExpectedKindsExist() {
        Map<DedicatedKind, Long> kinds = result.grids().stream()
                .filter(g -> g.type() == GridType.DEDICATED)
                .collect(Collectors.groupingBy(Grid::dedicatedKind, Collectors.counting()));

        assertThat(kinds).containsKeys(DedicatedKind.SCHOOL, DedicatedKind.INDUSTRIAL_PARK, DedicatedKind.SCENIC_AREA);
        assertThat(result.grids())
                .filteredOn(g -> g.dedicatedKind() == DedicatedKind.SCHOOL)
                .allSatisfy(g -> assertThat(g.name()).containsAnyOf("小学", "中学", "幼儿园", "学校"));
        assertThat(result.grids())
                .filteredOn(g -> g.villageCode().startsWith("421381402"))
                .filteredOn(g -> g.dedicatedKind() == DedicatedKind.INDUSTRIAL_PARK)
                .hasSizeGreaterThan((int) result.grids().stream()
                                .filter(g -> g.villageCode().startsWith("421381402"))
                                .count()
                        / 2);
    }

    @Test
    void everyGeometryIsAValidPolygonInCgcs2000() {
        var geometries = new ArrayList<Geometry>();
        geometries.add(result.countyBoundary());
        geometries.addAll(result.townshipBoundaries().values());
        result.villages().forEach(v -> geometries.add(v.boundary()));
        result.grids().forEach(g -> geometries.add(g.boundary()));

        assertThat(geometries).allSatisfy(geometry -> {
            assertThat(geometry).isInstanceOfAny(Polygon.class, MultiPolygon.class);
            assertThat(geometry.isEmpty()).isFalse();
            assertThat(geometry.isValid()).isTrue();
            assertThat(geometry.getSRID()).isEqualTo(4490);
        });
        var envelope = result.countyBoundary().getEnvelopeInternal();
        assertThat(envelope.centre().x).isBetween(113.5, 114.1);
        assertThat(envelope.centre().y).isBetween(31.4, 31.9);
    }

    @Test
    void gridsOfOneVillageDoNotOverlap() {
        var tree = new STRtree();
        List<Grid> grids = result.grids();
        for (int i = 0; i < grids.size(); i++) {
            tree.insert(grids.get(i).boundary().getEnvelopeInternal(), i);
        }
        for (int i = 0; i < grids.size(); i++) {
            Grid grid = grids.get(i);
            for (Object candidate : tree.query(grid.boundary().getEnvelopeInternal())) {
                int j = (Integer) candidate;
                Grid other = grids.get(j);
                if (j <= i || !other.villageCode().equals(grid.villageCode())) {
                    continue;
                }
                double overlap = grid.boundary().intersection(other.boundary()).getArea();
                double smaller =
                        Math.min(grid.boundary().getArea(), other.boundary().getArea());
                assertThat(overlap).as(grid.code() + " / " + other.code()).isLessThanOrEqualTo(smaller * 1e-6);
            }
        }
    }

    @Test
    void gridsVillagesAndTownshipsCoverTheCounty() {
        double county = result.countyBoundary().getArea();
        double townships = result.townshipBoundaries().values().stream()
                .mapToDouble(Geometry::getArea)
                .sum();
        double villages = result.villages().stream()
                .mapToDouble(v -> v.boundary().getArea())
                .sum();
        double grids =
                result.grids().stream().mapToDouble(g -> g.boundary().getArea()).sum();

        assertThat(townships).isCloseTo(county, withinShare(county));
        assertThat(villages).isCloseTo(county, withinShare(county));
        assertThat(grids).isCloseTo(county, withinShare(county));
        var villageAreas = new HashMap<String, Double>();
        result.grids()
                .forEach(g -> villageAreas.merge(g.villageCode(), g.boundary().getArea(), Double::sum));
        assertThat(result.villages())
                .allSatisfy(v -> assertThat(villageAreas.get(v.code()))
                        .isCloseTo(
                                v.boundary().getArea(), withinShare(v.boundary().getArea())));
    }

    @Test
    void streetOfficesAreSmallerThanTheAverageTown() {
        var areas = result.townshipBoundaries();
        double averageTown = TOWNSHIPS.stream()
                .filter(t -> t.name().endsWith("镇"))
                .mapToDouble(t -> areas.get(t.code()).getArea())
                .average()
                .orElseThrow();

        assertThat(TOWNSHIPS.stream().filter(t -> t.name().endsWith("街道")))
                .allSatisfy(street -> assertThat(areas.get(street.code()).getArea())
                        .as(street.name())
                        .isLessThan(averageTown));
    }

    private static Offset<Double> withinShare(double area) {
        return offset(area * 0.005);
    }
}
