package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.Unscoped;
import org.gridgov.region.GridSummary;
import org.gridgov.region.RegionApi;
import org.gridgov.registry.ResidentKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Synthetic households for the demo county: in every grid (or the first {@code gridgov.demo.resident-grids} of each
 * township), houses along a street, each with a household of one to five people — registered residents mostly, some floating residents from other
 * provinces, left-behind elderly and children, and the odd foreign resident. ID numbers carry valid check characters
 * and real county codes; names, phones and addresses are made up. Deterministic; created once.
 */
@Component
@Order(50)
@Unscoped("loads the demo residents at start-up, when there is no caller")
class DemoResidents implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoResidents.class);

    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "欧阳", "司马"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚",
        "桂英", "建华", "志强", "海燕", "子涵", "浩然", "雨桐", "欣怡"
    };
    private static final String[] STREETS = {"幸福路", "建设路", "人民路", "广安路", "应山大道", "站前街"};
    private static final String[] FLOATING_FROM = {"420102", "420602", "410105", "360102", "430102", "500101"};
    private static final String[] OCCUPATIONS = {"务农", "个体经营", "教师", "工人", "退休", "学生", "司机", "医生", null};

    private final HouseRepository houses;
    private final ResidentRepository residents;
    private final ChangeLog changes;
    private final PersonalData personalData;
    private final RegionApi regions;
    private final Clock clock;
    private final boolean enabled;
    private final int gridsPerTownship;

    DemoResidents(
            HouseRepository houses,
            ResidentRepository residents,
            ChangeLog changes,
            PersonalData personalData,
            RegionApi regions,
            Clock clock,
            @Value("${gridgov.demo.enabled:false}") boolean enabled,
            @Value("${gridgov.demo.resident-grids:1000}") int gridsPerTownship) {
        this.houses = houses;
        this.residents = residents;
        this.changes = changes;
        this.personalData = personalData;
        this.regions = regions;
        this.clock = clock;
        this.enabled = enabled;
        this.gridsPerTownship = gridsPerTownship;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || gridsPerTownship <= 0 || houses.any()) {
            return;
        }
        long started = System.nanoTime();
        var random = new Random(20261125L);
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, GroupDesk.CHINA);
        var grids = demoGrids(regions, gridsPerTownship);
        var people = new People(random, today);
        int count = 0;
        // A batch of grids at a time: houses, then their households, then their members, each as one statement.
        for (int from = 0; from < grids.size(); from += GRIDS_PER_BATCH) {
            count += fill(grids.subList(from, Math.min(grids.size(), from + GRIDS_PER_BATCH)), random, people, now);
        }
        houses.setHeadsByRelation();
        log.info(
                "Demo residents created: {} in {} grids ({} ms)",
                count,
                grids.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static final int GRIDS_PER_BATCH = 40;
    private static final int HOUSES_PER_GRID = 8;

    /** A house of the demo, with the street number its people live at and the name of its head. */
    private record DemoHouse(GridSummary grid, String address, String head, boolean rental) {}

    private int fill(List<GridSummary> grids, Random random, People people, java.time.Instant now) {
        var planned = new ArrayList<DemoHouse>();
        var fields = new ArrayList<HouseRepository.HouseFields>();
        for (var grid : grids) {
            String street = STREETS[random.nextInt(STREETS.length)];
            for (int h = 1; h <= HOUSES_PER_GRID; h++) {
                boolean rental = random.nextInt(6) == 0;
                String head = name(random);
                String number = street + (h * 2 - 1) + "号";
                planned.add(new DemoHouse(grid, grid.name() + number, head, rental));
                fields.add(new HouseRepository.HouseFields(
                        grid.code(),
                        grid.name() + number,
                        null,
                        null,
                        null,
                        number,
                        "RESIDENTIAL",
                        head,
                        null,
                        rental,
                        rental ? head : null,
                        null,
                        grid.labelPoint()[0] + (random.nextDouble() - 0.5) * 0.002,
                        grid.labelPoint()[1] + (random.nextDouble() - 0.5) * 0.002));
            }
        }
        var houseIds = houses.insertAll(fields, now);
        var households = new ArrayList<HouseRepository.NewHousehold>();
        for (int i = 0; i < planned.size(); i++) {
            var grid = planned.get(i).grid();
            households.add(new HouseRepository.NewHousehold(
                    grid.code(), "HH" + grid.code() + String.format("%02d", i % HOUSES_PER_GRID + 1), houseIds.get(i)));
        }
        var householdIds = houses.insertHouseholds(households, now);
        var rows = new ArrayList<ResidentRow>();
        for (int i = 0; i < planned.size(); i++) {
            var house = planned.get(i);
            int size = 1 + random.nextInt(5);
            for (int m = 0; m < size; m++) {
                rows.add(people.member(house, m, houseIds.get(i), householdIds.get(i)));
            }
        }
        var registered = residents.insertAll(rows, now);
        changes.registeredAll(ResidentDesk.ENTITY, registered, null, "演示数据 demo", null, now);
        return rows.size();
    }

    /** Makes the members of the demo's households, numbering their ID numbers so that none repeats. */
    private final class People {

        private final Random random;
        private final LocalDate today;
        private final java.util.Set<String> used = new java.util.HashSet<>();
        private int sequence;

        People(Random random, LocalDate today) {
            this.random = random;
            this.today = today;
        }

        ResidentRow member(DemoHouse house, int m, long houseId, long householdId) {
            boolean isHead = m == 0;
            var grid = house.grid();
            var kind = house.rental() && !isHead ? ResidentKind.FLOATING : pickKind(random);
            int age = isHead ? 30 + random.nextInt(50) : random.nextInt(85);
            var birth = today.minusYears(age).minusDays(random.nextInt(365));
            String county =
                    kind == ResidentKind.FLOATING ? FLOATING_FROM[random.nextInt(FLOATING_FROM.length)] : "421381";
            boolean male = random.nextBoolean();
            String idNumber = null;
            while (kind != ResidentKind.FOREIGN && (idNumber == null || !used.add(idNumber))) {
                idNumber = idNumber(county, birth, sequence++, male);
            }
            String name = isHead ? house.head() : surnameOf(house.head()) + GIVEN[random.nextInt(GIVEN.length)];
            var details = new LinkedHashMap<String, String>();
            if (kind == ResidentKind.FLOATING) {
                details.put("inflowReason", random.nextBoolean() ? "01" : "02");
                details.put(
                        "registeredOn",
                        today.minusDays(30 + random.nextInt(900)).toString());
            } else if (kind == ResidentKind.LEFT_BEHIND) {
                details.put("leftBehindType", age >= 60 ? "ELDERLY" : age < 16 ? "CHILD" : "WOMAN");
            } else if (kind == ResidentKind.FOREIGN) {
                details.put("documentType", "PASSPORT");
                details.put(
                        "documentNumber",
                        java.util.Base64.getEncoder()
                                .encodeToString(personalData
                                        .seal(PersonalDataKind.ID_NUMBER, "E" + (10_000_000 + sequence++))
                                        .ciphertext()));
                details.put("stayPurpose", "WORK");
                details.put("arrivedOn", today.minusDays(200).toString());
            }
            var sealedId = idNumber == null ? null : personalData.seal(PersonalDataKind.ID_NUMBER, idNumber);
            var phone = age >= 16
                    ? "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000))
                    : null;
            var sealedPhone = phone == null ? null : personalData.seal(PersonalDataKind.PHONE, phone);
            return new ResidentRow(
                    0,
                    grid.code(),
                    name,
                    sealedId == null ? null : sealedId.ciphertext(),
                    sealedId == null ? null : sealedId.lookupHash(),
                    male ? "1" : "2",
                    kind == ResidentKind.FOREIGN ? null : random.nextInt(20) == 0 ? "03" : "01",
                    birth,
                    county,
                    kind == ResidentKind.FOREIGN ? null : "湖北省广水市" + grid.name(),
                    house.address(),
                    houseId,
                    householdId,
                    // 02 户主, 10 配偶, 20 子 (GB/T 4761): the head is found by it once the members are in.
                    isHead ? "02" : m == 1 ? "10" : "20",
                    sealedPhone == null ? null : sealedPhone.ciphertext(),
                    sealedPhone == null ? null : sealedPhone.lookupHash(),
                    null,
                    age >= 18 && random.nextInt(8) == 0 ? "01" : "13",
                    null,
                    age >= 16 ? OCCUPATIONS[random.nextInt(OCCUPATIONS.length)] : "学生",
                    null,
                    kind,
                    details,
                    tags(random, age),
                    null,
                    null,
                    null,
                    0,
                    null,
                    null,
                    false);
        }
    }

    /**
     * The grids the demo fills, the same for people, places and organizations: the first grids of every township, the
     * demo grid worker's village first so that the accounts that sign in find their people. A number larger than any
     * township's count of grids fills them all.
     */
    static List<GridSummary> demoGrids(RegionApi regions, int gridsPerTownship) {
        var grids = new ArrayList<GridSummary>(regions.gridsUnder(DEMO_VILLAGE, 0, gridsPerTownship));
        var taken = new java.util.HashMap<String, Integer>();
        taken.put(DEMO_VILLAGE.substring(0, 9), grids.size());
        for (var grid : regions.gridsUnder(regions.rootCode(), 0, Integer.MAX_VALUE)) {
            String township = grid.code().substring(0, 9);
            if (!grid.code().startsWith(DEMO_VILLAGE) && taken.merge(township, 1, Integer::sum) <= gridsPerTownship) {
                grids.add(grid);
            }
        }
        return grids;
    }

    private static final String DEMO_VILLAGE = "421381101001";

    private static ResidentKind pickKind(Random random) {
        int r = random.nextInt(100);
        return r < 85
                ? ResidentKind.REGISTERED
                : r < 93 ? ResidentKind.FLOATING : r < 99 ? ResidentKind.LEFT_BEHIND : ResidentKind.FOREIGN;
    }

    private static List<String> tags(Random random, int age) {
        var tags = new ArrayList<String>();
        if (age >= 80 && random.nextBoolean()) {
            tags.add("高龄老人");
        }
        if (random.nextInt(30) == 0) {
            tags.add("退役军人");
        }
        return tags;
    }

    static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String surnameOf(String name) {
        return name.startsWith("欧阳") || name.startsWith("司马") ? name.substring(0, 2) : name.substring(0, 1);
    }

    /** A synthetic ID number with a valid check character; the sequence keeps numbers unique across the demo. */
    static String idNumber(String county, LocalDate birth, int sequence, boolean male) {
        int order = (sequence % 499) * 2 + (male ? 1 : 0);
        String first17 = county
                + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", order);
        return first17 + IdNumber.checkCharacter(first17);
    }
}
