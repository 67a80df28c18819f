package org.gridgov.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.gridgov.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * A 残疾人证号 is its holder's ID number and two digits more: it is kept encrypted at rest like the ID number, shown
 * masked like it to callers without personal:unmask, and a form saved unchanged from the masked view keeps it.
 */
@SpringBootTest
class SealedGroupFieldsTests {

    private static final String GRID = "421381101001101";
    private static final String BASE = "/api/registry/service-recipients";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SealedFieldsSweep sweep;

    /** 中心坐席员: writes the registry, may not unmask. */
    MockMvc operator;

    /** 中心领导: may unmask. */
    MockMvc leader;

    @BeforeEach
    void setUp() throws Exception {
        operator = SignedIn.as(context, "county.operator");
        leader = SignedIn.as(context, "county.leader");
    }

    private static String idNumber(String yyyymmdd, int sequence) {
        String first17 = "421381" + yyyymmdd + String.format("%03d", sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private long resident(String name, String id) throws Exception {
        String body = operator.perform(post("/api/registry/residents")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gridCode\":\"" + GRID + "\",\"name\":\"" + name + "\",\"idNumber\":\"" + id
                                + "\",\"kind\":\"REGISTERED\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long disabled(long resident, String certificate) throws Exception {
        String body = operator.perform(post(BASE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"residentId\":" + resident + ",\"groupCode\":\"DISABLED\","
                                + "\"attentionLevel\":\"LOW\",\"details\":{\"disabilityType\":\"4\","
                                + "\"certificateNumber\":\"" + certificate + "\"}}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String stored(long member) {
        return jdbc.sql("select details::text || ' ' || coalesce(sealed_details::text, '') from person_group_member"
                        + " where id = ?")
                .param(member)
                .query(String.class)
                .single();
    }

    @Test
    void theCertificateNumberIsStoredSealedAndShownAsTheIdNumberIs() throws Exception {
        String id = idNumber("19650315", 901);
        String certificate = id + "42";
        long member = disabled(resident("证号甲", id), certificate);

        assertThat(stored(member))
                .contains("certificateNumber", "disabilityType")
                .doesNotContain(certificate, id.substring(6, 14));
        assertThat(jdbc.sql("select jsonb_exists(details, 'certificateNumber') from person_group_member where id = ?")
                        .param(member)
                        .query(Boolean.class)
                        .single())
                .isFalse();

        operator.perform(get(BASE + "/" + member))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.details.certificateNumber").value(id.substring(0, 6) + "************42"))
                .andExpect(jsonPath("$.details.disabilityType").value("4"));
        leader.perform(get(BASE + "/" + member))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.details.certificateNumber").value(certificate));
    }

    @Test
    void savingTheFormFilledFromTheMaskedViewKeepsTheNumberAndATypedOneReplacesIt() throws Exception {
        String id = idNumber("19720808", 902);
        String certificate = id + "21";
        long member = disabled(resident("证号乙", id), certificate);
        String masked = id.substring(0, 6) + "************21";

        operator.perform(put(BASE + "/" + member)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"attentionLevel\":\"HIGH\",\"version\":0,\"details\":{\"disabilityType\":\"4\","
                                + "\"certificateNumber\":\"" + masked + "\"}}"))
                .andExpect(status().isOk());
        leader.perform(get(BASE + "/" + member))
                .andExpect(jsonPath("$.details.certificateNumber").value(certificate))
                .andExpect(jsonPath("$.attentionLevel").value("HIGH"));

        String retyped = id + "32";
        operator.perform(put(BASE + "/" + member)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"attentionLevel\":\"HIGH\",\"version\":1,\"details\":{\"disabilityType\":\"4\","
                                + "\"certificateNumber\":\"" + retyped + "\"}}"))
                .andExpect(status().isOk());
        leader.perform(get(BASE + "/" + member))
                .andExpect(jsonPath("$.details.certificateNumber").value(retyped));
        assertThat(stored(member)).doesNotContain(retyped);
    }

    @Test
    void aNumberStoredPlainBeforeSealingBeganIsSealedAtTheNextStart() throws Exception {
        String id = idNumber("19590101", 903);
        String certificate = id + "11";
        long member = disabled(resident("证号丙", id), "临时");
        // As a version before sealing began would have stored it.
        jdbc.sql("update person_group_member set details = details || jsonb_build_object('certificateNumber', ?),"
                        + " sealed_details = null where id = ?")
                .param(certificate)
                .param(member)
                .update();
        assertThat(stored(member)).contains(certificate);
        // As V27 leaves the field: sealed, with plain values still to go through.
        jdbc.sql("update person_group_field set plain_values_left = true"
                        + " where group_code = 'DISABLED' and field = 'certificateNumber'")
                .update();

        sweep.sealWhatIsStoredPlain();

        assertThat(stored(member)).doesNotContain(certificate).contains("certificateNumber");
        leader.perform(get(BASE + "/" + member))
                .andExpect(jsonPath("$.details.certificateNumber").value(certificate));
    }
}
