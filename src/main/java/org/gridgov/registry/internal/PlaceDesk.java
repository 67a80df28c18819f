package org.gridgov.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.gridgov.common.PersonalDataKind;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the places (场所) of the caller's scope: adds, changes (into the history), retires with a reason, finds. */
@Service
@Transactional
public class PlaceDesk
        extends RecordDesk<
                PlaceRepository.PlaceFields,
                PlaceRepository.Filter,
                PlaceDesk.PlaceQuery,
                PlaceDesk.PlaceDraft,
                PlaceDesk.PlaceView,
                PlaceDesk.PlaceView> {

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
            Integer version)
            implements RecordDesk.Draft {}

    /** A place as the console shows it, the phone masked. */
    public record PlaceView(
            long id,
            String gridCode,
            String gridName,
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

    PlaceDesk(
            RegistryScope scope,
            PlaceRepository places,
            RegistryHistory history,
            Retirements retirements,
            Phones phones,
            CodeSets codes,
            RegionApi regions,
            GridNames gridNames,
            Clock clock) {
        super(
                new Kind(ENTITY, "场所", "place", Retirements.Table.PLACE),
                places,
                scope,
                history,
                retirements,
                phones,
                codes,
                regions,
                gridNames,
                clock);
    }

    @Override
    PlaceRepository.Filter filter(PlaceQuery q) {
        return new PlaceRepository.Filter(
                scope.data(),
                ResidentRules.trim(q.gridCode()),
                ResidentRules.trim(q.name()),
                ResidentRules.trim(q.type()),
                ResidentRules.trim(q.keyFlag()),
                Boolean.TRUE.equals(q.includeRetired()));
    }

    @Override
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

    @Override
    Diff diff(PlaceRepository.PlaceFields before, PlaceRepository.PlaceFields after) {
        return new Diff()
                .field("gridCode", before.gridCode(), after.gridCode())
                .field("name", before.name(), after.name())
                .field("type", before.type(), after.type())
                .field("keyFlags", before.keyFlags(), after.keyFlags())
                .field("address", before.address(), after.address())
                .field("responsibleName", before.responsibleName(), after.responsibleName())
                .personal(
                        "responsiblePhone",
                        PersonalDataKind.PHONE,
                        phones.open(before.responsiblePhone()),
                        phones.open(after.responsiblePhone()))
                .field("lon", before.lon(), after.lon())
                .field("lat", before.lat(), after.lat());
    }

    @Override
    PlaceView listed(RecordTable.Row<PlaceRepository.PlaceFields> row, Function<String, String> gridName) {
        return view(row, gridName);
    }

    @Override
    PlaceView shown(RecordTable.Row<PlaceRepository.PlaceFields> row, Function<String, String> gridName) {
        return view(row, gridName);
    }

    private PlaceView view(RecordTable.Row<PlaceRepository.PlaceFields> row, Function<String, String> gridName) {
        var p = row.fields();
        var s = row.state();
        return new PlaceView(
                row.id(),
                p.gridCode(),
                gridName.apply(p.gridCode()),
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
