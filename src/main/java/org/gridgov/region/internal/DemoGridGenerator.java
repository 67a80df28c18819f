package org.gridgov.region.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.gridgov.region.DedicatedKind;
import org.gridgov.region.GridType;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/** Builds a deterministic, plausible-looking county of townships, villages and grids for demos and benchmarks. */
final class DemoGridGenerator {

    record Township(String code, String name) {}

    record Village(String code, String name, String townshipCode, Geometry boundary) {}

    record Grid(
            String code,
            String name,
            GridType type,
            DedicatedKind dedicatedKind,
            String villageCode,
            Geometry boundary) {}

    record Result(
            Geometry countyBoundary,
            Map<String, Geometry> townshipBoundaries,
            List<Village> villages,
            List<Grid> grids) {}

    private static final int SRID = 4490;
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);
    private static final double KM_PER_DEGREE = 111.32;

    private static final int COUNTY_VERTICES = 64;
    private static final int MIN_VILLAGES = 388;
    private static final double GRIDS_PER_VILLAGE = 5.2;
    private static final int MIN_VILLAGES_PER_TOWNSHIP = 3;
    private static final int MAX_SEQUENCE = 999;
    private static final int FIRST_RURAL_VILLAGE = 200;
    // Each type has 99 codes per village; capping the total keeps both types inside that whatever the mix.
    private static final int MAX_GRIDS_PER_VILLAGE = 99;
    private static final double DEDICATED_SHARE = 0.04;
    private static final double SPECIAL_TOWNSHIP_SHARE = 0.7;
    // Urban communities are denser than farmland, so they get more grids per square kilometre.
    private static final double STREET_DENSITY = 3.0;
    private static final double TOWN_CENTRE_DENSITY = 2.0;
    // Best-candidate sampling: more candidates give more even cells at a linear cost.
    private static final int SAMPLE_CANDIDATES = 8;
    private static final int SAMPLE_ATTEMPTS = 10_000;
    // Components this much smaller than their parent are overlay noise, not real pieces of a cell.
    private static final double SLIVER_RATIO = 1e-9;

    private static final List<String> SURNAMES = chars(
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴孔向汤柳鲁左");
    private static final List<String> FAMILY_PLACES = chars("湾畈冲岗店河寨庙铺桥楼咀坡塆岭港垸集庄洼");
    private static final List<String> PLAIN_PLACES = chars("畈店岗冲河寨庙铺集桥");
    private static final List<String> PLACE_PREFIXES =
            List.of("大", "小", "新", "老", "东", "西", "南", "北", "上", "下", "前", "后", "双", "三", "五", "七", "十里");
    private static final List<String> PLACE_FEATURES = chars("河桥湾岗塘林庙集店冲畈铺山堰");
    private static final List<String> URBAN_STEMS = List.of(
            "解放路", "人民路", "建设路", "新华路", "中山路", "永阳", "花园", "文化", "光明", "和平", "幸福", "朝阳", "青年", "团结", "胜利", "民主", "复兴",
            "长安", "平安", "金桥", "滨河", "广场", "站前", "育才", "东城", "西城", "南城", "北城", "东关", "西关", "南关", "北关", "体育路", "府前", "城隍",
            "三里河", "同兴", "大桥", "义和", "清河", "白果", "龙泉", "凤凰", "紫荆", "桂花", "杏林", "锦绣", "春晓", "柳林", "新民");
    private static final List<String> TOWN_CENTRE_STEMS =
            List.of("东街", "西街", "南街", "北街", "正街", "老街", "新街", "河街", "集镇", "新城", "桥头", "镇东", "镇西", "中心", "站前");
    // Repeats of an exhausted name pool get one of these in front, so a township never runs out of names.
    private static final List<String> REPEAT_PREFIXES = List.of("", "新", "东", "西", "南", "北", "上", "下");

    private static final List<DedicatedKind> GENERIC_KINDS = List.of(
            DedicatedKind.SCHOOL,
            DedicatedKind.HOSPITAL,
            DedicatedKind.MARKET,
            DedicatedKind.RESERVOIR,
            DedicatedKind.GOVERNMENT_COMPOUND,
            DedicatedKind.INDUSTRIAL_PARK,
            DedicatedKind.ARMY_SITE,
            DedicatedKind.OTHER);
    private static final double[] GENERIC_WEIGHTS = {30, 12, 15, 10, 12, 6, 3, 12};

    private DemoGridGenerator() {}

    static Result generate(
            long seed,
            String countyCode,
            List<Township> townships,
            double centerLon,
            double centerLat,
            double radiusKm,
            int targetGrids) {
        if (townships.isEmpty() || radiusKm <= 0 || targetGrids <= 0) {
            throw new IllegalArgumentException("need townships, a positive radius and a positive grid target");
        }
        for (var township : townships) {
            if (!township.code().matches("\\d{9}") || !township.code().startsWith(countyCode)) {
                throw new IllegalArgumentException("township code " + township.code() + " is not under " + countyCode);
            }
        }
        // Everything is built in a local kilometre plane so Voronoi cells are not stretched east-west, then moved
        // to degrees in one affine step; shared vertices map to identical coordinates, so the tiling survives.
        // StrictMath (here and below) keeps the trigonometry, and so every coordinate, the same on every JVM.
        var toDegrees = new AffineTransformation(
                1 / (KM_PER_DEGREE * StrictMath.cos(StrictMath.toRadians(centerLat))),
                0,
                centerLon,
                0,
                1 / KM_PER_DEGREE,
                centerLat);

        var countyRandom = random(seed, countyCode);
        DoubleUnaryOperator countyRadius = countyRadius(countyRandom, radiusKm);
        Polygon county = countyOutline(countyRadius);
        List<Coordinate> townshipSeeds = townshipSeeds(townships, countyRadius, radiusKm, countyRandom);
        List<Geometry> townshipAreas = voronoi(townshipSeeds, county);

        int villageTotal = Math.max(MIN_VILLAGES, (int) Math.ceil(targetGrids / GRIDS_PER_VILLAGE));
        int[] villageCounts = apportion(
                townshipAreas.stream().mapToDouble(Geometry::getArea).toArray(),
                villageTotal,
                MIN_VILLAGES_PER_TOWNSHIP,
                MAX_SEQUENCE);

        List<List<PlannedVillage>> perTownship = IntStream.range(0, townships.size())
                .parallel()
                .mapToObj(i ->
                        villages(seed, townships.get(i), townshipAreas.get(i), townshipSeeds.get(i), villageCounts[i]))
                .toList();
        List<PlannedVillage> planned =
                perTownship.stream().flatMap(List::stream).toList();

        int[] gridCounts = apportion(
                planned.stream().mapToDouble(v -> v.area.getArea() * v.density).toArray(),
                targetGrids,
                1,
                MAX_GRIDS_PER_VILLAGE);
        List<List<Grid>> perVillage = IntStream.range(0, planned.size())
                .parallel()
                .mapToObj(i -> grids(seed, planned.get(i), gridCounts[i], toDegrees))
                .toList();

        var townshipBoundaries = new LinkedHashMap<String, Geometry>();
        for (int i = 0; i < townships.size(); i++) {
            townshipBoundaries.put(townships.get(i).code(), degrees(townshipAreas.get(i), toDegrees));
        }
        List<Village> villages = planned.parallelStream()
                .map(v -> new Village(v.code, v.name, v.township.code(), degrees(v.area, toDegrees)))
                .toList();
        return new Result(
                degrees(county, toDegrees),
                Collections.unmodifiableMap(townshipBoundaries),
                villages,
                perVillage.stream().flatMap(List::stream).toList());
    }

    /** A village in the kilometre plane, waiting for its grids. */
    private record PlannedVillage(
            String code, String name, Township township, Geometry area, double density, DedicatedKind special) {}

    private static DoubleUnaryOperator countyRadius(SplittableRandom random, double radiusKm) {
        // A few low harmonics give a smooth, lobed outline; amplitudes add up to at most 25 % of the radius.
        int[] harmonics = {2, 3, 5, 7};
        double[] amplitudes = {0.09, 0.08, 0.05, 0.03};
        double[] phases = new double[harmonics.length];
        for (int i = 0; i < harmonics.length; i++) {
            amplitudes[i] *= 0.7 + 0.3 * random.nextDouble();
            phases[i] = random.nextDouble() * 2 * Math.PI;
        }
        return angle -> {
            double factor = 1;
            for (int i = 0; i < harmonics.length; i++) {
                factor += amplitudes[i] * StrictMath.sin(harmonics[i] * angle + phases[i]);
            }
            return radiusKm * factor;
        };
    }

    private static Polygon countyOutline(DoubleUnaryOperator radius) {
        var ring = new Coordinate[COUNTY_VERTICES + 1];
        for (int i = 0; i < COUNTY_VERTICES; i++) {
            double angle = 2 * Math.PI * i / COUNTY_VERTICES;
            double r = radius.applyAsDouble(angle);
            ring[i] = new Coordinate(r * StrictMath.cos(angle), r * StrictMath.sin(angle));
        }
        ring[COUNTY_VERTICES] = ring[0].copy();
        return FACTORY.createPolygon(ring);
    }

    /**
     * Street offices sit close together at the centre with a ring of towns around them, so their Voronoi cells stay
     * small; the remaining towns form an outer ring, with mountain areas (forest farms, scenic areas) kept outside.
     */
    private static List<Coordinate> townshipSeeds(
            List<Township> townships, DoubleUnaryOperator countyRadius, double radiusKm, SplittableRandom random) {
        var streets = new ArrayList<Integer>();
        var zones = new ArrayList<Integer>();
        var towns = new ArrayList<Integer>();
        var remote = new ArrayList<Integer>();
        for (int i = 0; i < townships.size(); i++) {
            var township = townships.get(i);
            DedicatedKind special = specialKind(township);
            if (isStreetOffice(township)) {
                streets.add(i);
            } else if (special == DedicatedKind.INDUSTRIAL_PARK) {
                zones.add(i);
            } else if (special != null) {
                remote.add(i);
            } else {
                towns.add(i);
            }
        }
        Collections.shuffle(towns, random);
        var ringOrder = new ArrayList<Integer>(zones);
        ringOrder.addAll(towns);
        ringOrder.addAll(remote);
        int others = ringOrder.size();
        int innerCount = others < 6 ? 0 : Math.max(3, (int) Math.round(others * 0.3));

        var seeds = new Coordinate[townships.size()];
        double phase = random.nextDouble() * 2 * Math.PI;
        for (int k = 0; k < streets.size(); k++) {
            double angle = phase + 2 * Math.PI * (k + 0.3 * (random.nextDouble() - 0.5)) / streets.size();
            double r = streets.size() == 1 ? 0.02 * radiusKm : (0.06 + 0.03 * random.nextDouble()) * radiusKm;
            seeds[streets.get(k)] = new Coordinate(r * StrictMath.cos(angle), r * StrictMath.sin(angle));
        }
        placeRing(ringOrder.subList(0, innerCount), 0.32, seeds, countyRadius, random);
        placeRing(ringOrder.subList(innerCount, others), innerCount == 0 ? 0.55 : 0.7, seeds, countyRadius, random);
        return List.of(seeds);
    }

    private static void placeRing(
            List<Integer> members,
            double radiusShare,
            Coordinate[] seeds,
            DoubleUnaryOperator countyRadius,
            SplittableRandom random) {
        double phase = random.nextDouble() * 2 * Math.PI;
        for (int k = 0; k < members.size(); k++) {
            double angle = phase + 2 * Math.PI * (k + 0.5 * (random.nextDouble() - 0.5)) / members.size();
            double r = radiusShare * (0.92 + 0.16 * random.nextDouble()) * countyRadius.applyAsDouble(angle);
            seeds[members.get(k)] = new Coordinate(r * StrictMath.cos(angle), r * StrictMath.sin(angle));
        }
    }

    private static List<PlannedVillage> villages(
            long seed, Township township, Geometry area, Coordinate centre, int count) {
        var random = random(seed, township.code());
        List<Coordinate> sites = scatter(area, count, random);
        List<Geometry> cells = voronoi(sites, area);
        // Codes run outwards from the township seat, which is where town-centre communities belong.
        List<Integer> order = IntStream.range(0, cells.size())
                .filter(i -> !cells.get(i).isEmpty())
                .boxed()
                .sorted(Comparator.comparingDouble(i -> sites.get(i).distance(centre)))
                .toList();
        boolean street = isStreetOffice(township);
        int n = order.size();
        int communities = street
                ? n
                : Math.min(
                        FIRST_RURAL_VILLAGE - 1,
                        Math.max(
                                Math.max(1, (int) Math.round(n * 0.06)), n - (MAX_SEQUENCE - FIRST_RURAL_VILLAGE + 1)));
        var names = new NamePool(random);
        DedicatedKind special = specialKind(township);
        var result = new ArrayList<PlannedVillage>(n);
        for (int k = 0; k < n; k++) {
            boolean community = k < communities;
            int sequence = community ? k + 1 : FIRST_RURAL_VILLAGE + k - communities;
            String name = community
                    ? names.next(street ? List.of(URBAN_STEMS) : List.of(TOWN_CENTRE_STEMS, URBAN_STEMS)) + "社区"
                    : names.next(List.of()) + "村";
            double density = street ? STREET_DENSITY : community ? TOWN_CENTRE_DENSITY : 1;
            result.add(new PlannedVillage(
                    township.code() + threeDigits(sequence),
                    name,
                    township,
                    cells.get(order.get(k)),
                    density,
                    special));
        }
        return result;
    }

    private static List<Grid> grids(long seed, PlannedVillage village, int count, AffineTransformation toDegrees) {
        var random = random(seed, village.code);
        List<Coordinate> sites = scatter(village.area, count, random);
        List<Geometry> cells = voronoi(sites, village.area);
        // Numbering goes round the village like a clock face, the way grid maps are usually labelled.
        double cx = sites.stream().mapToDouble(c -> c.x).average().orElse(0);
        double cy = sites.stream().mapToDouble(c -> c.y).average().orElse(0);
        List<Integer> order = IntStream.range(0, cells.size())
                .filter(i -> !cells.get(i).isEmpty())
                .boxed()
                .sorted(Comparator.comparingDouble(i -> -StrictMath.atan2(sites.get(i).y - cy, sites.get(i).x - cx)))
                .toList();
        boolean street = isStreetOffice(village.township);
        int ordinary = 0;
        int dedicated = 0;
        var kindUses = new HashMap<DedicatedKind, Integer>();
        var result = new ArrayList<Grid>(order.size());
        for (int index : order) {
            DedicatedKind kind = pickKind(village.special, street, random);
            Geometry boundary = degrees(cells.get(index), toDegrees);
            if (kind == null) {
                ordinary++;
                result.add(new Grid(
                        village.code + GridType.ORDINARY.codeDigit() + twoDigits(ordinary),
                        village.name + "第" + ordinary + "网格",
                        GridType.ORDINARY,
                        null,
                        village.code,
                        boundary));
            } else {
                dedicated++;
                int use = kindUses.merge(kind, 1, Integer::sum) - 1;
                result.add(new Grid(
                        village.code + GridType.DEDICATED.codeDigit() + twoDigits(dedicated),
                        village.name + dedicatedLabel(kind, use, street) + "专属网格",
                        GridType.DEDICATED,
                        kind,
                        village.code,
                        boundary));
            }
        }
        result.sort(Comparator.comparing(Grid::code));
        return result;
    }

    private static DedicatedKind pickKind(DedicatedKind special, boolean street, SplittableRandom random) {
        if (special != null && random.nextDouble() < SPECIAL_TOWNSHIP_SHARE) {
            return special;
        }
        if (random.nextDouble() >= DEDICATED_SHARE) {
            return null;
        }
        double total = 0;
        for (double weight : GENERIC_WEIGHTS) {
            total += weight;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < GENERIC_KINDS.size(); i++) {
            pick -= GENERIC_WEIGHTS[i];
            if (pick < 0) {
                DedicatedKind kind = GENERIC_KINDS.get(i);
                // There are no reservoirs among city blocks.
                return street && kind == DedicatedKind.RESERVOIR ? DedicatedKind.SCHOOL : kind;
            }
        }
        return DedicatedKind.OTHER;
    }

    private static String dedicatedLabel(DedicatedKind kind, int use, boolean street) {
        List<String> labels = labels(kind, street);
        if (kind == DedicatedKind.FOREST_FARM) {
            // Forest compartments are numbered, never named.
            return "第" + (use + 1) + labels.getFirst();
        }
        String label = labels.get(use % labels.size());
        int round = use / labels.size();
        return round == 0 ? label : label + "第" + (round + 1) + "片区";
    }

    private static List<String> labels(DedicatedKind kind, boolean street) {
        return switch (kind) {
            case SCHOOL -> List.of("中心小学", "初级中学", "幼儿园", "小学", "高级中学", "职业技术学校");
            case HOSPITAL ->
                street ? List.of("社区卫生服务中心", "人民医院", "中医院", "妇幼保健院") : List.of("卫生院", "卫生室", "中医院", "人民医院", "妇幼保健院");
            case MARKET -> List.of("农贸市场", "集贸市场", "商贸城", "建材市场", "物流市场");
            case RESERVOIR -> List.of("水库", "塘堰", "泵站");
            case GOVERNMENT_COMPOUND -> List.of("政务服务中心", "派出所", "供电所", "税务所", "司法所");
            case ARMY_SITE -> List.of("驻军营区", "武警营区", "民兵训练基地");
            case INDUSTRIAL_PARK ->
                List.of(
                        "工业园",
                        "食品产业园",
                        "机械制造产业园",
                        "电子信息产业园",
                        "新材料产业园",
                        "纺织服装产业园",
                        "现代物流园",
                        "建材产业园",
                        "生物医药产业园",
                        "汽车零部件产业园",
                        "科创孵化园",
                        "农产品加工园");
            case SCENIC_AREA ->
                List.of("游客中心", "观音湖景区", "石门景区", "瀑布景区", "古寺景区", "峡谷景区", "湖畔景区", "索道景区", "溶洞景区", "栈道景区");
            case FOREST_FARM -> List.of("林班");
            case OTHER -> List.of("敬老院", "污水处理厂", "垃圾中转站", "加油站", "变电站");
        };
    }

    private static boolean isStreetOffice(Township township) {
        int number = Integer.parseInt(township.code().substring(6, 9));
        return number >= 1 && number <= 99;
    }

    private static DedicatedKind specialKind(Township township) {
        String name = township.name();
        if (name.contains("开发区")) {
            return DedicatedKind.INDUSTRIAL_PARK;
        }
        if (name.contains("风景区")) {
            return DedicatedKind.SCENIC_AREA;
        }
        if (name.contains("林场")) {
            return DedicatedKind.FOREST_FARM;
        }
        return null;
    }

    /**
     * Splits {@code total} into integers proportional to {@code weights} (largest remainder), each within
     * {@code [min, max]}; when the bounds make {@code total} unreachable the result sits at the bounds instead.
     */
    private static int[] apportion(double[] weights, int total, int min, int max) {
        int n = weights.length;
        int[] result = new int[n];
        boolean[] fixed = new boolean[n];
        while (true) {
            int remaining = total;
            double weightSum = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    remaining -= result[i];
                } else {
                    weightSum += weights[i];
                }
            }
            double[] quota = new double[n];
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    quota[i] = weightSum > 0 && remaining > 0 ? remaining * weights[i] / weightSum : 0;
                }
            }
            // Lows are settled before highs: fixing a low shrinks the others, fixing a high only grows them.
            for (int i = 0; i < n; i++) {
                if (!fixed[i] && quota[i] < min) {
                    fixed[i] = true;
                    result[i] = min;
                    changed = true;
                }
            }
            if (!changed) {
                for (int i = 0; i < n; i++) {
                    if (!fixed[i] && quota[i] > max) {
                        fixed[i] = true;
                        result[i] = max;
                        changed = true;
                    }
                }
            }
            if (changed) {
                continue;
            }
            int assigned = 0;
            var open = new ArrayList<Integer>();
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    result[i] = (int) Math.floor(quota[i]);
                    assigned += result[i];
                    open.add(i);
                }
            }
            open.sort(Comparator.comparingDouble((Integer i) -> -(quota[i] - Math.floor(quota[i])))
                    .thenComparingInt(i -> i));
            for (int k = 0; k < remaining - assigned && k < open.size(); k++) {
                result[open.get(k)]++;
            }
            return result;
        }
    }

    /** Spreads points evenly but irregularly over the interior of an area (Mitchell's best-candidate sampling). */
    private static List<Coordinate> scatter(Geometry area, int count, SplittableRandom random) {
        var locator = new IndexedPointInAreaLocator(area);
        Envelope envelope = area.getEnvelopeInternal();
        var points = new ArrayList<Coordinate>(count);
        for (int i = 0; i < count; i++) {
            Coordinate best = null;
            double bestDistance = 0;
            for (int c = 0; c < SAMPLE_CANDIDATES; c++) {
                Coordinate candidate = interiorPoint(locator, envelope, random);
                if (candidate == null) {
                    break;
                }
                double distance = nearestSquared(candidate, points);
                if (distance > bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            if (best == null) {
                break;
            }
            points.add(best);
        }
        return points;
    }

    private static Coordinate interiorPoint(
            IndexedPointInAreaLocator locator, Envelope envelope, SplittableRandom random) {
        for (int attempt = 0; attempt < SAMPLE_ATTEMPTS; attempt++) {
            var candidate = new Coordinate(
                    envelope.getMinX() + random.nextDouble() * envelope.getWidth(),
                    envelope.getMinY() + random.nextDouble() * envelope.getHeight());
            if (locator.locate(candidate) == Location.INTERIOR) {
                return candidate;
            }
        }
        return null;
    }

    private static double nearestSquared(Coordinate point, List<Coordinate> points) {
        double nearest = Double.POSITIVE_INFINITY;
        for (var other : points) {
            double dx = point.x - other.x;
            double dy = point.y - other.y;
            nearest = Math.min(nearest, dx * dx + dy * dy);
        }
        return nearest;
    }

    /** The Voronoi cells of the sites clipped to the parent, in site order; a cell may be empty only by accident. */
    private static List<Geometry> voronoi(List<Coordinate> sites, Geometry parent) {
        if (sites.size() <= 1) {
            return sites.isEmpty() ? List.of() : List.of(parent);
        }
        var builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        var clip = new Envelope(parent.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(FACTORY);
        var cellBySite = new HashMap<Coordinate, Geometry>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            cellBySite.put((Coordinate) cell.getUserData(), cell);
        }
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(parent);
        double sliver = parent.getArea() * SLIVER_RATIO;
        var result = new ArrayList<Geometry>(sites.size());
        for (var site : sites) {
            Geometry cell = cellBySite.get(site);
            if (cell == null) {
                result.add(FACTORY.createPolygon());
            } else if (prepared.containsProperly(cell)) {
                result.add(cell);
            } else {
                result.add(polygonal(OverlayNGRobust.overlay(cell, parent, OverlayNG.INTERSECTION), sliver));
            }
        }
        return result;
    }

    private static Geometry polygonal(Geometry geometry, double minArea) {
        var parts = new ArrayList<Polygon>();
        for (Object part : PolygonExtracter.getPolygons(geometry)) {
            var polygon = (Polygon) part;
            if (!polygon.isEmpty() && polygon.getArea() > minArea) {
                parts.add(polygon);
            }
        }
        if (parts.isEmpty()) {
            return FACTORY.createPolygon();
        }
        return parts.size() == 1 ? parts.getFirst() : FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    private static Geometry degrees(Geometry kilometres, AffineTransformation toDegrees) {
        Geometry result = toDegrees.transform(kilometres);
        // Voronoi cells carry their site as user data, which means nothing to callers.
        result.setUserData(null);
        if (!result.isValid()) {
            // Rounding into degrees can, very rarely, fold a nearly degenerate vertex.
            result = polygonal(GeometryFixer.fix(result), 0);
        }
        result.setSRID(SRID);
        return result;
    }

    private static SplittableRandom random(long seed, String key) {
        // Each township and village gets its own stream so they can be built in parallel and stay reproducible.
        long hash = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001B3L;
            hash ^= hash >>> 29;
        }
        return new SplittableRandom(hash);
    }

    private static String threeDigits(int value) {
        return value < 10 ? "00" + value : value < 100 ? "0" + value : Integer.toString(value);
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static List<String> chars(String text) {
        return text.codePoints().mapToObj(Character::toString).toList();
    }

    /** Hands out place-name stems that are unique within one township. */
    private static final class NamePool {
        private final SplittableRandom random;
        private final Set<String> used = new HashSet<>();
        private final Map<List<String>, List<String>> shuffled = new HashMap<>();
        private final List<String> rural;

        NamePool(SplittableRandom random) {
            this.random = random;
            var stems = new ArrayList<String>();
            for (var surname : SURNAMES) {
                for (var place : FAMILY_PLACES) {
                    stems.add(surname + "家" + place);
                }
                for (var place : PLAIN_PLACES) {
                    stems.add(surname + place);
                }
            }
            for (var prefix : PLACE_PREFIXES) {
                for (var feature : PLACE_FEATURES) {
                    stems.add(prefix + feature);
                }
            }
            Collections.shuffle(stems, random);
            this.rural = stems;
        }

        /** The first unused stem from the preferred lists in turn, then from the rural stems. */
        String next(List<List<String>> preferred) {
            for (var list : preferred) {
                List<String> order = shuffled.computeIfAbsent(list, l -> {
                    var copy = new ArrayList<>(l);
                    Collections.shuffle(copy, random);
                    return copy;
                });
                for (var stem : order) {
                    if (used.add(stem)) {
                        return stem;
                    }
                }
            }
            for (var prefix : REPEAT_PREFIXES) {
                for (var stem : rural) {
                    if (used.add(prefix + stem)) {
                        return prefix + stem;
                    }
                }
            }
            throw new IllegalStateException("more than " + used.size() + " villages in one township");
        }
    }
}
