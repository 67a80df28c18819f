package org.gridgov.registry.internal;

import static org.gridgov.common.LikePattern.like;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridgov.common.DataScope;
import org.gridgov.common.PageQuery;
import org.gridgov.common.ScopedData;
import org.gridgov.registry.ResidentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The resident table; every read binds the caller's scope (region prefix and grids) against the grid code. */
@Repository
@ScopedData(tables = {"resident", "house"})
class ResidentRepository {

    static final String COLUMNS = """
            id, grid_code, name, id_number, id_number_hash, sex, ethnicity, birth_date, registered_region,
            registered_address, current_address, house_id, household_id, relation_to_head, phone, phone_hash,
            education, political_status, religion, occupation, employer, kind, kind_details, tags, verified_at,
            created_at, updated_at, version, retired_at, retired_reason, retired_in_error""";

    private static final String UNIT_SEPARATOR = "\u001f";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {};

    /** Every filter is optional; a null parameter matches all rows, and values are always bound. */
    record Filter(
            DataScope scope,
            byte[] idNumberHash,
            byte[] phoneHash,
            String namePrefix,
            String[] nameGrams,
            String nameFragment,
            String gridCode,
            String kind,
            String tag,
            String address,
            boolean includeRetired) {}

    private static final String WHERE =
            " where r.grid_code like :prefix || '%' and " + DataScope.inGrids("r.grid_code") + """
               and (cast(:idHash as bytea) is null or r.id_number_hash = :idHash)
               and (cast(:phoneHash as bytea) is null or r.phone_hash = :phoneHash)
               and (cast(:namePrefix as text) is null or r.name like :namePrefix || '%')
               and (cast(:grams as text[]) is null or (r.name_grams @> cast(:grams as text[]) and r.name like '%' || :fragment || '%'))
               and (cast(:grid as text) is null or r.grid_code like :grid || '%')
               and (cast(:kind as text) is null or r.kind = :kind)
               and (cast(:tag as text) is null or r.tags @> array[cast(:tag as text)])
               and (cast(:address as text) is null or r.current_address like :address || '%'
                    or exists (select 1 from house h where h.id = r.house_id and h.address like :address || '%'))
               and (:includeRetired or r.retired_at is null)
            """;

    private final JdbcClient jdbc;

    ResidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ResidentRow> find(long id, DataScope scope) {
        return jdbc.sql("select " + COLUMNS + " from resident where id = :id and grid_code like :prefix || '%' and "
                        + DataScope.inGrids("grid_code"))
                .param("id", id)
                .param("prefix", scope.prefix())
                .param(DataScope.GRIDS_PARAMETER, scope.gridPatterns())
                .query(ResidentRepository::map)
                .optional();
    }

    /**
     * Whoever holds an ID number, in any region: one person has one record, wherever they are registered. A record
     * retired as entered in error holds none.
     */
    Optional<Long> idOfNumber(byte[] idNumberHash) {
        return jdbc.sql("select id from resident where id_number_hash = :hash and not retired_in_error")
                .param("hash", idNumberHash)
                .query(Long.class)
                .optional();
    }

