package org.gridgov.registry.web;

import org.gridgov.registry.internal.HouseDesk;
import org.gridgov.registry.internal.HouseDesk.HouseDetail;
import org.gridgov.registry.internal.HouseDesk.HouseDraft;
import org.gridgov.registry.internal.HouseDesk.HouseQuery;
import org.gridgov.registry.internal.HouseDesk.HouseView;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The houses (实有房屋) of the caller's scope; a house is shown, and answered after a change, with its households,
 * their members, and the residents living there outside them.
 */
@RestController
@RequestMapping("/api/registry/houses")
class HouseController extends RecordController<HouseQuery, HouseDraft, HouseView, HouseDetail> {

    HouseController(HouseDesk desk) {
        super(desk);
    }
}
