package org.gridgov.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.gridgov.registry.internal.HouseDesk.HouseQuery;
import org.gridgov.registry.internal.PlaceDesk.PlaceQuery;
import org.gridgov.registry.internal.RegisteredOrganizationDesk.OrganizationQuery;
import org.springframework.stereotype.Service;

/** The house, place and organization workbooks a caller downloads: import templates and masked exports. */
@Service
public class RecordWorkbooks {

    private final HouseDesk houses;
    private final PlaceDesk places;
    private final RegisteredOrganizationDesk organizations;
    private final HouseSheet houseSheet;
    private final PlaceSheet placeSheet;
    private final OrganizationSheet organizationSheet;
    private final CodeSets codes;
    private final PersonalReads reads;

    RecordWorkbooks(
            HouseDesk houses,
            PlaceDesk places,
            RegisteredOrganizationDesk organizations,
            HouseSheet houseSheet,
            PlaceSheet placeSheet,
            OrganizationSheet organizationSheet,
            CodeSets codes,
            PersonalReads reads) {
        this.houses = houses;
        this.places = places;
        this.organizations = organizations;
        this.houseSheet = houseSheet;
        this.placeSheet = placeSheet;
        this.organizationSheet = organizationSheet;
        this.codes = codes;
        this.reads = reads;
    }

    RecordSheet<?, ?> sheet(RecordKind kind) {
        return switch (kind) {
            case HOUSE -> houseSheet;
            case PLACE -> placeSheet;
            case ORGANIZATION -> organizationSheet;
            case RESIDENT -> throw new IllegalArgumentException("residents have a sheet of their own");
        };
    }

    /**
     * The template: the headers over empty, text-formatted rows; an example on a sheet of its own; and a sheet of the
     * values each coded column takes.
     */
    public void writeTemplate(RecordKind kind, OutputStream out) throws IOException {
        var sheet = sheet(kind);
        var writer = SheetWriter.open(out, sheet.title(), sheet.columns());
        writer.example(sheet.columns(), sheet.example());
        var list = writer.workbook().newWorksheet("代码表");
        list.value(0, 0, "代码集");
        list.value(0, 1, "代码");
        list.value(0, 2, "名称");
        list.value(0, 3, "说明");
        int row = 1;
        var all = codes.list();
        for (String set : sheet.codeSets()) {
            for (var value : all.getOrDefault(set, java.util.List.of())) {
                list.value(row, 0, set);
                list.value(row, 1, value.code());
                list.value(row, 2, value.name());
                row++;
            }
        }
        list.value(1, 3, sheet.hint());
        writer.finish();
    }

    /** Streams every house a search finds in the caller's scope, phones masked; the purpose is required. */
    public void exportHouses(HouseQuery query, String purpose, OutputStream out) throws IOException {
        export(houseSheet, each -> houses.forEachFound(query, each), purpose, "house-export", query, out);
    }

    /** Streams every place a search finds in the caller's scope, phones masked; the purpose is required. */
    public void exportPlaces(PlaceQuery query, String purpose, OutputStream out) throws IOException {
        export(placeSheet, each -> places.forEachFound(query, each), purpose, "place-export", query, out);
    }

    /** Streams every organization a search finds in the caller's scope, phones masked; the purpose is required. */
    public void exportOrganizations(OrganizationQuery query, String purpose, OutputStream out) throws IOException {
        export(
                organizationSheet,
                each -> organizations.forEachFound(query, each),
                purpose,
                "organization-export",
                query,
                out);
    }

    /**
     * Writes the rows and audits the export with what was asked (the query holds no ID number nor phone) and how many
     * rows went out: owners, landlords and responsible persons are people, and their names and phones leave with it.
     */
    private <V> void export(
            RecordSheet<?, V> sheet,
            Consumer<Consumer<V>> found,
            String purpose,
            String what,
            Record query,
            OutputStream out)
            throws IOException {
        ResidentWorkbooks.requirePurpose(purpose);
        var writer = SheetWriter.open(out, sheet.title(), sheet.columns());
        long[] rows = {0};
        found.accept(view -> {
            rows[0]++;
            writer.row(sheet.cells(view));
        });
        writer.finish();
        reads.exported(what, purpose.strip(), query.toString(), rows[0]);
    }
}
