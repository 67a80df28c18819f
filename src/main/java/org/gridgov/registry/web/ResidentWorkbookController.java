package org.gridgov.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gridgov.common.FieldProblem;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.ProblemException;
import org.gridgov.common.RequiresPermission;
import org.gridgov.common.Xlsx;
import org.gridgov.registry.internal.ImportRejection;
import org.gridgov.registry.internal.ImportView;
import org.gridgov.registry.internal.RecordKind;
import org.gridgov.registry.internal.RegistryImports;
import org.gridgov.registry.internal.ResidentDesk.SearchQuery;
import org.gridgov.registry.internal.ResidentWorkbooks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Registry workbooks: the resident import template and masked export, and the import jobs of every register
 * (residents, houses, places, organizations) with their reports.
 */
@RestController
@RequestMapping("/api/registry")
class ResidentWorkbookController {

    private final ResidentWorkbooks workbooks;
    private final RegistryImports imports;

    ResidentWorkbookController(ResidentWorkbooks workbooks, RegistryImports imports) {
        this.workbooks = workbooks;
        this.imports = imports;
    }

    @GetMapping("/residents/template")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    void template(HttpServletResponse response) throws IOException {
        Xlsx.attachment(response, "实有人口导入模板.xlsx");
        workbooks.writeTemplate(response.getOutputStream());
    }

    /** Starts an import of a filled-in template ({@code file}); poll the job it answers with. */
    @PostMapping("/residents/imports")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    ResponseEntity<ImportView> importResidents(@RequestParam(required = false) MultipartFile file) throws IOException {
        return startImport(RecordKind.RESIDENT, file);
    }

    @PostMapping("/houses/imports")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    ResponseEntity<ImportView> importHouses(@RequestParam(required = false) MultipartFile file) throws IOException {
        return startImport(RecordKind.HOUSE, file);
    }

    @PostMapping("/places/imports")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    ResponseEntity<ImportView> importPlaces(@RequestParam(required = false) MultipartFile file) throws IOException {
        return startImport(RecordKind.PLACE, file);
    }

    @PostMapping("/organizations/imports")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    ResponseEntity<ImportView> importOrganizations(@RequestParam(required = false) MultipartFile file)
            throws IOException {
        return startImport(RecordKind.ORGANIZATION, file);
    }

    private ResponseEntity<ImportView> startImport(RecordKind kind, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid(java.util.List.of(
                    new FieldProblem("file", "empty", "请上传 xlsx 文件，文件不能为空", "upload a non-empty xlsx file")));
        }
        try (var content = file.getInputStream()) {
            var job = imports.start(kind, file.getOriginalFilename(), content);
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .header("Location", "/api/registry/imports/" + job.id())
                    .body(job);
        }
    }

    @GetMapping("/imports/{id}")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    ImportView progress(@PathVariable long id) {
        return imports.get(id);
    }

    @GetMapping("/imports/{id}/rejections")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    PageResult<ImportRejection> rejections(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return imports.rejections(id, PageQuery.of(page, size));
    }

    @GetMapping("/imports/{id}/rejections/export")
    @RequiresPermission(Permissions.REGISTRY_IMPORT)
    void exportRejections(@PathVariable long id, HttpServletResponse response) throws IOException {
        // Looked up before the download starts, so that a job the caller may not see is a plain 404.
        var job = imports.get(id);
        Xlsx.attachment(response, "未导入的行-" + id + ".xlsx");
        imports.writeRejections(job, response.getOutputStream());
    }

    /** The search of {@code GET /residents} as a workbook, masked; {@code purpose} is required and audited. */
    @GetMapping("/residents/export")
    @RequiresPermission(Permissions.REGISTRY_EXPORT)
    void export(SearchQuery filter, @RequestParam(required = false) String purpose, HttpServletResponse response)
            throws IOException {
        ResidentWorkbooks.requirePurpose(purpose);
        workbooks.check(filter);
        Xlsx.attachment(response, "实有人口.xlsx");
        workbooks.export(filter, purpose, response.getOutputStream());
    }
}
