package org.gridgov.registry.internal;

/**
 * The registers kept in workbooks; the name is the import job's {@code kind}. Each says what a refused row is named
 * by in the rejections report: its label column and, where the register has a unique number, its key column.
 */
public enum RecordKind {
    RESIDENT("实有人口", "姓名", "Name", "身份证号", "ID number"),
    HOUSE("实有房屋", "地址", "Address", null, null),
    PLACE("场所", "场所名称", "Name", null, null),
    ORGANIZATION("组织", "组织名称", "Name", "统一社会信用代码", "Credit code");

    private final String label;
    private final String labelTitle;
    private final String labelTitleEn;
    private final String keyTitle;
    private final String keyTitleEn;

    RecordKind(String label, String labelTitle, String labelTitleEn, String keyTitle, String keyTitleEn) {
        this.label = label;
        this.labelTitle = labelTitle;
        this.labelTitleEn = labelTitleEn;
        this.keyTitle = keyTitle;
        this.keyTitleEn = keyTitleEn;
    }

    public String label() {
        return label;
    }

    /** The rejection report's title for the label column, in Chinese and English. */
    String labelTitle() {
        return labelTitle + " " + labelTitleEn;
    }

    /** The title of the key column, or null where the register has no unique number. */
    String keyTitle() {
        return keyTitle == null ? null : keyTitle + " " + keyTitleEn;
    }
}
