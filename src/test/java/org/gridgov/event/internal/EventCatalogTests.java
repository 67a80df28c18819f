package org.gridgov.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridgov.event.Step;
import org.gridgov.event.TimeUnitKind;
import org.gridgov.event.Urgency;
import org.gridgov.event.internal.EventCatalog.TimeLimit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class EventCatalogTests {

    @Autowired
    EventCatalog catalog;

    @Test
    void minorResolvesWithItsMajor() {
        var garbage = catalog.current("0110").orElseThrow();

        assertThat(garbage.versionId()).isEqualTo(1);
        assertThat(garbage.name()).isEqualTo("暴露垃圾");
        assertThat(garbage.majorCode()).isEqualTo("01");
        assertThat(garbage.majorName()).isEqualTo("市容环境");
        assertThat(garbage.domain()).isEqualTo("CITY");
        assertThat(garbage.standardRef()).contains("CJ/T 214");
        assertThat(garbage.localExtension()).isFalse();

        var dispute = catalog.current("ZZ0101").orElseThrow();
        assertThat(dispute.name()).isEqualTo("邻里纠纷");
        assertThat(dispute.majorName()).isEqualTo("矛盾纠纷");
        assertThat(dispute.domain()).isEqualTo("GOVERNANCE");
    }

    @Test
    void majorIsItsOwnMajor() {
        var order = catalog.current("04").orElseThrow();

        assertThat(order.name()).isEqualTo("街面秩序");
        assertThat(order.majorCode()).isEqualTo("04");
        assertThat(order.majorName()).isEqualTo("街面秩序");
    }

    @Test
    void localExtensionsCountDownFrom99() {
        var other = catalog.current("0199").orElseThrow();

        assertThat(other.name()).isEqualTo("其他市容环境问题");
        assertThat(other.localExtension()).isTrue();
        assertThat(other.majorCode()).isEqualTo("01");
    }

    @Test
    void unknownCodeIsEmpty() {
        assertThat(catalog.current("9999")).isEmpty();
        assertThat(catalog.current("")).isEmpty();
        assertThat(catalog.current(null)).isEmpty();
    }

    @Test
    void exposedGarbageIsHandledInFourWorkingHours() {
        assertThat(catalog.limit("0110", Urgency.NORMAL, null, Step.HANDLE))
                .isEqualTo(new TimeLimit(4, TimeUnitKind.WORKING_HOURS, false));
    }

    @Test
    void cityManagementExamplesOfTheStandardsAreSeeded() {
        assertThat(catalog.limit("0112", Urgency.NORMAL, null, Step.HANDLE))
                .isEqualTo(new TimeLimit(2, TimeUnitKind.WORKING_HOURS, false));
        assertThat(catalog.limit("0101", Urgency.NORMAL, null, Step.HANDLE))
                .isEqualTo(new TimeLimit(20, TimeUnitKind.WORKING_DAYS, false));
    }

    @Test
    void minorWithoutOwnRulesInheritsItsMajors() {
        assertThat(catalog.limit("ZZ0101", Urgency.NORMAL, null, Step.HANDLE))
                .isEqualTo(catalog.limit("ZZ01", Urgency.NORMAL, null, Step.HANDLE))
                .isEqualTo(new TimeLimit(10, TimeUnitKind.WORKING_DAYS, false));
    }

    @Test
    void minorWithOwnHandlingRuleInheritsTheOtherSteps() {
        assertThat(catalog.limit("0110", Urgency.NORMAL, null, Step.ACCEPT))
                .isEqualTo(catalog.limit("01", Urgency.NORMAL, null, Step.ACCEPT))
                .isEqualTo(new TimeLimit(2, TimeUnitKind.WORKING_HOURS, false));
        assertThat(catalog.limit("0110", Urgency.URGENT, null, Step.HANDLE))
                .isEqualTo(catalog.limit("01", Urgency.URGENT, null, Step.HANDLE));
    }

    @Test
    void areaClassRuleWinsAndOtherClassesFallBackToAnyArea() {
        assertThat(catalog.limit("0110", Urgency.NORMAL, "A", Step.HANDLE))
                .isEqualTo(new TimeLimit(2, TimeUnitKind.WORKING_HOURS, false));
        assertThat(catalog.limit("0110", Urgency.NORMAL, "c", Step.HANDLE))
                .isEqualTo(new TimeLimit(1, TimeUnitKind.WORKING_DAYS, false));
        assertThat(catalog.limit("0110", Urgency.NORMAL, "B", Step.HANDLE))
                .isEqualTo(new TimeLimit(4, TimeUnitKind.WORKING_HOURS, false));
        assertThat(catalog.limit("ZZ0304", Urgency.NORMAL, "A", Step.HANDLE))
                .isEqualTo(catalog.limit("ZZ03", Urgency.NORMAL, null, Step.HANDLE));
    }

    @Test
    void emergenciesAreShorterAndEscalateOnTheirOwn() {
        var normal = catalog.limit("ZZ0301", Urgency.NORMAL, null, Step.ACCEPT);
        var emergency = catalog.limit("ZZ0301", Urgency.EMERGENCY, null, Step.ACCEPT);

        assertThat(normal).isEqualTo(new TimeLimit(2, TimeUnitKind.WORKING_HOURS, false));
        assertThat(emergency).isEqualTo(new TimeLimit(1, TimeUnitKind.NATURAL_HOURS, true));
    }

    @Test
    void everyMajorHasARuleForEveryUrgencyAndStep() {
        var version = catalog.current();
        for (var major : version.children(null)) {
            for (var urgency : Urgency.values()) {
                for (var step : Step.values()) {
                    assertThat(version.rule(major.code(), urgency, null, step))
                            .as("%s %s %s", major.code(), urgency, step)
                            .isPresent();
                }
            }
        }
    }

    @Test
    void unknownCategoryGetsTheLastResortLimit() {
        assertThat(catalog.limit("9999", Urgency.EMERGENCY, null, Step.ACCEPT))
                .isEqualTo(EventCatalog.LAST_RESORT.get(Urgency.EMERGENCY))
                .isEqualTo(new TimeLimit(1, TimeUnitKind.NATURAL_HOURS, true));
        assertThat(catalog.limit(null, Urgency.NORMAL, null, Step.HANDLE))
                .isEqualTo(EventCatalog.LAST_RESORT.get(Urgency.NORMAL));
    }

    @Test
    void cityManagementCategoryIsHandledByTheBureauAtCountyLevel() {
        assertThat(catalog.responsibleOrganizations("0406", "COUNTY")).containsExactly("421381-cgj");
        assertThat(catalog.responsibleOrganizations("01", "COUNTY")).containsExactly("421381-cgj");
        assertThat(catalog.responsibleOrganizations("0406", "TOWNSHIP")).isEmpty();
        assertThat(catalog.responsibleOrganizations("ZZ0101", "COUNTY")).isEmpty();
        assertThat(catalog.responsibleOrganizations("9999", "COUNTY")).isEmpty();
    }
}
