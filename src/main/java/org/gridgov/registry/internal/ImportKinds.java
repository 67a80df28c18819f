package org.gridgov.registry.internal;

import java.util.List;
import java.util.Set;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Component;

/** For each register kept in workbooks, the columns its import expects and the rows of a new job. */
@Component
class ImportKinds {

    private final ResidentRules rules;
    private final ResidentDesk residentDesk;
    private final ResidentRepository residents;
    private final HouseDesk houseDesk;
    private final HouseRepository houses;
    private final PlaceDesk placeDesk;
    private final PlaceRepository places;
    private final RegisteredOrganizationDesk organizationDesk;
    private final RegisteredOrganizationRepository organizations;
    private final RecordWorkbooks workbooks;
    private final RegistryHistory history;
    private final CodeSets codes;
    private final RegionApi regions;

    ImportKinds(
            ResidentRules rules,
            ResidentDesk residentDesk,
            ResidentRepository residents,
            HouseDesk houseDesk,
            HouseRepository houses,
            PlaceDesk placeDesk,
            PlaceRepository places,
            RegisteredOrganizationDesk organizationDesk,
            RegisteredOrganizationRepository organizations,
            RecordWorkbooks workbooks,
            RegistryHistory history,
            CodeSets codes,
            RegionApi regions) {
        this.rules = rules;
        this.residentDesk = residentDesk;
        this.residents = residents;
        this.houseDesk = houseDesk;
        this.houses = houses;
        this.placeDesk = placeDesk;
        this.places = places;
        this.organizationDesk = organizationDesk;
        this.organizations = organizations;
        this.workbooks = workbooks;
        this.history = history;
        this.codes = codes;
        this.regions = regions;
    }

    List<? extends SheetColumn> columns(RecordKind kind) {
        return kind == RecordKind.RESIDENT
                ? ResidentSheet.COLUMNS
                : workbooks.sheet(kind).columns();
    }

    ImportRows<?, ?> rows(RecordKind kind, ImportScope job) {
        return switch (kind) {
            case RESIDENT -> new ResidentRows(job, rules, residentDesk, residents, history, codes, regions);
            case HOUSE ->
                records(
                        job,
                        new RecordRows.Register<>(
                                HouseDesk.HOUSE,
                                (HouseSheet) workbooks.sheet(kind),
                                (d, fields) -> houseDesk.checked(d, null, fields),
                                HouseRepository.HouseFields::gridCode,
                                h -> null,
                                keys -> Set.of(),
                                null,
                                houses::insertAll));
            case PLACE ->
                records(
                        job,
                        new RecordRows.Register<>(
                                PlaceDesk.ENTITY,
                                (PlaceSheet) workbooks.sheet(kind),
                                (d, fields) -> placeDesk.checked(d, null, fields),
                                PlaceRepository.PlaceFields::gridCode,
                                p -> null,
                                keys -> Set.of(),
                                null,
                                places::insertAll));
            case ORGANIZATION ->
                records(
                        job,
                        new RecordRows.Register<>(
                                RegisteredOrganizationDesk.ENTITY,
                                (OrganizationSheet) workbooks.sheet(kind),
                                (d, fields) -> organizationDesk.checked(d, null, fields),
                                RegisteredOrganizationRepository.OrganizationFields::gridCode,
                                RegisteredOrganizationRepository.OrganizationFields::creditCode,
                                organizations::takenCodes,
                                RegisteredOrganizationDesk.DUPLICATE,
                                organizations::insertAll));
        };
    }

    private <D, F> RecordRows<D, F> records(ImportScope job, RecordRows.Register<D, F> register) {
        return new RecordRows<>(job, register, history, codes, regions);
    }
}
