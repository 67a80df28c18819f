package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the places (场所) of the caller's scope: adds, changes (into the history), retires with a reason, finds. */
@Service
@Transactional
public class PlaceDesk {

    static final String ENTITY = "place";

    /** A place as a form sends it; {@code version} only on change. A phone sent back masked stays as it is. */
    public record PlaceDraft(
            String gridCode,
            String name,
            String type,
            List<String> keyFlags,
            String address,
            String responsibleName,
            String responsiblePhone,
            Double lon,
            Double lat,
            Integer version) {}

    /** A place as the console shows it, the phone masked. */
    public record PlaceView(
            long id,
            String gridCode,
            String name,
            String type,
            String typeName,
            List<String> keyFlags,
            String address,
            String responsibleName,
            String responsiblePhone,
            Double lon,
            Double lat,
            Instant verifiedAt,
            Instant updatedAt,
            int version,
            Instant retiredAt,
            String retiredReason) {}

    /** The query of a place search; every part optional: grid prefix, name fragment, type, key-unit flag. */
    public record PlaceQuery(String gridCode, String name, String type, String keyFlag, Boolean includeRetired) {}

    private final RegistryScope scope;
    private final PlaceRepository places;
    private final RegistryHistory history;
    private final Retirements retirements;
    private final Phones phones;
    private final CodeSets codes;
    private final RegionApi regions;
    private final Clock clock;

    PlaceDesk(
            RegistryScope scope,
            PlaceRepository places,
            RegistryHistory history,
            Retirements retirements,
            Phones phones,
            CodeSets codes,
            RegionApi regions,
            Clock clock) {
        this.scope = scope;
        this.places = places;
        this.history = history;
        this.retirements = retirements;
        this.phones = phones;
        this.codes = codes;
        this.regions = regions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<PlaceView> search(PlaceQuery q, PageQuery page) {
        var filter = filter(q);
        return PageResult.of(
                places.search(filter, page).stream().map(this::view).toList(), page, places.count(filter));
    }

    /** Every place a search finds in the caller's scope, masked, one at a time through a cursor. */
    @Transactional(readOnly = true)
    public void forEachFound(PlaceQuery q, java.util.function.Consumer<PlaceView> each) {
        places.forEach(filter(q), p -> each.accept(view(p)));
    }

    private PlaceRepository.Filter filter(PlaceQuery q) {
        return new PlaceRepository.Filter(
                scope.prefix(),
                ResidentRules.trim(q.gridCode()),
                ResidentRules.trim(q.name()),
                ResidentRules.trim(q.type()),
                ResidentRules.trim(q.keyFlag()),
                Boolean.TRUE.equals(q.includeRetired()));
    }

    @Transactional(readOnly = true)
    public PlaceView get(long id) {
        return view(visible(id));
    }

    public PlaceView create(PlaceDraft draft) {
        var fields = checked(draft, null);
        var now = clock.instant();
        long id = places.insert(fields, now);
        history.registered(ENTITY, id, fields.gridCode(), now);
        return get(id);
    }

    public PlaceView update(long id, PlaceDraft draft) {
        var before = visible(id);
        RecordState.requireActive(before.state(), "场所");
        int version = RegistryHistory.version(draft.version());
        var after = checked(draft, before.fields());
        var now = clock.instant();
        if (version != before.state().version() || !places.update(id, after, version, now)) {
            throw RecordState.stale("场所", "place");
        }
        var a = before.fields();
        var changes = new Diff()
                .field("gridCode", a.gridCode(), after.gridCode())
                .field("name", a.name(), after.name())
                .field("type", a.type(), after.type())
                .field("keyFlags", a.keyFlags(), after.keyFlags())
                .field("address", a.address(), after.address())
                .field("responsibleName", a.responsibleName(), after.responsibleName())
                .personal(
                        "responsiblePhone",
                        PersonalDataKind.PHONE,
                        phones.open(a.responsiblePhone()),
                        phones.open(after.responsiblePhone()))
                .field("lon", a.lon(), after.lon())
                .field("lat", a.lat(), after.lat())
                .changes();
        history.changed(ENTITY, id, after.gridCode(), changes, null, now);
        return get(id);
    }

    /** Retires a place (closed, moved away, entered in error): logical, with a reason. */
    public PlaceView retire(long id, Integer version, String reason) {
        var before = visible(id);
        String why = RegistryHistory.reason(reason);
        int seen = RegistryHistory.version(version);
        var now = clock.instant();
        if (!retirements.retire(Retirements.Table.PLACE, id, seen, why, now)) {
            throw RecordState.stale("场所", "place");
        }
        history.retired(ENTITY, id, before.fields().gridCode(), why, now);
        return get(id);
    }

    @Transactional(readOnly = true)
    public PageResult<ChangeRow> history(long id, PageQuery page) {
        visible(id);
        return history.page(ENTITY, id, page);
    }

    private PlaceRepository.PlaceFields checked(PlaceDraft d, PlaceRepository.PlaceFields before) {
        var fields = new Fields(codes, regions);
        var checked = checked(d, before, fields);
        fields.verify();
        scope.requireCovers(checked.gridCode());
        return checked;
    }

    /** The form's rules on a draft, the problems collected in {@code fields}; an import runs them row by row. */
    PlaceRepository.PlaceFields checked(PlaceDraft d, PlaceRepository.PlaceFields before, Fields fields) {
        String grid = fields.grid(d.gridCode());
        String name = fields.text("name", d.name(), "场所名称", 100, true);
        String type = fields.code("type", "PLACE_TYPE", d.type(), "场所类型", true);
        var flags = fields.codes("keyFlags", "KEY_UNIT_FLAG", d.keyFlags(), "重点单位类别");
        String address = fields.text("address", d.address(), "地址", 200, true);
        String responsible = fields.text("responsibleName", d.responsibleName(), "负责人", 50, false);
        String phone = fields.phone(
                "responsiblePhone",
                before == null
                        ? d.responsiblePhone()
                        : phones.keptIfMasked(d.responsiblePhone(), before.responsiblePhone()),
                "负责人电话");
        fields.point(d.lon(), d.lat(), grid);
        return new PlaceRepository.PlaceFields(
                grid, name, type, flags, address, responsible, phones.seal(phone), d.lon(), d.lat());
    }

    private PlaceRepository.PlaceRow visible(long id) {
        return RegistryScope.visible(places.find(id, scope.prefix()), "场所", "place");
    }

    private PlaceView view(PlaceRepository.PlaceRow row) {
        var p = row.fields();
        var s = row.state();
        return new PlaceView(
                row.id(),
                p.gridCode(),
                p.name(),
                p.type(),
                codes.name("PLACE_TYPE", p.type()).orElse(null),
                p.keyFlags(),
                p.address(),
                p.responsibleName(),
                phones.masked(p.responsiblePhone()),
                p.lon(),
                p.lat(),
                s.verifiedAt(),
                s.updatedAt(),
                s.version(),
                s.retiredAt(),
                s.retiredReason());
    }
}
