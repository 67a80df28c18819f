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
 * Synthetic households for the demo county: in the first grids of 杨寨镇 and 应山街道, houses along a few streets,
 * each with a household of one to five people — registered residents mostly, some floating residents from other
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
    private final PersonalData personalData;
    private final RegionApi regions;
    private final Clock clock;
    private final boolean enabled;
    private final int gridsPerTownship;

    DemoResidents(
            HouseRepository houses,
            ResidentRepository residents,
            PersonalData personalData,
            RegionApi regions,
            Clock clock,
            @Value("${gridgov.demo.enabled:false}") boolean enabled,
            @Value("${gridgov.demo.resident-grids:20}") int gridsPerTownship) {
        this.houses = houses;
        this.residents = residents;
        this.personalData = personalData;
        this.regions = regions;
        this.clock = clock;
        this.enabled = enabled;
        this.gridsPerTownship = gridsPerTownship;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || gridsPerTownship <= 0 || houses.anyHouse()) {
            return;
        }
        var random = new Random(20261125L);
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, java.time.ZoneId.of("Asia/Shanghai"));
        int people = 0;
        int sequence = 0;
        var used = new java.util.HashSet<String>();
        var grids = demoGrids(regions, gridsPerTownship);
        for (var grid : grids) {
            String street = STREETS[random.nextInt(STREETS.length)];
            for (int h = 1; h <= 8; h++) {
                boolean rental = random.nextInt(6) == 0;
                String head = name(random);
                long house = houses.insertHouse(
                        new HouseRepository.HouseFields(
                                grid.code(),
                                grid.name() + street + (h * 2 - 1) + "号",
                                null,
                                null,
                                null,
                                street + (h * 2 - 1) + "号",
                                "RESIDENTIAL",
                                head,
                                null,
                                rental,
                                rental ? head : null,
                                null,
                                grid.labelPoint()[0] + (random.nextDouble() - 0.5) * 0.002,
                                grid.labelPoint()[1] + (random.nextDouble() - 0.5) * 0.002),
                        now);
                long household =
                        houses.insertHousehold(grid.code(), "HH" + grid.code() + String.format("%02d", h), house, now);
                int size = 1 + random.nextInt(5);
                for (int m = 0; m < size; m++) {
                    boolean isHead = m == 0;
                    var kind = rental && !isHead ? ResidentKind.FLOATING : pickKind(random);
                    int age = isHead ? 30 + random.nextInt(50) : random.nextInt(85);
                    var birth = today.minusYears(age).minusDays(random.nextInt(365));
                    String county = kind == ResidentKind.FLOATING
                            ? FLOATING_FROM[random.nextInt(FLOATING_FROM.length)]
                            : "421381";
                    boolean male = random.nextBoolean();
                    String idNumber = null;
                    while (kind != ResidentKind.FOREIGN && (idNumber == null || !used.add(idNumber))) {
                        idNumber = idNumber(county, birth, sequence++, male);
                    }
                    String name = isHead ? head : surnameOf(head) + GIVEN[random.nextInt(GIVEN.length)];
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
                    long id = residents.insert(
                            new ResidentRow(
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
                                    grid.name() + street + (h * 2 - 1) + "号",
                                    house,
                                    household,
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
                                    null),
                            now);
                    if (isHead) {
                        houses.setHead(household, id);
                    }
                    people++;
                }
            }
        }
        log.info("Demo residents created: {} in {} grids", people, grids.size());
    }

    /** The grids the demo fills, the same for people, places and organizations. */
    static List<GridSummary> demoGrids(RegionApi regions, int gridsPerTownship) {
        var grids = new ArrayList<GridSummary>();
        // The demo grid worker's village first, so the accounts that sign in find their people.
        grids.addAll(regions.gridsUnder("421381101001", 0, gridsPerTownship));
        grids.addAll(regions.gridsUnder("421381101", 0, gridsPerTownship * 3).stream()
                .filter(g -> !g.code().startsWith("421381101001"))
                .limit(gridsPerTownship)
                .toList());
        grids.addAll(regions.gridsUnder("421381001", 0, gridsPerTownship));
        return grids;
    }

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
