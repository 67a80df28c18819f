package org.gridgov.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "gridgov.demo.registers=true")
class DemoRegistersTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoRegistersHoldEntriesWithEveryRequiredValueAndAHistoryLineEach() {
        var codes = jdbc.sql("select code from register_type order by code")
                .query(String.class)
                .list();
        assertThat(codes).containsExactly("EX_SERVICEMAN", "PARTY_MEMBER");
        for (String code : codes) {
            long entries = jdbc.sql("""
                            select count(*) from register_entry e join register_type t on t.id = e.register_type_id
                            where t.code = :code""").param("code", code).query(Long.class).single();
            assertThat(entries).as(code).isPositive();
        }
        // Every required field of the definition has a value in every entry, and every date is a date.
        long incomplete = jdbc.sql("""
                        select count(*) from register_entry e join register_type t on t.id = e.register_type_id
                        cross join jsonb_array_elements(t.fields) f
                        where (f ->> 'required')::boolean and coalesce(e.field_values ->> (f ->> 'name'), '') = ''""").query(Long.class).single();
        assertThat(incomplete).isZero();
        long badDates = jdbc.sql("""
                        select count(*) from register_entry e join register_type t on t.id = e.register_type_id
                        cross join jsonb_array_elements(t.fields) f
                        where f ->> 'type' = 'DATE' and e.field_values ->> (f ->> 'name') !~ '^\\d{4}-\\d{2}-\\d{2}$'""").query(Long.class).single();
        assertThat(badDates).isZero();
        long withoutHistory = jdbc.sql("""
                        select count(*) from register_entry e where not exists (
                            select 1 from registry_change c
                            where c.entity_type = 'REGISTER_ENTRY' and c.entity_id = e.id and c.field = '*')""").query(Long.class).single();
        assertThat(withoutHistory).isZero();
    }
}
