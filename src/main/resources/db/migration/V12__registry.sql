-- Base information registry (GB/T 31000 "9+X": people, houses, households). Every row sits in one grid; the grid
-- code is the scope every query binds. Retirement is logical (retired_at + reason): records are never deleted.

-- 实有房屋: a dwelling or other building unit with its door plate; rental houses name their landlord.
create table house (
    id              bigserial        primary key,
    grid_code       varchar(17)      not null,
    address         text             not null,
    building        text,
    unit            text,
    room            text,
    door_plate      text,
    use             text             not null default 'RESIDENTIAL',
    owner_name      text,
    owner_phone     bytea,
    rental          boolean          not null default false,
    landlord_name   text,
    landlord_phone  bytea,
    lon             double precision,
    lat             double precision,
    verified_at     timestamptz,
    created_at      timestamptz      not null,
    updated_at      timestamptz      not null,
    version         integer          not null default 0,
    retired_at      timestamptz,
    retired_reason  text
);
create index house_grid on house (grid_code text_pattern_ops) where retired_at is null;
create index house_address on house (address text_pattern_ops);

-- 户: a household, with its number (户号) and its house; its head is one of its residents.
create table household (
    id                bigserial   primary key,
    grid_code         varchar(17) not null,
    household_number  text,
    house_id          bigint      references house (id),
    head_resident_id  bigint,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           integer     not null default 0,
    retired_at        timestamptz,
    retired_reason    text
);
create index household_grid on household (grid_code text_pattern_ops) where retired_at is null;
create index household_house on household (house_id);

-- 实有人口: one record per person for good (a person who moves changes grid, not record). ID number and phone are
-- sealed (AES-GCM) with a keyed lookup hash; name_grams holds every character and pair of characters of the name
-- so that a fragment of a Chinese name finds its people through one GIN index, whatever the server's locale.
create table resident (
    id                   bigserial    primary key,
    grid_code            varchar(17)  not null,
    name                 text         not null,
    name_grams           text[]       not null,
    id_number            bytea,
    id_number_hash       bytea,
    sex                  char(1)      not null,
    ethnicity            char(2),
    birth_date           date,
    registered_region    varchar(12),
    registered_address   text,
    current_address      text,
    house_id             bigint       references house (id),
    household_id         bigint       references household (id),
    relation_to_head     char(2),
    phone                bytea,
    phone_hash           bytea,
    education            text,
    political_status     text,
    religion             text,
    occupation           text,
    employer             text,
    kind                 text         not null,
    -- What only one kind has: a floating resident's inflow reason and residence permit, a foreign resident's
    -- document and dates, a left-behind person's situation. Checked by the application per kind.
    kind_details         jsonb        not null default '{}',
    tags                 text[]       not null default '{}',
    verified_at          timestamptz,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              integer      not null default 0,
    retired_at           timestamptz,
    retired_reason       text,
    constraint resident_kind check (kind in ('REGISTERED', 'FLOATING', 'FOREIGN', 'LEFT_BEHIND')),
    constraint resident_sex check (sex in ('0', '1', '2', '9'))
);
create unique index resident_one_per_person on resident (id_number_hash);
create index resident_grid on resident (grid_code text_pattern_ops, id);
create index resident_name on resident (name text_pattern_ops);
create index resident_name_grams on resident using gin (name_grams);
create index resident_phone on resident (phone_hash);
create index resident_house on resident (house_id);
create index resident_household on resident (household_id);
create index resident_tags on resident using gin (tags);

alter table household
    add constraint household_head foreign key (head_resident_id) references resident (id);

-- Who changed what in the registry, field by field, old → new. Personal data appears masked here. Append-only.
create table registry_change (
    id           bigserial    primary key,
    entity_type  text         not null,
    entity_id    bigint       not null,
    grid_code    varchar(17)  not null,
    field        text         not null,
    old_value    text,
    new_value    text,
    actor_id     bigint,
    actor_name   text,
    note         text,
    at           timestamptz  not null
);
create index registry_change_entity on registry_change (entity_type, entity_id, at desc, id desc);

create function registry_change_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'registry_change is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger registry_change_no_update before update or delete on registry_change
    for each row execute function registry_change_is_append_only();
create trigger registry_change_no_truncate before truncate on registry_change
    for each statement execute function registry_change_is_append_only();

