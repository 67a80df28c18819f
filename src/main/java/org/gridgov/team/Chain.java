package org.gridgov.team;

import java.time.LocalDate;
import java.util.List;

/**
 * Who answers for a grid on a day, from the grid up: the grid's leader, then the cadres of the village, the township
 * and the county level assigned to the grid or to an area it lies in.
 */
public record Chain(String gridCode, String gridName, LocalDate on, List<Level> levels) {

    public Chain {
        levels = List.copyOf(levels);
    }

    /**
     * One level of the chain, named in Chinese and English, with whoever answers there (none is a gap to fill).
     *
     * @param level GRID, VILLAGE, TOWNSHIP or COUNTY
     */
    public record Level(String level, String label, String labelEn, List<Person> people) {

        public Level {
            people = List.copyOf(people);
        }
    }

    /**
     * A person of the chain: a member of the grid's team ({@code memberId}) or an assigned cadre ({@code
     * assignmentId}), with what they do and the area they answer for.
     */
    public record Person(
            Long memberId,
            Long assignmentId,
            String name,
            String role,
            String organizationName,
            String regionCode,
            String regionName) {}
}
