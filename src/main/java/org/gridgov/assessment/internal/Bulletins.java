package org.gridgov.assessment.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.gridgov.assessment.Grade;
import org.gridgov.assessment.Score;
import org.gridgov.assessment.SubjectType;
import org.gridgov.region.RegionApi;
import org.springframework.stereotype.Component;

/** The monthly bulletin (通报) of a level: the ranking, the grades counted, the bottom three named. */
@Component
public class Bulletins {

    private final AssessmentDesk assessment;
    private final RegionApi regions;

    Bulletins(AssessmentDesk assessment, RegionApi regions) {
        this.assessment = assessment;
        this.regions = regions;
    }

    /**
     * A bulletin.
     *
     * @param grades how many subjects got each grade
     * @param bottom the subjects marked for 通报 (the bottom three ranks)
     */
    public record Bulletin(
            String title,
            String period,
            SubjectType level,
            String regionName,
            boolean frozen,
            java.util.Map<Grade, Long> grades,
            List<Score> bottom,
            List<Score> ranking) {}

    public Bulletin bulletin(String level, String region, String period) {
        var type = AssessmentDesk.type(level, "level");
        var key = assessment.period(period).key();
        var access = assessment.access();
        String area = region == null || region.isBlank() ? access.prefix() : region;
        var ranking = assessment.ranking(type, area, key);
        String name = regions.names(List.of(area)).getOrDefault(area, area);
        var grades = new java.util.EnumMap<Grade, Long>(Grade.class);
        for (var g : Grade.values()) {
            grades.put(g, ranking.stream().filter(s -> s.grade() == g).count());
        }
        boolean frozen = !ranking.isEmpty() && ranking.stream().allMatch(Score::frozen);
        String title = name + " " + key + " " + type.label() + "考核通报";
        return new Bulletin(
                title,
                key,
                type,
                name,
                frozen,
                grades,
                ranking.stream().filter(Score::bulletin).toList(),
                ranking);
    }

    /** Writes a bulletin already made as a workbook, every subject with its figures. */
    public void workbook(Bulletin bulletin, OutputStream out) throws IOException {
        BulletinWorkbook.write(bulletin.title(), bulletin.ranking(), out);
    }
}
