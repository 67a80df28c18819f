package org.gridgov.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridgov.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
class CodeSetTests {

    /** CJK ideographs and punctuation, full-width forms. */
    private static final String CHINESE = "[\u3000-\u9fff\uff00-\uffef]";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCodeValueHasAnEnglishNameWithoutChineseInIt() {
        // A value left with its Chinese name as English (the migration's fallback) counts as lacking one.
        var lacking = jdbc.sql("select code_set || ' ' || code || ' ' || name_en from code_value"
                        + " where btrim(name_en) = '' or name_en ~ :chinese")
                .param("chinese", CHINESE)
                .query(String.class)
                .list();
        assertThat(lacking).isEmpty();
        // The same pattern finds every Chinese name, so the check above can fail.
        assertThat(jdbc.sql(
                                "select count(*) filter (where name ~ :chinese) = count(*) and count(*) >= 230 from code_value")
                        .param("chinese", CHINESE)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void refusesACodeValueWithoutAnEnglishName() {
        assertThatThrownBy(() -> jdbc.sql("insert into code_value (code_set, code, name, position) values"
                                + " ('ETHNICITY', '99', '未命名', 99)")
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theCodeSetsCarryTheirEnglishNames() throws Exception {
        SignedIn.as(context, "grid.worker")
                .perform(get("/api/registry/codes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ETHNICITY[0].code").value("01"))
                .andExpect(jsonPath("$.ETHNICITY[0].name").value("汉族"))
                .andExpect(jsonPath("$.ETHNICITY[0].nameEn").value("Han"))
                .andExpect(jsonPath("$.ETHNICITY[45].nameEn").value("De'ang"))
                .andExpect(jsonPath("$.ATTENTION_LEVEL[*].nameEn", contains("Low", "Medium", "High")))
                .andExpect(jsonPath("$.PLACE_TYPE[?(@.code == 'SCHOOL')].nameEn", contains("School")));
    }
}
