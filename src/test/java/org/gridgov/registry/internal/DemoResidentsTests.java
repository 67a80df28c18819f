package org.gridgov.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.common.PersonalData;
import org.gridgov.common.PersonalDataKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class DemoResidentsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personalData;

    @Test
    void demoResidentsHaveValidIdNumbersAgreeingWithSexAndBirthDate() {
        // Other test classes sharing this context register people of their own, outside any household.
        var rows = jdbc.sql(
                        "select id_number, sex, birth_date, kind, household_id from resident where household_id is not null")
                .query((rs, n) -> new Object[] {
                    rs.getBytes(1),
                    rs.getString(2),
                    rs.getObject(3, java.time.LocalDate.class),
                    rs.getString(4),
                    rs.getObject(5)
                })
                .list();
        assertThat(rows).hasSizeGreaterThan(50);
        assertThat(rows).extracting(r -> r[3]).contains("REGISTERED", "FLOATING");
        for (var r : rows) {
            if (r[0] == null) {
                assertThat(r[3]).isEqualTo("FOREIGN");
                continue;
            }
            var id = IdNumber.parse(
                    personalData.open(PersonalDataKind.ID_NUMBER, (byte[]) r[0]), java.time.LocalDate.now());
            assertThat(String.valueOf(id.sex())).isEqualTo(r[1]);
            assertThat(id.birthDate()).isEqualTo(r[2]);
        }
        // Only the demo's households, numbered HH + grid code: other tests add households before their heads.
        long headless = jdbc.sql("select count(*) from household where head_resident_id is null"
                        + " and household_number like 'HH' || grid_code || '%'")
                .query(Long.class)
                .single();
        assertThat(headless).isZero();
        // Every township has demo households, not only the two whose accounts sign in.
        long townships = jdbc.sql("select count(distinct substr(grid_code, 1, 9)) from household"
                        + " where household_number like 'HH' || grid_code || '%'")
                .query(Long.class)
                .single();
        assertThat(townships).isGreaterThan(10);
        // Each demo resident's history opens with the line that registered them.
        long withoutHistory = jdbc.sql("""
                        select count(*) from resident r where r.household_id is not null
                          and not exists (select 1 from registry_change c
                                          where c.entity_type = 'resident' and c.entity_id = r.id and c.field = '*')""").query(Long.class).single();
        assertThat(withoutHistory).isZero();
    }

    @Test
    void demoGroupMembersReachBeyondTheGridWorkersGridsEachWithTheFollowUpItsDueDateCountsFrom() {
        long beyond = jdbc.sql("""
                        select count(distinct substr(r.grid_code, 1, 9)) from person_group_member m
                        join resident r on r.id = m.resident_id
                        where r.grid_code not in ('421381101001101', '421381101001102')""").query(Long.class).single();
        assertThat(beyond).isGreaterThan(5);
        long inconsistent = jdbc.sql("""
                        select count(*) from person_group_member m
                        where m.last_follow_up_on is not null
                          and (m.next_due_on <> m.last_follow_up_on + m.frequency_days
                               or not exists (select 1 from follow_up f
                                              where f.member_id = m.id and f.done_on = m.last_follow_up_on))""").query(Long.class).single();
        assertThat(inconsistent).isZero();
    }
}