-- Code sets the registry checks values against (GB 3304 ethnicities, GB/T 4761 family relations, GB/T 4658
-- education, GB/T 4762 political status, and GB/T 31000 custom lists). Data, not code: a deployment may add values.
create table code_value (
    code_set  text    not null,
    code      text    not null,
    name      text    not null,
    position  integer not null,
    primary key (code_set, code)
);

insert into code_value (code_set, code, name, position) values
    ('ETHNICITY', '01', '汉族', 1),
    ('ETHNICITY', '02', '蒙古族', 2),
    ('ETHNICITY', '03', '回族', 3),
    ('ETHNICITY', '04', '藏族', 4),
    ('ETHNICITY', '05', '维吾尔族', 5),
    ('ETHNICITY', '06', '苗族', 6),
    ('ETHNICITY', '07', '彝族', 7),
    ('ETHNICITY', '08', '壮族', 8),
    ('ETHNICITY', '09', '布依族', 9),
    ('ETHNICITY', '10', '朝鲜族', 10),
    ('ETHNICITY', '11', '满族', 11),
    ('ETHNICITY', '12', '侗族', 12),
    ('ETHNICITY', '13', '瑶族', 13),
    ('ETHNICITY', '14', '白族', 14),
    ('ETHNICITY', '15', '土家族', 15),
    ('ETHNICITY', '16', '哈尼族', 16),
    ('ETHNICITY', '17', '哈萨克族', 17),
    ('ETHNICITY', '18', '傣族', 18),
    ('ETHNICITY', '19', '黎族', 19),
    ('ETHNICITY', '20', '傈僳族', 20),
    ('ETHNICITY', '21', '佤族', 21),
    ('ETHNICITY', '22', '畲族', 22),
    ('ETHNICITY', '23', '高山族', 23),
    ('ETHNICITY', '24', '拉祜族', 24),
    ('ETHNICITY', '25', '水族', 25),
    ('ETHNICITY', '26', '东乡族', 26),
    ('ETHNICITY', '27', '纳西族', 27),
    ('ETHNICITY', '28', '景颇族', 28),
    ('ETHNICITY', '29', '柯尔克孜族', 29),
    ('ETHNICITY', '30', '土族', 30),
    ('ETHNICITY', '31', '达斡尔族', 31),
    ('ETHNICITY', '32', '仫佬族', 32),
    ('ETHNICITY', '33', '羌族', 33),
    ('ETHNICITY', '34', '布朗族', 34),
    ('ETHNICITY', '35', '撒拉族', 35),
    ('ETHNICITY', '36', '毛南族', 36),
    ('ETHNICITY', '37', '仡佬族', 37),
    ('ETHNICITY', '38', '锡伯族', 38),
    ('ETHNICITY', '39', '阿昌族', 39),
    ('ETHNICITY', '40', '普米族', 40),
    ('ETHNICITY', '41', '塔吉克族', 41),
    ('ETHNICITY', '42', '怒族', 42),
    ('ETHNICITY', '43', '乌孜别克族', 43),
    ('ETHNICITY', '44', '俄罗斯族', 44),
    ('ETHNICITY', '45', '鄂温克族', 45),
    ('ETHNICITY', '46', '德昂族', 46),
    ('ETHNICITY', '47', '保安族', 47),
    ('ETHNICITY', '48', '裕固族', 48),
    ('ETHNICITY', '49', '京族', 49),
    ('ETHNICITY', '50', '塔塔尔族', 50),
    ('ETHNICITY', '51', '独龙族', 51),
    ('ETHNICITY', '52', '鄂伦春族', 52),
    ('ETHNICITY', '53', '赫哲族', 53),
    ('ETHNICITY', '54', '门巴族', 54),
    ('ETHNICITY', '55', '珞巴族', 55),
    ('ETHNICITY', '56', '基诺族', 56),
    ('ETHNICITY', '97', '其他', 57),
    ('ETHNICITY', '98', '外国血统中国籍人士', 58),
    ('RELATION', '01', '本人', 1),
    ('RELATION', '02', '户主', 2),
    ('RELATION', '10', '配偶', 3),
    ('RELATION', '11', '夫', 4),
    ('RELATION', '12', '妻', 5),
    ('RELATION', '20', '子', 6),
    ('RELATION', '30', '女', 7),
    ('RELATION', '40', '孙子、孙女或外孙子、外孙女', 8),
    ('RELATION', '50', '父母', 9),
    ('RELATION', '51', '父亲', 10),
    ('RELATION', '52', '母亲', 11),
    ('RELATION', '60', '祖父母或外祖父母', 12),
    ('RELATION', '70', '兄、弟、姐、妹', 13),
    ('RELATION', '80', '其他亲属', 14),
    ('RELATION', '99', '非亲属', 15),
    ('EDUCATION', '10', '研究生', 1),
    ('EDUCATION', '20', '大学本科', 2),
    ('EDUCATION', '30', '大学专科', 3),
    ('EDUCATION', '40', '中等职业教育', 4),
    ('EDUCATION', '60', '普通高中', 5),
    ('EDUCATION', '70', '初中', 6),
    ('EDUCATION', '80', '小学', 7),
    ('EDUCATION', '90', '其他', 8),
    ('POLITICAL_STATUS', '01', '中共党员', 1),
    ('POLITICAL_STATUS', '02', '中共预备党员', 2),
    ('POLITICAL_STATUS', '03', '共青团员', 3),
    ('POLITICAL_STATUS', '04', '民革党员', 4),
    ('POLITICAL_STATUS', '05', '民盟盟员', 5),
    ('POLITICAL_STATUS', '06', '民建会员', 6),
    ('POLITICAL_STATUS', '07', '民进会员', 7),
    ('POLITICAL_STATUS', '08', '农工党党员', 8),
    ('POLITICAL_STATUS', '09', '致公党党员', 9),
    ('POLITICAL_STATUS', '10', '九三学社社员', 10),
    ('POLITICAL_STATUS', '11', '台盟盟员', 11),
    ('POLITICAL_STATUS', '12', '无党派人士', 12),
    ('POLITICAL_STATUS', '13', '群众', 13),
    ('INFLOW_REASON', '01', '务工', 1),
    ('INFLOW_REASON', '02', '经商', 2),
    ('INFLOW_REASON', '03', '学习培训', 3),
    ('INFLOW_REASON', '04', '投靠亲友', 4),
    ('INFLOW_REASON', '05', '婚嫁', 5),
    ('INFLOW_REASON', '06', '就医', 6),
    ('INFLOW_REASON', '99', '其他', 7),
    ('DOCUMENT_TYPE', 'PASSPORT', '护照', 1),
    ('DOCUMENT_TYPE', 'PERMANENT_RESIDENCE', '外国人永久居留身份证', 2),
    ('DOCUMENT_TYPE', 'HK_MACAO_PERMIT', '港澳居民来往内地通行证', 3),
    ('DOCUMENT_TYPE', 'TAIWAN_PERMIT', '台湾居民来往大陆通行证', 4),
    ('DOCUMENT_TYPE', 'OTHER', '其他证件', 5),
    ('STAY_PURPOSE', 'WORK', '工作', 1),
    ('STAY_PURPOSE', 'STUDY', '学习', 2),
    ('STAY_PURPOSE', 'BUSINESS', '商务', 3),
    ('STAY_PURPOSE', 'FAMILY', '探亲', 4),
    ('STAY_PURPOSE', 'TOURISM', '旅游', 5),
    ('STAY_PURPOSE', 'OTHER', '其他', 6),
    ('HOUSE_USE', 'RESIDENTIAL', '居住', 1),
    ('HOUSE_USE', 'COMMERCIAL', '商用', 2),
    ('HOUSE_USE', 'MIXED', '商住两用', 3),
    ('HOUSE_USE', 'OFFICE', '办公', 4),
    ('HOUSE_USE', 'INDUSTRIAL', '生产', 5),
    ('HOUSE_USE', 'STORAGE', '仓储', 6),
    ('HOUSE_USE', 'VACANT', '空置', 7),
    ('HOUSE_USE', 'OTHER', '其他', 8),
    ('LEFT_BEHIND_TYPE', 'ELDERLY', '留守老人', 1),
    ('LEFT_BEHIND_TYPE', 'CHILD', '留守儿童', 2),
    ('LEFT_BEHIND_TYPE', 'WOMAN', '留守妇女', 3);
