package org.gridgov.registry.internal;

import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.registry.internal.PlaceDesk.PlaceDraft;
import org.gridgov.registry.internal.PlaceDesk.PlaceView;
import org.springframework.stereotype.Component;

/** The place (场所) worksheet. */
@Component
class PlaceSheet extends RecordSheet<PlaceDraft, PlaceView> {

    static final Column GRID = Column.digits("所属网格", true, 22);
    static final Column NAME = new Column("场所名称", true, 24);
    static final Column TYPE = new Column("场所类型", true);
    static final Column KEY_FLAGS = new Column("重点单位类别", false, 22);
    static final Column ADDRESS = new Column("地址", true, 30);
    static final Column RESPONSIBLE = new Column("负责人", false);
    static final Column PHONE = Column.digits("负责人电话", false, 14);
    static final Column LON = new Column("经度", false);
    static final Column LAT = new Column("纬度", false);

    PlaceSheet(CodeSets codes) {
        super(
                "场所",
                List.of(GRID, NAME, TYPE, KEY_FLAGS, ADDRESS, RESPONSIBLE, PHONE, LON, LAT),
                List.of("PLACE_TYPE", "KEY_UNIT_FLAG"),
                "类型、重点单位类别可填代码或名称；重点单位类别可填多个，用顿号分隔；经纬度可留空，填写时须成对且在所属网格内",
                codes);
    }

    @Override
    List<String> example() {
        return List.of("421381101001101", "站前社区便民超市", "商铺", "消防重点", "杨寨镇站前社区幸福路 12 号", "王店长", "13700003333", "", "");
    }

    @Override
    List<String> cells(PlaceView p) {
        return Arrays.asList(
                p.gridCode(),
                p.name(),
                p.typeName() == null ? p.type() : p.typeName(),
                String.join(
                        "、",
                        p.keyFlags().stream().map(f -> name("KEY_UNIT_FLAG", f)).toList()),
                p.address(),
                p.responsibleName(),
                p.responsiblePhone(),
                text(p.lon()),
                text(p.lat()));
    }

    @Override
    Read<PlaceDraft> read(Row row, SheetLayout layout) {
        var problems = problems();
        var draft = new PlaceDraft(
                layout.digits(row, GRID, "gridCode", "所属网格", false, problems),
                layout.get(row, NAME),
                code("PLACE_TYPE", layout.get(row, TYPE)),
                split(layout.get(row, KEY_FLAGS)).stream()
                        .map(f -> code("KEY_UNIT_FLAG", f.strip()))
                        .toList(),
                layout.get(row, ADDRESS),
                layout.get(row, RESPONSIBLE),
                layout.digits(row, PHONE, "responsiblePhone", "负责人电话", true, problems),
                number(layout.get(row, LON), "lon", "经度", problems),
                number(layout.get(row, LAT), "lat", "纬度", problems),
                null);
        return new Read<>(draft, problems);
    }

    @Override
    String label(Row row, SheetLayout layout) {
        return layout.get(row, NAME);
    }
}
