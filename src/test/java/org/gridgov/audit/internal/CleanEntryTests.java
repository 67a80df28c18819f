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
}
