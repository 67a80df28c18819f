-- The event category catalog (事件分类目录), its time-limit rules (时限) and responsibility list (职责清单).
--
-- The catalog is versioned as a whole: a new version is a full copy with its own rules and responsibilities, and
-- an event keeps a snapshot of its category at report time, so a published version is never edited. The current
-- version is the highest published one (published_at not null and not in the future).
--
-- Code scheme
--   综治 (domain GOVERNANCE): no national standard numbers these event types (GB/T 31000-2015 only names the
--     domains), so the platform numbers them: majors 'ZZ' + 2 digits (ZZ01 矛盾纠纷 … ZZ06 其他), minors the major
--     code + 2 digits (ZZ0101 邻里纠纷). standard_ref names the GB/T 31000 domain where there is one.
--   数字城管 (domain CITY): CJ/T 214 / GB/T 30428.2 event codes, 2-digit major + 2-digit minor (0110 暴露垃圾), in
--     the later numbering of STANDARDS.md §1.4 (cmict enum: 01 市容环境, 02 宣传广告, 03 施工管理, 04 街面秩序;
--     the older deployments' 04 突发事件 is gone and their 05 街面秩序 became 04). Minor numbers are the same in
--     every numbering. GB/T 47678.5 (unverified) would shift the majors to 06–09; standard_ref says which scheme.
--   Local extensions (local_extension = true) are minors a deployment adds beyond its base list, numbered down
--     from 99 within their major (0199 其他市容环境问题, 0198 路面积水 …), the convention of STANDARDS.md §1.4.
--     路面积水 and 水域不洁 have time limits in §1.5 but no known standard code, hence extensions here.
create table catalog_version (
    id           serial       primary key,
    name         varchar(100) not null,
    -- Null while a version is being prepared; it becomes current once published.
    published_at timestamptz
);

create table event_category (
    version_id      int          not null references catalog_version (id),
    code            varchar(16)  not null,
    name            varchar(100) not null,
    parent_code     varchar(16),
    kind            varchar(16)  not null,
    domain          varchar(16)  not null,
    standard_ref    varchar(60),
    local_extension boolean      not null default false,
    primary key (version_id, code),
    foreign key (version_id, parent_code) references event_category (version_id, code),
    check (code ~ '^[0-9A-Z]+$'),
    check (kind in ('MAJOR', 'MINOR')),
    check (domain in ('GOVERNANCE', 'CITY')),
    -- A two-level tree: majors at the top, each minor under a major whose code it extends.
    check ((kind = 'MAJOR') = (parent_code is null)),
    check (parent_code is null or (code like parent_code || '%' and length(code) > length(parent_code)))
);
create index event_category_parent on event_category (version_id, parent_code);

-- A rule for a major applies to its minors unless a minor has its own row for the same urgency, area and step; a
-- row with area_class null applies to every area class that has no row of its own.
create table time_limit_rule (
    id            bigserial   primary key,
    version_id    int         not null,
    category_code varchar(16) not null,
    urgency       varchar(12) not null,
    -- Area class of CJ/T 315 / GB/T 30428.8: A core, B ordinary, C other; null = any.
    area_class    char(1),
    step          varchar(12) not null,
    amount        int         not null,
    unit          varchar(16) not null,
    -- Whether an overdue step goes up a level on its own instead of waiting for someone to urge it.
    auto_escalate boolean     not null default false,
    foreign key (version_id, category_code) references event_category (version_id, code),
    check (urgency in ('NORMAL', 'URGENT', 'EMERGENCY')),
    check (area_class in ('A', 'B', 'C')),
    check (step in ('ACCEPT', 'DISPATCH', 'CLAIM', 'HANDLE', 'VERIFY')),
    check (amount > 0),
    check (unit in ('WORKING_HOURS', 'WORKING_DAYS', 'NATURAL_HOURS'))
);
create unique index time_limit_rule_key
    on time_limit_rule (version_id, category_code, urgency, coalesce(area_class, '*'), step);

-- Which organization handles a category at a level; a minor without rows of its own is handled as its major is.
create table responsibility (
    id                bigserial   primary key,
    version_id        int         not null,
    category_code     varchar(16) not null,
    region_level      varchar(12) not null,
    organization_code varchar(40) not null,
    foreign key (version_id, category_code) references event_category (version_id, code),
    check (region_level in ('COUNTY', 'TOWNSHIP')),
    unique (version_id, category_code, region_level, organization_code)
);

insert into catalog_version (id, name, published_at)
values (1, '2026 起步目录', timestamptz '2026-01-01 00:00:00+08');
select setval(pg_get_serial_sequence('catalog_version', 'id'), 1);

-- Majors first: minors reference them.
insert into event_category (version_id, code, name, parent_code, kind, domain, standard_ref, local_extension)
values
    (1, 'ZZ01', '矛盾纠纷', null, 'MAJOR', 'GOVERNANCE', 'GB/T 31000-2015 矛盾纠纷排查化解', false),
    (1, 'ZZ02', '治安隐患', null, 'MAJOR', 'GOVERNANCE', 'GB/T 31000-2015 社会治安', false),
    (1, 'ZZ03', '安全隐患', null, 'MAJOR', 'GOVERNANCE', null, false),
    (1, 'ZZ04', '民生服务', null, 'MAJOR', 'GOVERNANCE', null, false),
    (1, 'ZZ05', '特殊人群', null, 'MAJOR', 'GOVERNANCE', 'GB/T 31000-2015 特殊人群', false),
    (1, 'ZZ06', '其他', null, 'MAJOR', 'GOVERNANCE', null, false),
    (1, '01', '市容环境', null, 'MAJOR', 'CITY', 'CJ/T 214 事件大类 01（cmict 编号；GB/T 47678.5 为 06）', false),
    (1, '02', '宣传广告', null, 'MAJOR', 'CITY', 'CJ/T 214 事件大类 02（cmict 编号；GB/T 47678.5 为 07）', false),
    (1, '03', '施工管理', null, 'MAJOR', 'CITY', 'CJ/T 214 事件大类 03（cmict 编号；GB/T 47678.5 为 08）', false),
    (1, '04', '街面秩序', null, 'MAJOR', 'CITY', 'CJ/T 214 事件大类 04（cmict 编号；旧部署为 05）', false);

insert into event_category (version_id, code, name, parent_code, kind, domain, standard_ref, local_extension)
select 1, m.code, m.name, m.parent_code, 'MINOR', 'GOVERNANCE', null, false
from (values
    ('ZZ0101', '邻里纠纷', 'ZZ01'),
    ('ZZ0102', '婚姻家庭纠纷', 'ZZ01'),
    ('ZZ0103', '土地山林纠纷', 'ZZ01'),
    ('ZZ0104', '劳动争议', 'ZZ01'),
    ('ZZ0105', '物业纠纷', 'ZZ01'),
    ('ZZ0106', '征地拆迁纠纷', 'ZZ01'),
    ('ZZ0107', '医疗纠纷', 'ZZ01'),
    ('ZZ0108', '其他纠纷', 'ZZ01'),
    ('ZZ0201', '治安乱点', 'ZZ02'),
    ('ZZ0202', '涉黄涉赌涉毒线索', 'ZZ02'),
    ('ZZ0203', '可疑人员或物品', 'ZZ02'),
    ('ZZ0204', '校园及周边治安隐患', 'ZZ02'),
    ('ZZ0205', '护路护线隐患', 'ZZ02'),
    ('ZZ0206', '其他治安隐患', 'ZZ02'),
    ('ZZ0301', '消防安全隐患', 'ZZ03'),
    ('ZZ0302', '安全生产隐患', 'ZZ03'),
    ('ZZ0303', '道路交通安全隐患', 'ZZ03'),
    ('ZZ0304', '危房', 'ZZ03'),
    ('ZZ0305', '地质灾害隐患', 'ZZ03'),
    ('ZZ0306', '燃气安全隐患', 'ZZ03'),
    ('ZZ0307', '食品药品安全隐患', 'ZZ03'),
    ('ZZ0308', '防汛隐患', 'ZZ03'),
    ('ZZ0309', '其他安全隐患', 'ZZ03'),
    ('ZZ0401', '社会保障', 'ZZ04'),
    ('ZZ0402', '医疗卫生', 'ZZ04'),
    ('ZZ0403', '教育', 'ZZ04'),
    ('ZZ0404', '就业', 'ZZ04'),
    ('ZZ0405', '水电气暖', 'ZZ04'),
    ('ZZ0406', '养老服务', 'ZZ04'),
    ('ZZ0407', '其他民生诉求', 'ZZ04'),
    ('ZZ0501', '刑满释放人员', 'ZZ05'),
    ('ZZ0502', '社区矫正人员', 'ZZ05'),
    ('ZZ0503', '严重精神障碍患者', 'ZZ05'),
    ('ZZ0504', '吸毒人员', 'ZZ05'),
    ('ZZ0505', '艾滋病危险人员', 'ZZ05'),
    ('ZZ0506', '重点青少年', 'ZZ05'),
    ('ZZ0601', '其他事项', 'ZZ06')
) as m (code, name, parent_code);

insert into event_category (version_id, code, name, parent_code, kind, domain, standard_ref, local_extension)
select 1, m.code, m.name, left(m.code, 2), 'MINOR', 'CITY',
       case when m.extension then null else 'CJ/T 214 事件 ' || m.code || '（cmict 编号）' end,
       m.extension
from (values
    ('0101', '私搭乱建', false),
    ('0107', '沿街晾挂', false),
    ('0110', '暴露垃圾', false),
    ('0111', '积存垃圾渣土', false),
    ('0112', '道路不洁', false),
    ('0113', '道路破损', false),
    ('0114', '道路遗撒', false),
    ('0117', '绿地脏乱', false),
    ('0127', '油烟污染', false),
    ('0129', '露天烧烤', false),
    ('0134', '废弃车辆', false),
    ('0136', '乱堆物堆料', false),
    ('0142', '垃圾站（箱）满溢', false),
    ('0199', '其他市容环境问题', true),
    ('0198', '路面积水', true),
    ('0197', '水域不洁', true),
    ('0201', '非法小广告', false),
    ('0202', '街头散发广告', false),
    ('0203', '违规户外广告', false),
    ('0206', '违规牌匾标识', false),
    ('0299', '其他宣传广告问题', true),
    ('0301', '施工扰民', false),
    ('0302', '施工占道', false),
    ('0303', '无证掘路', false),
    ('0304', '工地扬尘', false),
    ('0305', '施工废弃料', false),
    ('0311', '渣土车未密闭', false),
    ('0399', '其他施工管理问题', true),
    ('0401', '无照经营游商', false),
    ('0403', '流浪乞讨', false),
    ('0405', '店外经营', false),
    ('0406', '占道经营', false),
    ('0409', '机动车乱停放', false),
    ('0410', '非机动车乱停放', false),
    ('0412', '占用消防通道', false),
    ('0499', '其他街面秩序问题', true)
) as m (code, name, extension);

-- Defaults for every major: the same accept, dispatch, claim and verify limits for all, a handling limit per major.
-- Emergencies are counted in natural hours because they do not wait for office hours; the practice is to accept
-- within 30 minutes, but the smallest unit is an hour, so 1 natural hour stands for it. Urgent and emergency steps
-- escalate on their own once overdue.
insert into time_limit_rule (version_id, category_code, urgency, area_class, step, amount, unit, auto_escalate)
select 1, c.code, s.urgency, null, s.step, s.amount, s.unit, s.urgency <> 'NORMAL'
from event_category c
cross join (values
    ('NORMAL', 'ACCEPT', 2, 'WORKING_HOURS'),
    ('NORMAL', 'DISPATCH', 2, 'WORKING_HOURS'),
    ('NORMAL', 'CLAIM', 2, 'WORKING_HOURS'),
    ('NORMAL', 'VERIFY', 1, 'WORKING_DAYS'),
    ('URGENT', 'ACCEPT', 1, 'WORKING_HOURS'),
    ('URGENT', 'DISPATCH', 1, 'WORKING_HOURS'),
    ('URGENT', 'CLAIM', 1, 'WORKING_HOURS'),
    ('URGENT', 'VERIFY', 4, 'WORKING_HOURS'),
    ('EMERGENCY', 'ACCEPT', 1, 'NATURAL_HOURS'),
    ('EMERGENCY', 'DISPATCH', 1, 'NATURAL_HOURS'),
    ('EMERGENCY', 'CLAIM', 1, 'NATURAL_HOURS'),
    ('EMERGENCY', 'VERIFY', 2, 'NATURAL_HOURS')
) as s (urgency, step, amount, unit)
where c.version_id = 1 and c.kind = 'MAJOR';

insert into time_limit_rule (version_id, category_code, urgency, area_class, step, amount, unit, auto_escalate)
select 1, h.code, h.urgency, null, 'HANDLE', h.amount, h.unit, h.urgency <> 'NORMAL'
from (values
    -- A dispute takes rounds of mediation; two working weeks is the usual target before it is passed on.
    ('ZZ01', 'NORMAL', 10, 'WORKING_DAYS'),
    ('ZZ01', 'URGENT', 3, 'WORKING_DAYS'),
    ('ZZ01', 'EMERGENCY', 24, 'NATURAL_HOURS'),
    ('ZZ02', 'NORMAL', 3, 'WORKING_DAYS'),
    ('ZZ02', 'URGENT', 1, 'WORKING_DAYS'),
    ('ZZ02', 'EMERGENCY', 4, 'NATURAL_HOURS'),
    ('ZZ03', 'NORMAL', 2, 'WORKING_DAYS'),
    ('ZZ03', 'URGENT', 4, 'WORKING_HOURS'),
    ('ZZ03', 'EMERGENCY', 2, 'NATURAL_HOURS'),
    ('ZZ04', 'NORMAL', 5, 'WORKING_DAYS'),
    ('ZZ04', 'URGENT', 2, 'WORKING_DAYS'),
    ('ZZ04', 'EMERGENCY', 24, 'NATURAL_HOURS'),
    ('ZZ05', 'NORMAL', 3, 'WORKING_DAYS'),
    ('ZZ05', 'URGENT', 1, 'WORKING_DAYS'),
    ('ZZ05', 'EMERGENCY', 2, 'NATURAL_HOURS'),
    ('ZZ06', 'NORMAL', 5, 'WORKING_DAYS'),
    ('ZZ06', 'URGENT', 2, 'WORKING_DAYS'),
    ('ZZ06', 'EMERGENCY', 24, 'NATURAL_HOURS'),
    ('01', 'NORMAL', 1, 'WORKING_DAYS'),
    ('01', 'URGENT', 4, 'WORKING_HOURS'),
    ('01', 'EMERGENCY', 2, 'NATURAL_HOURS'),
    ('02', 'NORMAL', 1, 'WORKING_DAYS'),
    ('02', 'URGENT', 4, 'WORKING_HOURS'),
    ('02', 'EMERGENCY', 2, 'NATURAL_HOURS'),
    ('03', 'NORMAL', 3, 'WORKING_DAYS'),
    ('03', 'URGENT', 1, 'WORKING_DAYS'),
    ('03', 'EMERGENCY', 4, 'NATURAL_HOURS'),
    ('04', 'NORMAL', 4, 'WORKING_HOURS'),
    ('04', 'URGENT', 2, 'WORKING_HOURS'),
    ('04', 'EMERGENCY', 1, 'NATURAL_HOURS')
) as h (code, urgency, amount, unit);

-- City-management handling limits of STANDARDS.md §1.5 (city rules under CJ/T 315). The A and C rows of 暴露垃圾
-- are this deployment's choice: a core area is cleaned twice as fast, class C gets Jiyuan's one working day.
insert into time_limit_rule (version_id, category_code, urgency, area_class, step, amount, unit)
values
    -- 私搭乱建: stop work 4 h and fine 7 d are intermediate; the case closes when the structure is removed.
    (1, '0101', 'NORMAL', null, 'HANDLE', 20, 'WORKING_DAYS'),
    (1, '0110', 'NORMAL', null, 'HANDLE', 4, 'WORKING_HOURS'),
    (1, '0110', 'NORMAL', 'A', 'HANDLE', 2, 'WORKING_HOURS'),
    (1, '0110', 'NORMAL', 'C', 'HANDLE', 1, 'WORKING_DAYS'),
    -- 积存垃圾渣土: construction waste is 4 h, spoil 2 d; the category covers both, so the longer one.
    (1, '0111', 'NORMAL', null, 'HANDLE', 2, 'WORKING_DAYS'),
    (1, '0112', 'NORMAL', null, 'HANDLE', 2, 'WORKING_HOURS'),
    (1, '0117', 'NORMAL', null, 'HANDLE', 4, 'WORKING_HOURS'),
    (1, '0198', 'NORMAL', null, 'HANDLE', 4, 'WORKING_HOURS'),
    (1, '0197', 'NORMAL', null, 'HANDLE', 15, 'WORKING_DAYS');

-- Demo: the city-management bureau handles every city-management category at county level; minors inherit.
insert into responsibility (version_id, category_code, region_level, organization_code)
select 1, code, 'COUNTY', '421381-cgj'
from event_category
where version_id = 1 and kind = 'MAJOR' and domain = 'CITY';
