package org.gridgov.registry.web;

import org.gridgov.registry.internal.PlaceDesk;
import org.gridgov.registry.internal.PlaceDesk.PlaceDraft;
import org.gridgov.registry.internal.PlaceDesk.PlaceQuery;
import org.gridgov.registry.internal.PlaceDesk.PlaceView;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The places (场所) of the caller's scope: shops, venues, schools, clinics, key units. */
@RestController
@RequestMapping("/api/registry/places")
class PlaceController extends RecordController<PlaceQuery, PlaceDraft, PlaceView, PlaceView> {

    PlaceController(PlaceDesk desk) {
        super(desk);
    }
}
