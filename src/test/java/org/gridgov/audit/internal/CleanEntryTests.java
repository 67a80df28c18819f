package org.gridgov.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridgov.audit.AuditAction;
import org.gridgov.audit.AuditEntry;
import org.gridgov.audit.AuditResult;
import org.junit.jupiter.api.Test;

class CleanEntryTests {

    @Test
    void aMissingEntryIsStillRecordedAsUnknown() {
        var clean = CleanEntry.of(null);
        assertThat(clean.action()).isEqualTo("UNKNOWN");
        assertThat(clean.result()).isEqualTo("UNKNOWN");
        assertThat(clean.inputProblems()).isEqualTo("entry-missing");
    }

    @Test
    void unmaskAndExportWithoutPurposeAreNoted() {
        var unmask = CleanEntry.of(AuditEntry.builder(AuditAction.UNMASK, AuditResult.SUCCESS)
                .username("u")
                .purpose("  ")
                .build());
        assertThat(unmask.purpose()).isNull();
        assertThat(unmask.inputProblems()).isEqualTo("purpose-missing");
        var login = CleanEntry.of(AuditEntry.builder(AuditAction.LOGIN, AuditResult.SUCCESS)
                .username("u")
                .build());
        assertThat(login.inputProblems()).isNull();
    }

    @Test
    void onlyASuccessNeedsAKnownUser() {
        assertThat(CleanEntry.of(AuditEntry.builder(AuditAction.WRITE, AuditResult.DENIED)
                                .build())
                        .inputProblems())
                .isNull();
        assertThat(CleanEntry.of(AuditEntry.builder(AuditAction.WRITE, AuditResult.SUCCESS)
                                .build())
                        .inputProblems())
                .isEqualTo("username-missing");
    }

    @Test
    void textIsCutAtACodePointAndCleanedOfWhatPostgresRefuses() {
        List<String> problems = new ArrayList<>();
        assertThat(CleanEntry.text("detail", "😀😀😀", 2, problems)).isEqualTo("😀😀");
        assertThat(CleanEntry.text("detail", "a\u0000b\nc", 10, problems)).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(CleanEntry.text("detail", "x\uD800y", 10, problems)).isEqualTo("x\uFFFDy");
        assertThat(CleanEntry.text("detail", "  padded  ", 10, problems)).isEqualTo("padded");
        assertThat(problems)
                .containsExactly("detail-truncated", "detail-control-characters", "detail-control-characters");
    }

    @Test
    void rolesFromASetReadTheSameWhateverTheOrder() {
        var entry = AuditEntry.builder(AuditAction.LOGIN, AuditResult.SUCCESS)
                .roles(List.of("VILLAGE_ADMIN", "GRID_WORKER", "GRID_WORKER"))
                .build();
        assertThat(entry.roles()).isEqualTo("GRID_WORKER,VILLAGE_ADMIN");
    }

    @Test
    void idAndPhoneNumbersInFreeTextAreMaskedWhereverTheyStand() {
        var clean = CleanEntry.of(AuditEntry.builder(AuditAction.EXPORT, AuditResult.SUCCESS)
                .userId(7L)
                .username("county.leader")
                .object("api", "/api/registry/residents/export?idNumber=421381197010095847&phone=139 1234 5678")
                .purpose("核实 42138119701009584x 的来电 +86-13912345678")
                .detail("GET /api/registry/residents?q=13912345678&grid=421381101001101 座机 0722-6212345 200")
                .build());

        assertThat(clean.objectId())
                .isEqualTo("/api/registry/residents/export?idNumber=421381********5847&phone=139****5678");
        assertThat(clean.purpose()).isEqualTo("核实 421381********584X 的来电 +86139****5678");
        // A grid code keeps its digits: it is no personal number.
        assertThat(clean.detail())
                .isEqualTo("GET /api/registry/residents?q=139****5678&grid=421381101001101 座机 072****2345 200");
        assertThat(clean.inputProblems())
                .isEqualTo("purpose-personal-number-masked,objectId-personal-number-masked,"
                        + "detail-personal-number-masked");
    }

    @Test
    void numbersThatOnlyLookLongAreLeftAlone() {
        String text = "event 421381-2026-000123, timestamp 1764674400000, id 12345678901234567890, serial 4213811";
        assertThat(PersonalNumbers.masked(text)).isEqualTo(text);
        // An impossible birth date is no ID number.
        assertThat(PersonalNumbers.masked("421381197013405847")).isEqualTo("421381197013405847");
    }

    @Test
    void aTypedNameOfNoAccountIsMaskedButAnAccountsNameIsKept() {
        var unknown = CleanEntry.of(AuditEntry.builder(AuditAction.LOGIN_FAILED, AuditResult.FAILURE)
                .username("13912345678")
                .build());
        assertThat(unknown.username()).isEqualTo("139****5678");
        var known = CleanEntry.of(AuditEntry.builder(AuditAction.LOGIN, AuditResult.SUCCESS)
                .userId(3L)
                .username("13912345678")
                .build());
        assertThat(known.username()).isEqualTo("13912345678");
    }
}
