package org.gridgov.team.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gridgov.common.Permissions;
import org.gridgov.common.ProblemException;
import org.gridgov.common.RequiresPermission;
import org.gridgov.common.Xlsx;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Rosters kept in a workbook: the template to fill in, and the import with a reason for every row refused. */
@RestController
@RequestMapping("/api/teams")
class RosterImportController {

    private final RosterImport imports;

    RosterImportController(RosterImport imports) {
        this.imports = imports;
    }

    @GetMapping("/import/template")
    @RequiresPermission(Permissions.TEAM_WRITE)
    void template(HttpServletResponse response) throws IOException {
        Xlsx.attachment(response, "网格队伍花名册导入模板.xlsx");
        imports.writeTemplate(response.getOutputStream());
    }

    @PostMapping("/imports")
    @RequiresPermission(Permissions.TEAM_WRITE)
    RosterImport.Outcome run(@RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw ProblemException.invalid("file", "required", "请选择要导入的 xlsx 文件", "an xlsx file is required");
        }
        try (var in = file.getInputStream()) {
            return imports.run(in);
        }
    }
}
