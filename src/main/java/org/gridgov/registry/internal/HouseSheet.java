package org.gridgov.registry.internal;

import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.common.FieldProblem;
import org.gridgov.registry.internal.HouseDesk.HouseDraft;
import org.gridgov.registry.internal.HouseDesk.HouseView;
import org.springframework.stereotype.Component;

/** The house (实有房屋) worksheet. */
@Component
class HouseSheet extends RecordSheet<HouseDraft, HouseView> {

    static final Column GRID = Column.digits("所属网格", true, 22);
    static final Column ADDRESS = new Column("地址", true, 30);
    static final Column BUILDING = new Column("楼栋", false);
    static final Column UNIT = new Column("单元", false);
    static final Column ROOM = new Column("房号", false);
    static final Column DOOR_PLATE = new Column("门牌号", false);
    static final Column USE = new Column("房屋用途", false);
    static final Column OWNER = new Column("产权人", false);
    static final Column OWNER_PHONE = Column.digits("产权人电话", false, 14);
    static final Column RENTAL = new Column("是否出租", false);
    static final Column LANDLORD = new Column("出租人", false);
    static final Column LANDLORD_PHONE = Column.digits("出租人电话", false, 14);
    static final Column LON = new Column("经度", false);
    static final Column LAT = new Column("纬度", false);

    HouseSheet(CodeSets codes) {
        super(
                "实有房屋",
                List.of(
                        GRID,
                        ADDRESS,
                        BUILDING,
                        UNIT,
                        ROOM,
                        DOOR_PLATE,
                        USE,
                        OWNER,
                        OWNER_PHONE,
                        RENTAL,
                        LANDLORD,
                        LANDLORD_PHONE,
                        LON,
                        LAT),
                List.of("HOUSE_USE"),
                "房屋用途可填代码或名称，留空为居住；是否出租填 是/否，出租房须填出租人；经纬度可留空，填写时须成对且在所属网格内",
                codes);
    }

    @Override
    List<String> example() {
        return List.of(
                "421381101001101",
                "杨寨镇站前社区幸福路 8 号",
                "1 栋",
                "2 单元",
                "301",
                "幸福路 8 号",
                "居住",
                "李四",
                "13800002222",
                "是",
                "李四",
                "13800002222",
                "",
                "");
    }

    @Override
    List<String> cells(HouseView h) {
        return Arrays.asList(
                h.gridCode(),
                h.address(),
                h.building(),
                h.unit(),
                h.room(),
                h.doorPlate(),
                h.useName() == null ? h.use() : h.useName(),
                h.ownerName(),
                h.ownerPhone(),
                h.rental() ? "是" : "否",
                h.landlordName(),
                h.landlordPhone(),
                text(h.lon()),
                text(h.lat()));
    }

    @Override
    Read<HouseDraft> read(Row row, SheetLayout layout) {
        var problems = problems();
        var draft = new HouseDraft(
                layout.digits(row, GRID, "gridCode", "所属网格", false, problems),
                layout.get(row, ADDRESS),
                layout.get(row, BUILDING),
                layout.get(row, UNIT),
                layout.get(row, ROOM),
                layout.get(row, DOOR_PLATE),
                code("HOUSE_USE", layout.get(row, USE)),
                layout.get(row, OWNER),
                layout.digits(row, OWNER_PHONE, "ownerPhone", "产权人电话", true, problems),
                rental(layout.get(row, RENTAL), problems),
                layout.get(row, LANDLORD),
                layout.digits(row, LANDLORD_PHONE, "landlordPhone", "出租人电话", true, problems),
                number(layout.get(row, LON), "lon", "经度", problems),
                number(layout.get(row, LAT), "lat", "纬度", problems),
                null);
        return new Read<>(draft, problems);
    }

    @Override
    String label(Row row, SheetLayout layout) {
        return layout.get(row, ADDRESS);
    }

    private static Boolean rental(String text, List<FieldProblem> problems) {
        return switch (text) {
            case null -> null;
            case "是", "出租", "Y", "y", "true" -> true;
            case "否", "自住", "N", "n", "false" -> false;
            default -> {
                problems.add(new FieldProblem("rental", "unknown-value", "是否出租须填 是 或 否", "rental must be 是 or 否"));
                yield null;
            }
        };
    }
}
