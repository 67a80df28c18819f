package org.gridgov.registry.internal;

import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.Row;
import org.gridgov.registry.internal.RegisteredOrganizationDesk.OrganizationDraft;
import org.gridgov.registry.internal.RegisteredOrganizationDesk.RegisteredOrganizationView;
import org.springframework.stereotype.Component;

/** The organization (组织) worksheet. */
@Component
class OrganizationSheet extends RecordSheet<OrganizationDraft, RegisteredOrganizationView> {

    static final Column GRID = Column.digits("所属网格", true, 22);
    static final Column NAME = new Column("组织名称", true, 24);
    static final Column KIND = new Column("组织类别", true, 18);
    static final Column CREDIT_CODE = Column.digits("统一社会信用代码", true, 22);
    static final Column LEGAL = new Column("法定代表人", false);
    static final Column PHONE = Column.digits("法定代表人电话", false, 14);
    static final Column ADDRESS = new Column("地址", false, 30);
    static final Column EMPLOYEES = new Column("从业人数", false);

    OrganizationSheet(CodeSets codes) {
        super(
                "组织",
                List.of(GRID, NAME, KIND, CREDIT_CODE, LEGAL, PHONE, ADDRESS, EMPLOYEES),
                List.of("ORGANIZATION_KIND"),
                "组织类别可填代码或名称；统一社会信用代码为 18 位，同一代码只登记一次；从业人数填整数",
                codes);
    }

    @Override
    List<String> example() {
        return List.of(
                "421381101001101",
                "广水市站前商贸有限公司",
                "非公有制经济组织",
                "91350100M000100Y43",
                "孙经理",
                "13500005555",
                "杨寨镇站前社区商贸街 3 号",
                "25");
    }

    @Override
    List<String> cells(RegisteredOrganizationView o) {
        return Arrays.asList(
                o.gridCode(),
                o.name(),
                o.kindName() == null ? o.kind() : o.kindName(),
                o.creditCode(),
                o.legalRepresentativeName(),
                o.legalRepresentativePhone(),
                o.address(),
                text(o.employees()));
    }

    @Override
    Read<OrganizationDraft> read(Row row, SheetLayout layout) {
        var problems = problems();
        var draft = new OrganizationDraft(
                layout.digits(row, GRID, "gridCode", "所属网格", false, problems),
                layout.get(row, NAME),
                code("ORGANIZATION_KIND", layout.get(row, KIND)),
                layout.typedAsText(row, CREDIT_CODE, "creditCode", "统一社会信用代码", problems),
                layout.get(row, LEGAL),
                layout.digits(row, PHONE, "legalRepresentativePhone", "法定代表人电话", true, problems),
                layout.get(row, ADDRESS),
                integer(layout.get(row, EMPLOYEES), "employees", "从业人数", problems),
                null);
        return new Read<>(draft, problems);
    }

    @Override
    String label(Row row, SheetLayout layout) {
        return layout.get(row, NAME);
    }

    @Override
    String key(Row row, SheetLayout layout) {
        return layout.get(row, CREDIT_CODE);
    }
}
