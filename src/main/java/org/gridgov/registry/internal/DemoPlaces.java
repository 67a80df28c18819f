package org.gridgov.registry.internal;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.gridgov.common.Unscoped;
import org.gridgov.region.RegionApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Synthetic places and organizations for the demo grids of {@link DemoResidents}: in every grid a shop, a restaurant,
 * and by turns a school, a clinic, a hotel or a workshop on the key-unit registers; an enterprise, and in every other
 * grid a social organization, with credit codes whose check characters are valid. Deterministic; created once.
 */
@Component
@Order(60)
@Unscoped("loads the demo places at start-up, when there is no caller")
class DemoPlaces implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlaces.class);

    /** Third places by turns: type, name, key-unit flags. */
    private static final List<Object[]> THIRD = List.of(
            new Object[] {"SCHOOL", "小学", List.of("FIRE_SAFETY", "PUBLIC_ORDER")},
            new Object[] {"CLINIC", "卫生室", List.of()},
            new Object[] {"HOTEL", "旅馆", List.of("FIRE_SAFETY", "PUBLIC_ORDER")},
            new Object[] {"FACTORY", "加工厂", List.of("WORK_SAFETY", "FIRE_SAFETY")});

    private static final String[] SHOPS = {"便民超市", "五金店", "农资店", "手机店", "药店"};
    private static final String[] RESTAURANTS = {"家常菜馆", "早餐店", "面馆", "农家乐"};
    private static final String[] ENTERPRISES = {"农业专业合作社", "建材有限公司", "物流有限公司", "食品有限公司"};
    private static final String[] SOCIETIES = {"老年协会", "志愿者协会", "红白理事会"};

    private final PlaceRepository places;
    private final RegisteredOrganizationRepository organizations;
    private final Phones phones;
    private final RegionApi regions;
    private final Clock clock;
    private final boolean enabled;
    private final int gridsPerTownship;

    DemoPlaces(
            PlaceRepository places,
            RegisteredOrganizationRepository organizations,
            Phones phones,
            RegionApi regions,
            Clock clock,
            @Value("${gridgov.demo.enabled:false}") boolean enabled,
            @Value("${gridgov.demo.resident-grids:1000}") int gridsPerTownship) {
        this.places = places;
        this.organizations = organizations;
        this.phones = phones;
        this.regions = regions;
        this.clock = clock;
        this.enabled = enabled;
        this.gridsPerTownship = gridsPerTownship;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || gridsPerTownship <= 0 || places.any() || organizations.any()) {
            return;
        }
        var random = new Random(20261126L);
        var now = clock.instant();
        var grids = DemoResidents.demoGrids(regions, gridsPerTownship);
        var placeRows = new java.util.ArrayList<PlaceRepository.PlaceFields>();
        var organizationRows = new java.util.ArrayList<RegisteredOrganizationRepository.OrganizationFields>();
        int sequence = 0;
        for (var grid : grids) {
            var third = THIRD.get(sequence % THIRD.size());
            @SuppressWarnings("unchecked")
            var flags = (List<String>) third[2];
            placeRows.add(place(grid, "SHOP", grid.name() + SHOPS[random.nextInt(SHOPS.length)], List.of(), random));
            placeRows.add(place(
                    grid,
                    "RESTAURANT",
                    grid.name() + RESTAURANTS[random.nextInt(RESTAURANTS.length)],
                    List.of("FIRE_SAFETY"),
                    random));
            placeRows.add(place(grid, (String) third[0], grid.name() + third[1], flags, random));
            organizationRows.add(organization(
                    grid.code(),
                    grid.name() + ENTERPRISES[random.nextInt(ENTERPRISES.length)],
                    "NON_PUBLIC_ECONOMIC",
                    creditCode("91", sequence),
                    3 + random.nextInt(80),
                    random));
            if (sequence % 2 == 0) {
                organizationRows.add(organization(
                        grid.code(),
                        grid.name() + SOCIETIES[random.nextInt(SOCIETIES.length)],
                        "SOCIAL",
                        creditCode("51", sequence),
                        null,
                        random));
            }
            sequence++;
        }
        // Each as one batch: a statement per record would be some 9,000 round trips at the first start.
        places.insertAll(placeRows, now);
        organizations.insertAll(organizationRows, now);
        log.info("Demo places and organizations created in {} grids", grids.size());
    }

    private PlaceRepository.PlaceFields place(
            org.gridgov.region.GridSummary grid, String type, String name, List<String> flags, Random random) {
        return new PlaceRepository.PlaceFields(
                grid.code(),
                name,
                type,
                flags,
                grid.name() + "中心街" + (1 + random.nextInt(90)) + "号",
                DemoResidents.name(random),
                phones.seal(phone(random)),
                grid.labelPoint()[0],
                grid.labelPoint()[1]);
    }

    private RegisteredOrganizationRepository.OrganizationFields organization(
            String grid, String name, String kind, String code, Integer employees, Random random) {
        return new RegisteredOrganizationRepository.OrganizationFields(
                grid, name, kind, code, DemoResidents.name(random), phones.seal(phone(random)), null, employees);
    }

    /** A synthetic code registered in 广水市 (421381), unique per sequence, with a valid check character. */
    static String creditCode(String authorityAndKind, int sequence) {
        String first17 = authorityAndKind + "421381" + String.format("MA%07d", sequence);
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static String phone(Random random) {
        return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
    }
}
