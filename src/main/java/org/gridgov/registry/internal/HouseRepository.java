package org.gridgov.registry.internal;

import static org.gridgov.common.LikePattern.like;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gridgov.common.BatchInsert;
import org.gridgov.common.DataScope;
import org.gridgov.common.ScopedData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Houses (实有房屋), the households (户) living in them and who belongs to each; every read binds the caller's scope
 * (region prefix and grids) against the grid code.
 */
@Repository
@ScopedData(tables = {"house", "household", "resident"})
class HouseRepository extends RecordTable<HouseRepository.HouseFields, HouseRepository.Filter> {

    /** A house's own fields, phones sealed. */
    record HouseFields(
            String gridCode,
            String address,
            String building,
            String unit,
            String room,
            String doorPlate,
            String use,
            String ownerName,
            byte[] ownerPhone,
            boolean rental,
            String landlordName,
            byte[] landlordPhone,
            Double lon,
            Double lat)
            implements RecordTable.InGrid {}

    record HouseholdRow(
            long id, String gridCode, String householdNumber, long houseId, Long headResidentId, RecordState state) {}

    /** A resident living in a house, with the household they belong to (if any) and their relation to its head. */
    record MemberRow(long id, String name, byte[] idNumber, String relationToHead, Long householdId) {}

    /** Every filter is optional; values are always bound. */
    record Filter(
            DataScope scope,
            String gridCode,
            String address,
            String addressContains,
            Boolean rental,
            String use,
            boolean includeRetired)
            implements RecordTable.Filter {}

    private static final String HOUSE_COLUMNS = "id, grid_code, address, building, unit, room, door_plate, use,"
            + " owner_name, owner_phone, rental, landlord_name, landlord_phone, lon, lat, " + RecordState.COLUMNS;

    private static final String HOUSEHOLD_COLUMNS =
            "id, grid_code, household_number, house_id, head_resident_id, " + RecordState.COLUMNS;

    private static final String CONDITIONS = """
               and (cast(:address as text) is null or address like :address || '%')
               and (cast(:fragment as text) is null or strpos(address, :fragment) > 0)
               and (cast(:rental as boolean) is null or rental = :rental)
               and (cast(:use as text) is null or use = :use)
            """;

    private static final String INSERT = """
            insert into house (id, grid_code, address, building, unit, room, door_plate, use, owner_name,
                owner_phone, rental, landlord_name, landlord_phone, lon, lat, verified_at, created_at, updated_at)
            values (:id, :grid, :address, :building, :unit, :room, :doorPlate, :use, :owner, :ownerPhone,
                :rental, :landlord, :landlordPhone, :lon, :lat, :at, :at, :at)""";

    private static final String UPDATE = """
            update house set grid_code = :grid, address = :address, building = :building, unit = :unit,
                room = :room, door_plate = :doorPlate, use = :use, owner_name = :owner,
                owner_phone = :ownerPhone, rental = :rental, landlord_name = :landlord,
                landlord_phone = :landlordPhone, lon = :lon, lat = :lat, verified_at = :at,
                updated_at = :at, version = version + 1
            where id = :id and version = :version and retired_at is null""";

    HouseRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        super(jdbc, named, "house", HOUSE_COLUMNS, CONDITIONS, INSERT, UPDATE);
    }

    /** A household to insert: its grid, number and house. */
    record NewHousehold(String gridCode, String householdNumber, long houseId) {}

    long insertHousehold(String gridCode, String householdNumber, long houseId, Instant now) {
        return insertHouseholds(List.of(new NewHousehold(gridCode, householdNumber, houseId)), now)
                .getFirst();
    }

    /** Inserts households as one batch; their ids in the order given. */
    List<Long> insertHouseholds(List<NewHousehold> households, Instant now) {
        return BatchInsert.insert(
                jdbc,
                named,
                "household",
                """
                insert into household (id, grid_code, household_number, house_id, created_at, updated_at)
                values (:id, :grid, :number, :house, :at, :at)""",
                households,
                h -> new MapSqlParameterSource()
                        .addValue("grid", h.gridCode())
                        .addValue("number", h.householdNumber())
                        .addValue("house", h.houseId())
                        .addValue("at", ts(now)));
    }

    /**
     * Makes the member whose relation to the head is 户主 the head of each household that has none; for households
     * inserted in bulk, whose members came after them.
     */
    int setHeadsByRelation() {
        return jdbc.sql("""
                        update household h set head_resident_id = r.id
                        from resident r
                        where r.household_id = h.id and r.relation_to_head = '02' and r.retired_at is null
                          and h.head_resident_id is null""").update();
    }

    boolean updateHousehold(
            long id, String gridCode, String householdNumber, long houseId, Long head, int version, Instant now) {
        return jdbc.sql("""
                        update household set grid_code = :grid, household_number = :number, house_id = :house,
                            head_resident_id = :head, updated_at = :at, version = version + 1
                        where id = :id and version = :version and retired_at is null""")
                        .param("id", id)
                        .param("grid", gridCode)
                        .param("number", householdNumber)
                        .param("house", houseId)
                        .param("head", head)
                        .param("version", version)
                        .param("at", ts(now))
                        .update()
                == 1;
    }

    Optional<HouseholdRow> findHousehold(long id, DataScope scope) {
        return jdbc.sql("select " + HOUSEHOLD_COLUMNS
                        + " from household where id = :id and grid_code like :prefix || '%' and "
                        + DataScope.inGrids("grid_code"))
                .param("id", id)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(HouseRepository::household)
                .optional();
    }

    List<HouseholdRow> householdsOf(long houseId, DataScope scope) {
        return jdbc.sql("select " + HOUSEHOLD_COLUMNS + " from household where house_id = :house"
                        + " and grid_code like :prefix || '%' and " + DataScope.inGrids("grid_code")
                        + " and retired_at is null order by id")
                .param("house", houseId)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(HouseRepository::household)
                .list();
    }

    long activeHouseholds(long houseId) {
        return jdbc.sql("select count(*) from household where house_id = :house and retired_at is null")
                .param("house", houseId)
                .query(Long.class)
                .single();
    }

    /** The residents living in a house or belonging to one of its households, head first. */
    List<MemberRow> membersOf(long houseId, DataScope scope) {
        return jdbc.sql("""
                        select r.id, r.name, r.id_number, r.relation_to_head, r.household_id from resident r
                        where r.grid_code like :prefix || '%' and r.retired_at is null
                          and """ + DataScope.inGrids("r.grid_code") + """
                          and (r.house_id = :house or r.household_id in
                                (select h.id from household h where h.house_id = :house and h.retired_at is null))
                        order by r.household_id nulls last, r.relation_to_head nulls last, r.id""")
                .param("house", houseId)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query((rs, n) -> new MemberRow(
                        rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getObject(5, Long.class)))
                .list();
    }

    boolean isMember(long householdId, long residentId) {
        return jdbc.sql("select exists (select 1 from resident where id = :resident and household_id = :household"
                        + " and retired_at is null)")
                .param("resident", residentId)
                .param("household", householdId)
                .query(Boolean.class)
                .single();
    }

    @Override
    JdbcClient.StatementSpec bindOwn(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("address", like(f.address()))
                .param("fragment", f.addressContains())
                .param("rental", f.rental())
                .param("use", f.use());
    }

    @Override
    MapSqlParameterSource params(HouseFields h) {
        return new MapSqlParameterSource()
                .addValue("grid", h.gridCode())
                .addValue("address", h.address())
                .addValue("building", h.building())
                .addValue("unit", h.unit())
                .addValue("room", h.room())
                .addValue("doorPlate", h.doorPlate())
                .addValue("use", h.use())
                .addValue("owner", h.ownerName())
                .addValue("ownerPhone", h.ownerPhone())
                .addValue("rental", h.rental())
                .addValue("landlord", h.landlordName())
                .addValue("landlordPhone", h.landlordPhone())
                .addValue("lon", h.lon())
                .addValue("lat", h.lat());
    }

    @Override
    HouseFields fields(ResultSet rs) throws SQLException {
        return new HouseFields(
                rs.getString("grid_code"),
                rs.getString("address"),
                rs.getString("building"),
                rs.getString("unit"),
                rs.getString("room"),
                rs.getString("door_plate"),
                rs.getString("use"),
                rs.getString("owner_name"),
                rs.getBytes("owner_phone"),
                rs.getBoolean("rental"),
                rs.getString("landlord_name"),
                rs.getBytes("landlord_phone"),
                rs.getObject("lon", Double.class),
                rs.getObject("lat", Double.class));
    }

    private static HouseholdRow household(ResultSet rs, int n) throws SQLException {
        return new HouseholdRow(
                rs.getLong("id"),
                rs.getString("grid_code"),
                rs.getString("household_number"),
                rs.getLong("house_id"),
                rs.getObject("head_resident_id", Long.class),
                RecordState.of(rs));
    }
}
