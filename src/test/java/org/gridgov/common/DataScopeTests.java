package org.gridgov.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataScopeTests {

    private static final String VILLAGE = "421381101001";
    private final DataScope worker = new DataScope(VILLAGE, List.of(VILLAGE + "101", VILLAGE + "102"));

    @Test
    void aGridScopeCoversItsGridsAndTheMicroGridsBelowThemOnly() {
        assertThat(worker.covers(VILLAGE + "101")).isTrue();
        assertThat(worker.covers(VILLAGE + "10203")).isTrue();
        assertThat(worker.covers(VILLAGE + "1020301")).isTrue();
        assertThat(worker.covers(VILLAGE + "103")).isFalse();
        assertThat(worker.covers(VILLAGE + "10301")).isFalse();
        assertThat(worker.covers(VILLAGE)).isFalse();
        assertThat(worker.covers(null)).isFalse();
    }

    @Test
    void aGridScopeReachesTheNamesAboveItsGridsWithinItsRegionButNothingBeside() {
        assertThat(worker.reaches(VILLAGE)).isTrue();
        assertThat(worker.reaches(VILLAGE + "101")).isTrue();
        assertThat(worker.reaches(VILLAGE + "103")).isFalse();
        assertThat(worker.reaches("421381101002")).isFalse();
        assertThat(worker.reaches("421381101")).isFalse();
    }

    @Test
    void aRegionScopeCoversItsWholeSubtreeAndBindsNoGrids() {
        var township = DataScope.region("421381101");
        assertThat(township.covers(VILLAGE + "103")).isTrue();
        assertThat(township.covers("421381001001101")).isFalse();
        assertThat(township.gridPatterns()).isNull();
        assertThat(worker.gridPatterns()).containsExactly(VILLAGE + "101%", VILLAGE + "102%");
        assertThat(new DataScope(VILLAGE, List.of()).covers(VILLAGE + "101")).isFalse();
    }
}
