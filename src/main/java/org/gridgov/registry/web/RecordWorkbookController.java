package org.gridgov.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.gridgov.common.Xlsx;
import org.gridgov.registry.internal.HouseDesk.HouseQuery;
import org.gridgov.registry.internal.PlaceDesk.PlaceQuery;
import org.gridgov.registry.internal.RecordKind;
import org.gridgov.registry.internal.RecordWorkbooks;
import org.gridgov.registry.internal.RegisteredOrganizationDesk.OrganizationQuery;
import org.gridgov.registry.internal.ResidentWorkbooks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Houses, places and organizations in Excel workbooks: the masked exports of their lists, each with a required and
 * audited {@code purpose}, and the import templates.
 */
@RestController
@RequestMapping("/api/registry")
class RecordWorkbookController {

    private final RecordWorkbooks workbooks;

    RecordWorkbookController(RecordWorkbooks workbooks) {
        this.workbooks = workbooks;
    }

    /** The search of {@code GET /houses} as a workbook, phones masked. */
    @GetMapping("/houses/export")
    @RequiresPermission(Permissions.REGISTRY_EXPORT)
    void exportHouses(HouseQuery filter, @RequestParam(required = false) String purpose, HttpServletResponse response)
            throws IOException {
        ResidentWorkbooks.requirePurpose(purpose);
        Xlsx.attachment(response, RecordKind.HOUSE.label() + ".xlsx");
        workbooks.exportHouses(filter, purpose, response.getOutputStream());
    }

    /** The search of {@code GET /places} as a workbook, phones masked. */
    @GetMapping("/places/export")
    @RequiresPermission(Permissions.REGISTRY_EXPORT)
    void exportPlaces(PlaceQuery filter, @RequestParam(required = false) String purpose, HttpServletResponse response)
            throws IOException {
        ResidentWorkbooks.requirePurpose(purpose);
        Xlsx.attachment(response, RecordKind.PLACE.label() + ".xlsx");
        workbooks.exportPlaces(filter, purpose, response.getOutputStream());
    }

    /** The search of {@code GET /organizations} as a workbook, phones masked. */
    @GetMapping("/organizations/export")
    @RequiresPermission(Permissions.REGISTRY_EXPORT)
    void exportOrganizations(
            OrganizationQuery filter, @RequestParam(required = false) String purpose, HttpServletResponse response)
            throws IOException {
        ResidentWorkbooks.requirePurpose(purpose);
        Xlsx.attachment(response, RecordKind.ORGANIZATION.label() + ".xlsx");
        workbooks.exportOrganizations(filter, purpose, response.getOutputStream());
    }

    @GetMapping("/houses/template")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    void houseTemplate(HttpServletResponse response) throws IOException {
        template(RecordKind.HOUSE, response);
    }

    @GetMapping("/places/template")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    void placeTemplate(HttpServletResponse response) throws IOException {
        template(RecordKind.PLACE, response);
    }

    @GetMapping("/organizations/template")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    void organizationTemplate(HttpServletResponse response) throws IOException {
        template(RecordKind.ORGANIZATION, response);
    }

    private void template(RecordKind kind, HttpServletResponse response) throws IOException {
        Xlsx.attachment(response, kind.label() + "导入模板.xlsx");
        workbooks.writeTemplate(kind, response.getOutputStream());
    }
}
