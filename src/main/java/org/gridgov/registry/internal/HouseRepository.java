package org.gridgov.registry.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Houses (实有房屋) and the households (户) living in them. */
@Repository
@ScopedData(tables = {"house", "household"})
class HouseRepository {

    /** A house as it is first recorded. */
    record NewHouse(
            String gridCode,
            String address,
            String building,
            String unit,
            String room,
            String doorPlate,
            String use,
            String ownerName,
            boolean rental,
            String landlordName,
            Double lon,
            Double lat) {}

    private final JdbcClient jdbc;

    HouseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertHouse(NewHouse h, Instant now) {
        return jdbc.sql("""
                        insert into house (grid_code, address, building, unit, room, door_plate, use, owner_name,
                            rental, landlord_name, lon, lat, verified_at, created_at, updated_at)
                        values (:grid, :address, :building, :unit, :room, :doorPlate, :use, :owner, :rental,
                            :landlord, :lon, :lat, :at, :at, :at)
                        returning id""")
                .param("grid", h.gridCode())
                .param("address", h.address())
                .param("building", h.building())
                .param("unit", h.unit())
                .param("room", h.room())
                .param("doorPlate", h.doorPlate())
                .param("use", h.use())
                .param("owner", h.ownerName())
                .param("rental", h.rental())
                .param("landlord", h.landlordName())
                .param("lon", h.lon())
                .param("lat", h.lat())
                .param("at", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    long insertHousehold(String gridCode, String householdNumber, long houseId, Instant now) {
        return jdbc.sql("""
                        insert into household (grid_code, household_number, house_id, created_at, updated_at)
                        values (:grid, :number, :house, :at, :at)
                        returning id""")
                .param("grid", gridCode)
                .param("number", householdNumber)
                .param("house", houseId)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    void setHead(long householdId, long residentId) {
        jdbc.sql("update household set head_resident_id = :resident where id = :id")
                .param("id", householdId)
                .param("resident", residentId)
                .update();
    }

    boolean anyHouse() {
        return jdbc.sql("select exists (select 1 from house)")
                .query(Boolean.class)
                .single();
    }
}
