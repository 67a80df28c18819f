package org.gridgov.team.internal;

import java.time.LocalDate;
import org.gridgov.common.PageQuery;
import org.gridgov.common.PageResult;
import org.gridgov.common.Permissions;
import org.gridgov.common.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The grid boards (公示牌) to print, for those who keep the teams. */
@RestController
@RequestMapping("/api/teams")
class BoardController {

    /** A board page prints whole grids; a township's boards come a few dozen at a time. */
    private static final int MAX_BOARDS = 50;

    private final BoardDesk desk;

    BoardController(BoardDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/boards")
    @RequiresPermission(Permissions.TEAM_WRITE)
    PageResult<BoardDesk.Board> boards(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return desk.boards(region, on, PageQuery.of(page, size, MAX_BOARDS));
    }
}
