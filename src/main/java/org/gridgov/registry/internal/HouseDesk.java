package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.common.ProblemException;
import org.gridgov.identity.CurrentUsers;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the houses (实有房屋) and households (户) of the caller's scope: adds, changes (field by field into the
 * history), retires with a reason, shows a house with its households and the residents living there, and places a
 * resident in a household.
 */
@Service
@Transactional
public class HouseDesk
        extends RecordDesk<
                HouseRepository.HouseFields,
                HouseRepository.Filter,
                HouseDesk.HouseQuery,
                HouseDesk.HouseDraft,
                HouseDesk.HouseView,
                HouseDesk.HouseDetail> {

    static final String HOUSE = "house";
    static final String HOUSEHOLD = "household";

    /** A house as a form sends it; {@code version} only on change. Phones sent back masked stay as they are. */
    public record HouseDraft(
            String gridCode,
            String address,
            String building,
            String unit,
            String room,
            String doorPlate,
            String use,
            String ownerName,
            String ownerPhone,
            Boolean rental,
            String landlordName,
            String landlordPhone,
            Double lon,
            Double lat,
            Integer version)
            implements RecordDesk.Draft {}

    /** A house as the console shows it, phones masked. */
    public record HouseView(
            long id,
            String gridCode,
            String gridName,
            String address,
            String building,
            String unit,
            String room,
            String doorPlate,
            String use,
            String useName,
            String ownerName,
            String ownerPhone,
            boolean rental,
            String landlordName,
            String landlordPhone,
            Double lon,
            Double lat,
            Instant verifiedAt,
            Instant updatedAt,
            int version,
            Instant retiredAt,
            String retiredReason) {}

    /**
     * A resident as a house or household lists them: name, ID number masked as the caller may see it ({@link
     * Disclosure}), relation to the head.
     */
    public record HouseholdMemberView(
            long id, String name, String idNumber, String relationToHead, String relationName) {}

    public record HouseholdView(
            long id,
            String gridCode,
            String gridName,
            String householdNumber,
            long houseId,
            Long headResidentId,
            String headName,
            List<HouseholdMemberView> members,
            Instant updatedAt,
            int version,
            Instant retiredAt,
            String retiredReason) {}

    /** A house with its households and their members, and the residents living there outside them (tenants). */
    public record HouseDetail(HouseView house, List<HouseholdView> households, List<HouseholdMemberView> tenants) {}

    /** The query of a house search; every part optional: grid and address prefixes, an address fragment, flags. */
    public record HouseQuery(
            String gridCode,
            String address,
            String addressContains,
            Boolean rental,
            String use,
            Boolean includeRetired) {}

    /** A household as a form sends it: its number (户号), its house and, on change, its head among its members. */
    public record HouseholdDraft(String householdNumber, Long houseId, Long headResidentId, Integer version) {}

    /** A resident joining a household, with their relation to its head (GB/T 4761). */
    public record Membership(Long residentId, String relationToHead) {}

    private final HouseRepository houses;
    private final ResidentRepository residents;
    private final PersonalData personalData;
    private final CurrentUsers users;

    HouseDesk(
            RegistryScope scope,
            HouseRepository houses,
            ResidentRepository residents,
            RegistryHistory history,
            Retirements retirements,
            Phones phones,
            PersonalData personalData,
            CurrentUsers users,
            CodeSets codes,
            RegionApi regions,
            GridNames gridNames,
            Clock clock) {
        super(
                new Kind(HOUSE, "房屋", "house", Retirements.Table.HOUSE),
                houses,
                scope,
                history,
                retirements,
                phones,
                codes,
                regions,
                gridNames,
                clock);
        this.houses = houses;
        this.residents = residents;
        this.personalData = personalData;
        this.users = users;
    }

    @Override
    HouseRepository.Filter filter(HouseQuery q) {
        return new HouseRepository.Filter(
                scope.data(),
                ResidentRules.trim(q.gridCode()),
                ResidentRules.trim(q.address()),
                ResidentRules.trim(q.addressContains()),
                q.rental(),
                ResidentRules.trim(q.use()),
                Boolean.TRUE.equals(q.includeRetired()));
    }

    /** The house with its households and their members, and the residents living there outside them. */
    @Override
    HouseDetail shown(RecordTable.Row<HouseRepository.HouseFields> house, Function<String, String> gridName) {
        var members = houses.membersOf(house.id(), scope.data());
        var disclosure = Disclosure.of(users.require());
        var households = houses.householdsOf(house.id(), scope.data()).stream()
                .map(h -> householdView(h, members, disclosure, gridName))
                .toList();
        var inHouseholds = households.stream().map(HouseholdView::id).toList();
        var tenants = members.stream()
                .filter(m -> m.householdId() == null || !inHouseholds.contains(m.householdId()))
                .map(m -> member(m, disclosure))
                .toList();
        return new HouseDetail(view(house, gridName), households, tenants);
    }

    @Override
    HouseView listed(RecordTable.Row<HouseRepository.HouseFields> row, Function<String, String> gridName) {
        return view(row, gridName);
    }

    @Override
    Diff diff(HouseRepository.HouseFields before, HouseRepository.HouseFields after) {
        return new Diff()
                .field("gridCode", before.gridCode(), after.gridCode())
                .field("address", before.address(), after.address())
                .field("building", before.building(), after.building())
                .field("unit", before.unit(), after.unit())
                .field("room", before.room(), after.room())
                .field("doorPlate", before.doorPlate(), after.doorPlate())
                .field("use", before.use(), after.use())
                .field("ownerName", before.ownerName(), after.ownerName())
                .personal(
                        "ownerPhone",
                        PersonalDataKind.PHONE,
                        phones.open(before.ownerPhone()),
                        phones.open(after.ownerPhone()))
                .field("rental", before.rental(), after.rental())
                .field("landlordName", before.landlordName(), after.landlordName())
                .personal(
                        "landlordPhone",
                        PersonalDataKind.PHONE,
                        phones.open(before.landlordPhone()),
                        phones.open(after.landlordPhone()))
                .field("lon", before.lon(), after.lon())
                .field("lat", before.lat(), after.lat());
    }

    /** A house is retired only once no household is registered in it any more. */
    @Override
    void requireRetirable(long id) {
        if (houses.activeHouseholds(id) > 0) {
            throw ProblemException.conflict("房屋内仍有在册的户，请先注销或迁出", "Households still live in this house");
        }
    }

    @Transactional(readOnly = true)
    public HouseholdView household(long id) {
        var household = visibleHousehold(id);
        return householdView(
                household,
                houses.membersOf(household.houseId(), scope.data()),
                Disclosure.of(users.require()),
                gridNames.lookup(List.of(household.gridCode())));
    }

    public HouseholdView createHousehold(HouseholdDraft draft) {
        var fields = new Fields(codes, regions);
        String number = fields.text("householdNumber", draft.householdNumber(), "户号", 30, true);
        if (draft.houseId() == null) {
            fields.problem("houseId", "required", "所在房屋必填", "houseId is required");
        }
        if (draft.headResidentId() != null) {
            fields.problem("headResidentId", "not-member", "户主须为本户成员，请先登记成员", "the head must be a member");
        }
        fields.verify();
        var house = houseOfHousehold(draft.houseId());
        var now = clock.instant();
        long id = houses.insertHousehold(house.fields().gridCode(), number, house.id(), now);
        history.registered(HOUSEHOLD, id, house.fields().gridCode(), now);
        return household(id);
    }

    public HouseholdView updateHousehold(long id, HouseholdDraft draft) {
        var before = visibleHousehold(id);
        RecordState.requireActive(before.state(), "户");
        int version = RegistryHistory.version(draft.version());
        var fields = new Fields(codes, regions);
        String number = fields.text("householdNumber", draft.householdNumber(), "户号", 30, true);
        if (draft.houseId() == null) {
            fields.problem("houseId", "required", "所在房屋必填", "houseId is required");
        }
        if (draft.headResidentId() != null && !houses.isMember(id, draft.headResidentId())) {
            fields.problem("headResidentId", "not-member", "户主须为本户成员", "the head must be a member");
        }
        fields.verify();
        var house = houseOfHousehold(draft.houseId());
        var now = clock.instant();
        String grid = house.fields().gridCode();
        if (version != before.state().version()
                || !houses.updateHousehold(id, grid, number, house.id(), draft.headResidentId(), version, now)) {
            throw RecordState.stale("户", "household");
        }
        var changes = new Diff()
                .field("gridCode", before.gridCode(), grid)
                .field("householdNumber", before.householdNumber(), number)
                .field("houseId", before.houseId(), house.id())
                .field("headResidentId", before.headResidentId(), draft.headResidentId())
                .changes();
        history.changed(HOUSEHOLD, id, grid, changes, null, now);
        return household(id);
    }

    public HouseholdView retireHousehold(long id, Integer version, String reason) {
        var before = visibleHousehold(id);
        String why = RegistryHistory.reason(reason);
        int seen = RegistryHistory.version(version);
        var now = clock.instant();
        if (!retirements.retire(Retirements.Table.HOUSEHOLD, id, seen, why, now)) {
            throw RecordState.stale("户", "household");
        }
        history.retired(HOUSEHOLD, id, before.gridCode(), why, now);
        return household(id);
    }

    @Transactional(readOnly = true)
    public PageResult<ChangeRow> householdHistory(long id, PageQuery page) {
        visibleHousehold(id);
        return history.page(HOUSEHOLD, id, page);
    }

    /** Places a resident of the caller's scope in a household and its house; written to the resident's history. */
    public HouseholdView addMember(long householdId, Membership m) {
        var household = visibleHousehold(householdId);
        RecordState.requireActive(household.state(), "户");
        var fields = new Fields(codes, regions);
        if (m.residentId() == null) {
            fields.problem("residentId", "required", "人员必填", "residentId is required");
        }
        String relation = fields.code("relationToHead", "RELATION", m.relationToHead(), "与户主关系", true);
        fields.verify();
        var resident = RegistryScope.visible(residents.find(m.residentId(), scope.data()), "人员", "resident");
        RecordState.requireActive(
                new RecordState(null, null, resident.version(), resident.retiredAt(), resident.retiredReason()), "人员");
        var now = clock.instant();
        if (!residents.placeInHousehold(resident.id(), household.houseId(), householdId, relation, now)) {
            throw RecordState.stale("人员", "resident");
        }
        var changes = new Diff()
                .field("houseId", resident.houseId(), household.houseId())
                .field("householdId", resident.householdId(), householdId)
                .field("relationToHead", resident.relationToHead(), relation)
                .changes();
        history.changed(ResidentDesk.ENTITY, resident.id(), resident.gridCode(), changes, null, now);
        return household(householdId);
    }

    @Override
    HouseRepository.HouseFields checked(HouseDraft d, HouseRepository.HouseFields before, Fields fields) {
        String grid = fields.grid(d.gridCode());
        String address = fields.text("address", d.address(), "地址", 200, true);
        String building = fields.text("building", d.building(), "楼栋", 50, false);
        String unit = fields.text("unit", d.unit(), "单元", 50, false);
        String room = fields.text("room", d.room(), "房号", 50, false);
        String doorPlate = fields.text("doorPlate", d.doorPlate(), "门牌号", 100, false);
        String use = fields.code("use", "HOUSE_USE", d.use() == null ? "RESIDENTIAL" : d.use(), "房屋用途", true);
        String owner = fields.text("ownerName", d.ownerName(), "产权人", 50, false);
        String ownerPhone = fields.phone(
                "ownerPhone",
                before == null ? d.ownerPhone() : phones.keptIfMasked(d.ownerPhone(), before.ownerPhone()),
                "产权人电话");
        boolean rental = Boolean.TRUE.equals(d.rental());
        String landlord = fields.text("landlordName", d.landlordName(), "出租人", 50, rental);
        String landlordPhone = fields.phone(
                "landlordPhone",
                before == null ? d.landlordPhone() : phones.keptIfMasked(d.landlordPhone(), before.landlordPhone()),
                "出租人电话");
        fields.point(d.lon(), d.lat(), grid);
        return new HouseRepository.HouseFields(
                grid,
                address,
                building,
                unit,
                room,
                doorPlate,
                use,
                owner,
                phones.seal(ownerPhone),
                rental,
                rental ? landlord : null,
                rental ? phones.seal(landlordPhone) : null,
                d.lon(),
                d.lat());
    }

    /** The house a household is placed in: in scope and not retired, else 400 naming houseId. */
    private RecordTable.Row<HouseRepository.HouseFields> houseOfHousehold(long houseId) {
        return houses.find(houseId, scope.data())
                .filter(h -> !h.state().retired())
                .orElseThrow(() -> ProblemException.invalid("houseId", "unknown", "房屋不存在或已注销", "no such house"));
    }

    private HouseRepository.HouseholdRow visibleHousehold(long id) {
        return RegistryScope.visible(houses.findHousehold(id, scope.data()), "户", "household");
    }

    private HouseholdView householdView(
            HouseRepository.HouseholdRow h,
            List<HouseRepository.MemberRow> members,
            Disclosure disclosure,
            Function<String, String> gridName) {
        var own = members.stream()
                .filter(m -> Objects.equals(m.householdId(), h.id()))
                .map(m -> member(m, disclosure))
                .toList();
        String head = own.stream()
                .filter(m -> Objects.equals(m.id(), h.headResidentId()))
                .map(HouseholdMemberView::name)
                .findFirst()
                .orElse(null);
        var s = h.state();
        return new HouseholdView(
                h.id(),
                h.gridCode(),
                gridName.apply(h.gridCode()),
                h.householdNumber(),
                h.houseId(),
                h.headResidentId(),
                head,
                own,
                s.updatedAt(),
                s.version(),
                s.retiredAt(),
                s.retiredReason());
    }

    private HouseholdMemberView member(HouseRepository.MemberRow m, Disclosure disclosure) {
        return new HouseholdMemberView(
                m.id(),
                m.name(),
                disclosure.idNumber(personalData.masked(PersonalDataKind.ID_NUMBER, m.idNumber())),
                m.relationToHead(),
                m.relationToHead() == null
                        ? null
                        : codes.name("RELATION", m.relationToHead()).orElse(null));
    }

    private HouseView view(RecordTable.Row<HouseRepository.HouseFields> row, Function<String, String> gridName) {
        var h = row.fields();
        var s = row.state();
        return new HouseView(
                row.id(),
                h.gridCode(),
                gridName.apply(h.gridCode()),
                h.address(),
                h.building(),
                h.unit(),
                h.room(),
                h.doorPlate(),
                h.use(),
                codes.name("HOUSE_USE", h.use()).orElse(null),
                h.ownerName(),
                phones.masked(h.ownerPhone()),
                h.rental(),
                h.landlordName(),
                phones.masked(h.landlordPhone()),
                h.lon(),
                h.lat(),
                s.verifiedAt(),
                s.updatedAt(),
                s.version(),
                s.retiredAt(),
                s.retiredReason());
    }
}