    /** Which of these ID number hashes are taken already; for checking an import chunk in one query. */
    List<byte[]> takenNumbers(List<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id_number_hash from resident where id_number_hash = any(:hashes)"
                        + " and not retired_in_error")
                .param("hashes", hashes.toArray(byte[][]::new))
                .query((rs, n) -> rs.getBytes(1))
                .list();
    }

    List<ResidentRow> search(Filter f, PageQuery page) {
        return bind(
                        jdbc.sql("select " + COLUMNS + " from resident r" + WHERE
                                + " order by r.id desc limit :limit offset :offset"),
                        f)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ResidentRepository::map)
                .list();
    }

    long count(Filter f) {
        return bind(jdbc.sql("select count(*) from resident r" + WHERE), f)
                .query(Long.class)
                .single();
    }

    long insert(ResidentRow r, Instant now) {
        return jdbc.sql("""
                        insert into resident (grid_code, name, name_grams, id_number, id_number_hash, sex, ethnicity,
                            birth_date, registered_region, registered_address, current_address, house_id,
                            household_id, relation_to_head, phone, phone_hash, education, political_status, religion,
                            occupation, employer, kind, kind_details, tags, verified_at, created_at, updated_at)
                        values (:grid, :name, :grams, :idNumber, :idHash, :sex, :ethnicity, :birth, :regRegion,
                            :regAddress, :curAddress, :house, :household, :relation, :phone, :phoneHash, :education,
                            :political, :religion, :occupation, :employer, :kind, cast(:details as jsonb), :tags,
                            :at, :at, :at)
                        returning id""")
                .paramSource(params(r).addValue("at", ts(now)))
                .query(Long.class)
                .single();
    }

    /**
     * Adds many residents in one statement and answers each new id with its grid, for their history lines. Lists of
     * varying length (name grams, tags) travel joined by the unit separator, which no name or tag contains, because a
     * SQL array of arrays must be rectangular.
     */
    List<ChangeLog.Registered> insertAll(List<ResidentRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int n = rows.size();
        String[] grid = new String[n], name = new String[n], grams = new String[n], sex = new String[n];
        String[] ethnicity = new String[n],
                birth = new String[n],
                regRegion = new String[n],
                regAddress = new String[n];
        String[] curAddress = new String[n], relation = new String[n], education = new String[n];
        String[] political = new String[n], religion = new String[n], occupation = new String[n];
        String[] employer = new String[n], kind = new String[n], details = new String[n], tags = new String[n];
        byte[][] idNumber = new byte[n][], idHash = new byte[n][], phone = new byte[n][], phoneHash = new byte[n][];
        Long[] house = new Long[n], household = new Long[n];
        for (int i = 0; i < n; i++) {
            var r = rows.get(i);
            grid[i] = r.gridCode();
            name[i] = r.name();
            grams[i] = String.join(UNIT_SEPARATOR, NameGrams.of(r.name()));
            idNumber[i] = r.idNumber();
            idHash[i] = r.idNumberHash();
            sex[i] = r.sex();
            ethnicity[i] = r.ethnicity();
            birth[i] = r.birthDate() == null ? null : r.birthDate().toString();
            regRegion[i] = r.registeredRegion();
            regAddress[i] = r.registeredAddress();
            curAddress[i] = r.currentAddress();
            relation[i] = r.relationToHead();
            phone[i] = r.phone();
            phoneHash[i] = r.phoneHash();
            education[i] = r.education();
            political[i] = r.politicalStatus();
            religion[i] = r.religion();
            occupation[i] = r.occupation();
            employer[i] = r.employer();
            kind[i] = r.kind().name();
            details[i] = JSON.writeValueAsString(r.kindDetails());
            tags[i] = String.join(UNIT_SEPARATOR, r.tags());
            house[i] = r.houseId();
            household[i] = r.householdId();
        }
        var added = jdbc.sql("""
                        insert into resident (grid_code, name, name_grams, id_number, id_number_hash, sex, ethnicity,
                            birth_date, registered_region, registered_address, current_address, relation_to_head,
                            phone, phone_hash, education, political_status, religion, occupation, employer, kind,
                            kind_details, tags, house_id, household_id, verified_at, created_at, updated_at)
                        select grid, name, string_to_array(grams, chr(31)), id_number, id_hash, sex, ethnicity,
                            cast(birth as date), reg_region, reg_address, cur_address, relation, phone, phone_hash,
                            education, political, religion, occupation, employer, kind, cast(details as jsonb),
                            case when tags = '' then '{}' else string_to_array(tags, chr(31)) end, house, household,
                            :at, :at, :at
                        from unnest(cast(:grid as text[]), cast(:name as text[]), cast(:grams as text[]),
                            cast(:idNumber as bytea[]), cast(:idHash as bytea[]), cast(:sex as text[]),
                            cast(:ethnicity as text[]), cast(:birth as text[]), cast(:regRegion as text[]),
                            cast(:regAddress as text[]), cast(:curAddress as text[]), cast(:relation as text[]),
                            cast(:phone as bytea[]), cast(:phoneHash as bytea[]), cast(:education as text[]),
                            cast(:political as text[]), cast(:religion as text[]), cast(:occupation as text[]),
                            cast(:employer as text[]), cast(:kind as text[]), cast(:details as text[]),
                            cast(:tags as text[]), cast(:house as bigint[]), cast(:household as bigint[]))
                            as t(grid, name, grams, id_number, id_hash, sex, ethnicity, birth, reg_region, reg_address,
                                 cur_address, relation, phone, phone_hash, education, political, religion, occupation,
                                 employer, kind, details, tags, house, household)
                        returning id, grid_code""")
                .param("grid", grid)
                .param("name", name)
                .param("grams", grams)
                .param("idNumber", idNumber)
                .param("idHash", idHash)
                .param("sex", sex)
                .param("ethnicity", ethnicity)
                .param("birth", birth)
                .param("regRegion", regRegion)
                .param("regAddress", regAddress)
                .param("curAddress", curAddress)
                .param("relation", relation)
                .param("phone", phone)
                .param("phoneHash", phoneHash)
                .param("education", education)
                .param("political", political)
                .param("religion", religion)
                .param("occupation", occupation)
                .param("employer", employer)
                .param("kind", kind)
                .param("details", details)
                .param("tags", tags)
                .param("house", house)
                .param("household", household)
                .param("at", ts(now))
                .query((rs, i) -> new ChangeLog.Registered(rs.getLong(1), rs.getString(2)))
                .list();
        return added;
    }

    /** Every resident matching a filter, oldest first, read through a cursor so that any number fits in memory. */
    void forEach(Filter f, java.util.function.Consumer<ResidentRow> each) {
        bind(jdbc.sql("select " + COLUMNS + " from resident r" + WHERE + " order by r.id"), f)
                .withFetchSize(1000)
                .query(rs -> {
                    each.accept(map(rs, 0));
                });
    }

    /** Writes a changed resident if nobody changed it since {@code version}; false when somebody did. */
    boolean update(ResidentRow r, int version, Instant now) {
        return jdbc.sql("""
                        update resident set grid_code = :grid, name = :name, name_grams = :grams,
                            id_number = :idNumber, id_number_hash = :idHash, sex = :sex, ethnicity = :ethnicity,
                            birth_date = :birth, registered_region = :regRegion, registered_address = :regAddress,
                            current_address = :curAddress, house_id = :house, household_id = :household,
                            relation_to_head = :relation, phone = :phone, phone_hash = :phoneHash,
                            education = :education, political_status = :political, religion = :religion,
                            occupation = :occupation, employer = :employer, kind = :kind,
                            kind_details = cast(:details as jsonb), tags = :tags, verified_at = :at,
                            updated_at = :at, version = version + 1
                        where id = :id and version = :version""")
                        .paramSource(params(r)
                                .addValue("id", r.id())
                                .addValue("version", version)
                                .addValue("at", ts(now)))
                        .update()
                == 1;
    }

    /** Places a resident in a household and its house; false when the resident was retired meanwhile. */
    boolean placeInHousehold(long id, long houseId, long householdId, String relation, Instant now) {
        return jdbc.sql("""
                        update resident set house_id = :house, household_id = :household,
                            relation_to_head = :relation, updated_at = :at, version = version + 1
                        where id = :id and retired_at is null""")
                        .param("id", id)
                        .param("house", houseId)
                        .param("household", householdId)
                        .param("relation", relation)
                        .param("at", ts(now))
                        .update()
                == 1;
    }

    /** Retires a resident; one retired as entered in error gives up its ID number (see the unique index). */
    boolean retire(long id, int version, String reason, boolean inError, Instant now) {
        return jdbc.sql("""
                        update resident set retired_at = :at, retired_reason = :reason, retired_in_error = :inError,
                            updated_at = :at, version = version + 1
                        where id = :id and version = :version and retired_at is null""")
                        .param("id", id)
                        .param("version", version)
                        .param("reason", reason)
                        .param("inError", inError)
                        .param("at", ts(now))
                        .update()
                == 1;
    }

    /**
     * Takes a retired resident back into the register. False when somebody changed it since {@code version} or it is
     * not retired; a {@link org.springframework.dao.DuplicateKeyException} when its ID number was registered again
     * meanwhile.
     */
    boolean reinstate(long id, int version, Instant now) {
        return jdbc.sql("""
                        update resident set retired_at = null, retired_reason = null, retired_in_error = false,
                            updated_at = :at, version = version + 1
                        where id = :id and version = :version and retired_at is not null""")
                        .param("id", id)
                        .param("version", version)
                        .param("at", ts(now))
                        .update()
                == 1;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("prefix", f.scope().prefix())
                .param(DataScope.GRIDS_PARAMETER, f.scope().gridPatterns())
                .param("idHash", f.idNumberHash())
                .param("phoneHash", f.phoneHash())
                .param("namePrefix", like(f.namePrefix()))
                .param("grams", f.nameGrams())
                .param("fragment", like(f.nameFragment()))
                .param("grid", like(f.gridCode()))
                .param("kind", f.kind())
                .param("tag", f.tag())
                .param("address", like(f.address()))
                .param("includeRetired", f.includeRetired());
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(ResidentRow r) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("grid", r.gridCode())
                .addValue("name", r.name())
                .addValue("grams", NameGrams.of(r.name()))
                .addValue("idNumber", r.idNumber())
                .addValue("idHash", r.idNumberHash())
                .addValue("sex", r.sex())
                .addValue("ethnicity", r.ethnicity())
                .addValue("birth", r.birthDate())
                .addValue("regRegion", r.registeredRegion())
                .addValue("regAddress", r.registeredAddress())
                .addValue("curAddress", r.currentAddress())
                .addValue("house", r.houseId())
                .addValue("household", r.householdId())
                .addValue("relation", r.relationToHead())
                .addValue("phone", r.phone())
                .addValue("phoneHash", r.phoneHash())
                .addValue("education", r.education())
                .addValue("political", r.politicalStatus())
                .addValue("religion", r.religion())
                .addValue("occupation", r.occupation())
                .addValue("employer", r.employer())
                .addValue("kind", r.kind().name())
                .addValue("details", JSON.writeValueAsString(r.kindDetails()))
                .addValue("tags", r.tags().toArray(String[]::new));
    }

    static ResidentRow map(ResultSet rs, int n) throws SQLException {
        return new ResidentRow(
                rs.getLong("id"),
                rs.getString("grid_code"),
                rs.getString("name"),
                rs.getBytes("id_number"),
                rs.getBytes("id_number_hash"),
                rs.getString("sex"),
                rs.getString("ethnicity"),
                rs.getObject("birth_date", java.time.LocalDate.class),
                rs.getString("registered_region"),
                rs.getString("registered_address"),
                rs.getString("current_address"),
                (Long) rs.getObject("house_id", Long.class),
                (Long) rs.getObject("household_id", Long.class),
                rs.getString("relation_to_head"),
                rs.getBytes("phone"),
                rs.getBytes("phone_hash"),
                rs.getString("education"),
                rs.getString("political_status"),
                rs.getString("religion"),
                rs.getString("occupation"),
                rs.getString("employer"),
                ResidentKind.valueOf(rs.getString("kind")),
                details(rs.getString("kind_details")),
                tags(rs.getArray("tags")),
                instant(rs.getTimestamp("verified_at")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getInt("version"),
                instant(rs.getTimestamp("retired_at")),
                rs.getString("retired_reason"),
                rs.getBoolean("retired_in_error"));
    }

    private static Map<String, String> details(String json) {
        return json == null ? Map.of() : JSON.readValue(json, DETAILS);
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static java.time.OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
