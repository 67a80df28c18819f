-- Special groups (特殊人群) and service recipients (重点服务对象): which people a grid keeps under attention, with the
-- GB/T 31000 fields of each group, an attention level, and follow-ups (走访/帮扶) due at a fixed frequency. Group types
-- and their fields are data, so that a deployment can add a group or a field without a release.

-- The groups. category SPECIAL needs special:read/special:write; SERVICE needs registry:read/registry:write.
-- ledgers names the ledgers (三本台账) the group's people appear in: LIVELIHOOD 民生服务, HARDSHIP 困难群众,
-- STABILITY 社会稳定.
create table person_group_type (
    code                    text     primary key,
    category                text     not null,
    name                    text     not null,
    name_en                 text     not null,
    default_frequency_days  integer  not null,
    ledgers                 text[]   not null default '{}',
    position                integer  not null,
    constraint person_group_type_category check (category in ('SPECIAL', 'SERVICE'))
);

-- The fields a group's record carries beyond the person: TEXT (at most 500 characters), DATE (yyyy-MM-dd) or CODE
-- (a value of code_set).
create table person_group_field (
    group_code  text     not null references person_group_type (code),
    field       text     not null,
    label       text     not null,
    label_en    text     not null,
    type        text     not null,
    code_set    text,
    required    boolean  not null default false,
    position    integer  not null,
    primary key (group_code, field),
    constraint person_group_field_type check (type in ('TEXT', 'DATE', 'CODE')),
    constraint person_group_field_code_set check ((type = 'CODE') = (code_set is not null))
);

-- One person in one group. The scope is the person's grid (joined from resident, so a move carries the record
-- along). next_due_on = (last follow-up, or the day of registration) + frequency_days, kept as a column so that
-- "overdue" is one indexed comparison with today's date.
create table person_group_member (
    id                 bigserial    primary key,
    resident_id        bigint       not null references resident (id),
    group_code         text         not null references person_group_type (code),
    details            jsonb        not null default '{}',
    attention_level    text         not null,
    frequency_days     integer      not null,
    registered_on      date         not null,
    last_follow_up_on  date,
    next_due_on        date         not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            integer      not null default 0,
    ended_at           timestamptz,
    ended_reason       text,
    constraint person_group_member_frequency check (frequency_days between 1 and 366)
);
create unique index person_group_member_once on person_group_member (resident_id, group_code) where ended_at is null;
create index person_group_member_due on person_group_member (next_due_on) where ended_at is null;
create index person_group_member_group on person_group_member (group_code, id) where ended_at is null;

-- 走访/帮扶: one visit, help or phone call for one person in one group. Append-only by use: a wrong record is
-- corrected by a new one.
create table follow_up (
    id          bigserial    primary key,
    member_id   bigint       not null references person_group_member (id),
    done_on     date         not null,
    kind        text         not null,
    content     text         not null,
    actor_id    bigint,
    actor_name  text,
    created_at  timestamptz  not null,
    constraint follow_up_kind check (kind in ('VISIT', 'HELP', 'PHONE'))
);
create index follow_up_member on follow_up (member_id, done_on desc, id desc);

-- Registers a deployment defines itself ("N" registers, tags with fields): fields is a JSON array of
-- {"name","label","type":"TEXT|DATE|CODE|NUMBER","required","codeSet"}; entries keep their values as JSON checked
-- against it.
create table register_type (
    id               bigserial    primary key,
    code             text         not null unique,
    name             text         not null,
    fields           jsonb        not null,
    created_by_name  text,
    created_at       timestamptz  not null
);

create table register_entry (
    id                bigserial    primary key,
    register_type_id  bigint       not null references register_type (id),
    resident_id       bigint       not null references resident (id),
    field_values      jsonb        not null,
    actor_id          bigint,
    actor_name        text,
    created_at        timestamptz  not null
);
create index register_entry_type on register_entry (register_type_id, id desc);
create index register_entry_resident on register_entry (resident_id);

insert into person_group_type (code, category, name, name_en, default_frequency_days, ledgers, position) values
    ('RELEASED_PRISONER', 'SPECIAL', '刑满释放人员', 'Released prisoner', 30, '{STABILITY}', 1),
    ('COMMUNITY_CORRECTION', 'SPECIAL', '社区矫正人员', 'Community correction', 7, '{STABILITY}', 2),
    ('SEVERE_MENTAL_DISORDER', 'SPECIAL', '严重精神障碍患者', 'Severe mental disorder', 14, '{STABILITY}', 3),
    ('DRUG_USER', 'SPECIAL', '吸毒人员', 'Drug user', 14, '{STABILITY}', 4),
    ('HIV_RISK', 'SPECIAL', '艾滋病危险人员', 'HIV risk', 30, '{STABILITY}', 5),
    ('KEY_YOUTH', 'SPECIAL', '重点青少年', 'Key youth', 30, '{STABILITY}', 6),
    ('EMPTY_NEST_ELDERLY', 'SERVICE', '空巢老人', 'Empty-nest elderly', 30, '{LIVELIHOOD}', 7),
    ('DISABLED', 'SERVICE', '残疾人', 'Person with disability', 60, '{LIVELIHOOD}', 8),
    ('LOW_INCOME', 'SERVICE', '低保对象', 'Low-income allowance', 90, '{LIVELIHOOD,HARDSHIP}', 9),
    ('LEFT_BEHIND_CHILD', 'SERVICE', '留守儿童', 'Left-behind child', 30, '{LIVELIHOOD}', 10),
    ('HARDSHIP', 'SERVICE', '困难群众', 'Person in hardship', 30, '{LIVELIHOOD,HARDSHIP}', 11);

insert into person_group_field (group_code, field, label, label_en, type, code_set, required, position) values
    ('RELEASED_PRISONER', 'recidivist', '是否累犯', 'Recidivist', 'CODE', 'YES_NO', false, 1),
    ('RELEASED_PRISONER', 'originalCharge', '原罪名', 'Original charge', 'TEXT', null, true, 2),
    ('RELEASED_PRISONER', 'originalSentence', '原判刑期', 'Original sentence', 'TEXT', null, false, 3),
    ('RELEASED_PRISONER', 'prison', '服刑场所', 'Prison', 'TEXT', null, false, 4),
    ('RELEASED_PRISONER', 'releasedOn', '释放日期', 'Released on', 'DATE', null, true, 5),
    ('RELEASED_PRISONER', 'riskAssessment', '危险性评估类型', 'Risk assessment', 'CODE', 'RISK_ASSESSMENT', false, 6),
    ('RELEASED_PRISONER', 'handoverOn', '衔接日期', 'Handed over on', 'DATE', null, false, 7),
    ('RELEASED_PRISONER', 'handover', '衔接情况', 'Handover', 'CODE', 'HANDOVER', false, 8),
    ('RELEASED_PRISONER', 'placedOn', '安置日期', 'Placed on', 'DATE', null, false, 9),
    ('RELEASED_PRISONER', 'placement', '安置情况', 'Placement', 'CODE', 'PLACEMENT', false, 10),
    ('RELEASED_PRISONER', 'unplacedReason', '未安置原因', 'Reason not placed', 'TEXT', null, false, 11),
    ('RELEASED_PRISONER', 'assistance', '帮教情况', 'Assistance', 'TEXT', null, false, 12),
    ('RELEASED_PRISONER', 'reoffended', '是否重新犯罪', 'Reoffended', 'CODE', 'YES_NO', false, 13),
    ('RELEASED_PRISONER', 'reoffenceCharge', '重新犯罪罪名', 'New charge', 'TEXT', null, false, 14),
    ('COMMUNITY_CORRECTION', 'correctionType', '矫正类别', 'Correction type', 'CODE', 'CORRECTION_TYPE', true, 1),
    ('COMMUNITY_CORRECTION', 'caseCategory', '案件类别', 'Case category', 'TEXT', null, false, 2),
    ('COMMUNITY_CORRECTION', 'charge', '具体罪名', 'Charge', 'TEXT', null, false, 3),
    ('COMMUNITY_CORRECTION', 'originalSentence', '原判刑期', 'Original sentence', 'TEXT', null, false, 4),
    ('COMMUNITY_CORRECTION', 'sentenceFrom', '原判刑期起', 'Sentence from', 'DATE', null, false, 5),
    ('COMMUNITY_CORRECTION', 'sentenceTo', '原判刑期止', 'Sentence to', 'DATE', null, false, 6),
    ('COMMUNITY_CORRECTION', 'correctionFrom', '矫正起始日期', 'Correction from', 'DATE', null, true, 7),
    ('COMMUNITY_CORRECTION', 'correctionTo', '矫正终止日期', 'Correction to', 'DATE', null, false, 8),
    ('COMMUNITY_CORRECTION', 'reception', '接收方式', 'Reception', 'CODE', 'RECEPTION', false, 9),
    ('COMMUNITY_CORRECTION', 'fourHistories', '“四史”情况', 'Four histories', 'TEXT', null, false, 10),
    ('COMMUNITY_CORRECTION', 'threeInvolvements', '“三涉”情况', 'Three involvements', 'TEXT', null, false, 11),
    ('COMMUNITY_CORRECTION', 'teamFormed', '是否建立矫正小组', 'Correction team formed', 'CODE', 'YES_NO', false, 12),
    ('COMMUNITY_CORRECTION', 'teamMembers', '矫正小组人员组成', 'Team members', 'TEXT', null, false, 13),
    ('COMMUNITY_CORRECTION', 'ending', '矫正解除（终止）类型', 'Ending', 'CODE', 'CORRECTION_ENDING', false, 14),
    ('COMMUNITY_CORRECTION', 'absconded', '是否脱管', 'Absconded', 'CODE', 'YES_NO', false, 15),
    ('COMMUNITY_CORRECTION', 'missed', '是否漏管', 'Missed', 'CODE', 'YES_NO', false, 16),
    ('COMMUNITY_CORRECTION', 'reoffended', '是否重新犯罪', 'Reoffended', 'CODE', 'YES_NO', false, 17),
    ('SEVERE_MENTAL_DISORDER', 'familyEconomy', '家庭经济状况', 'Family economy', 'CODE', 'FAMILY_ECONOMY', false, 1),
    ('SEVERE_MENTAL_DISORDER', 'diagnosis', '目前诊断类型', 'Diagnosis', 'CODE', 'DIAGNOSIS', false, 2),
    ('SEVERE_MENTAL_DISORDER', 'dangerLevel', '目前危险性评估等级', 'Danger level', 'CODE', 'DANGER_LEVEL', true, 3),
    ('SEVERE_MENTAL_DISORDER', 'treatment', '治疗情况', 'Treatment', 'CODE', 'TREATMENT', false, 4),
    ('SEVERE_MENTAL_DISORDER', 'hospitalizationReason', '实施住院治疗原因', 'Hospitalization reason', 'TEXT', null, false, 5),
    ('SEVERE_MENTAL_DISORDER', 'managers', '参与管理人员', 'Managing persons', 'TEXT', null, false, 6),
    ('SEVERE_MENTAL_DISORDER', 'assistance', '帮扶情况', 'Assistance', 'TEXT', null, false, 7),
    ('DRUG_USER', 'reason', '吸毒原因', 'Reason', 'TEXT', null, false, 1),
    ('DRUG_USER', 'consequence', '吸毒后果', 'Consequence', 'TEXT', null, false, 2),
    ('DRUG_USER', 'control', '管控情况', 'Control', 'CODE', 'DRUG_CONTROL', true, 3),
    ('HIV_RISK', 'infectionRoute', '感染途径', 'Infection route', 'CODE', 'INFECTION_ROUTE', false, 1),
    ('HIV_RISK', 'attentionType', '关注类型', 'Attention type', 'CODE', 'HIV_ATTENTION', true, 2),
    ('HIV_RISK', 'admission', '收治情况', 'Admission', 'CODE', 'ADMISSION', false, 3),
    ('KEY_YOUTH', 'youthType', '人员类型', 'Type', 'CODE', 'KEY_YOUTH_TYPE', true, 1),
    ('KEY_YOUTH', 'familySituation', '家庭情况', 'Family situation', 'TEXT', null, false, 2),
    ('KEY_YOUTH', 'guardianName', '监护人姓名', 'Guardian', 'TEXT', null, false, 3),
    ('KEY_YOUTH', 'assistanceMeans', '帮扶手段', 'Assistance means', 'TEXT', null, false, 4),
    ('EMPTY_NEST_ELDERLY', 'livingAlone', '是否独居', 'Living alone', 'CODE', 'YES_NO', false, 1),
    ('EMPTY_NEST_ELDERLY', 'health', '健康状况', 'Health', 'CODE', 'HEALTH', false, 2),
    ('EMPTY_NEST_ELDERLY', 'needs', '困难及诉求', 'Needs', 'TEXT', null, false, 3),
    ('DISABLED', 'disabilityType', '残疾类别', 'Disability type', 'CODE', 'DISABILITY_TYPE', true, 1),
    ('DISABLED', 'disabilityGrade', '残疾等级', 'Disability grade', 'CODE', 'DISABILITY_GRADE', false, 2),
    ('DISABLED', 'certificateNumber', '残疾人证号', 'Certificate number', 'TEXT', null, false, 3),
    ('LOW_INCOME', 'allowanceType', '救助类别', 'Allowance type', 'CODE', 'ALLOWANCE_TYPE', true, 1),
    ('LOW_INCOME', 'since', '享受起始日期', 'Since', 'DATE', null, false, 2),
    ('LOW_INCOME', 'monthlyAmount', '月救助金额（元）', 'Monthly amount (yuan)', 'TEXT', null, false, 3),
    ('LEFT_BEHIND_CHILD', 'guardianName', '监护人姓名', 'Guardian', 'TEXT', null, false, 1),
    ('LEFT_BEHIND_CHILD', 'guardianRelation', '与监护人关系', 'Relation to guardian', 'CODE', 'RELATION', false, 2),
    ('LEFT_BEHIND_CHILD', 'parentsWorkplace', '父母务工地', 'Parents work in', 'TEXT', null, false, 3),
    ('HARDSHIP', 'hardshipType', '困难类型', 'Hardship type', 'CODE', 'HARDSHIP_TYPE', true, 1),
    ('HARDSHIP', 'needs', '困难及诉求', 'Needs', 'TEXT', null, false, 2),
    ('HARDSHIP', 'familyIncome', '家庭年收入（元）', 'Family income (yuan)', 'TEXT', null, false, 3);

-- The standard names these code sets but its values were not at hand: these are working values a deployment may
-- replace with the standard's.
insert into code_value (code_set, code, name, position) values
    ('ATTENTION_LEVEL', 'LOW', '一般', 1),
    ('ATTENTION_LEVEL', 'MEDIUM', '中等', 2),
    ('ATTENTION_LEVEL', 'HIGH', '严重', 3),
    ('YES_NO', '1', '是', 1),
    ('YES_NO', '0', '否', 2),
    ('RISK_ASSESSMENT', '01', '不致再危害社会', 1),
    ('RISK_ASSESSMENT', '02', '可能再危害社会', 2),
    ('RISK_ASSESSMENT', '03', '可能严重危害社会', 3),
    ('HANDOVER', '01', '已衔接', 1),
    ('HANDOVER', '02', '未衔接', 2),
    ('PLACEMENT', '01', '已安置', 1),
    ('PLACEMENT', '02', '未安置', 2),
    ('CORRECTION_TYPE', '01', '管制', 1),
    ('CORRECTION_TYPE', '02', '缓刑', 2),
    ('CORRECTION_TYPE', '03', '假释', 3),
    ('CORRECTION_TYPE', '04', '暂予监外执行', 4),
    ('RECEPTION', '01', '当庭接收', 1),
    ('RECEPTION', '02', '监狱接收', 2),
    ('RECEPTION', '03', '自行报到', 3),
    ('RECEPTION', '99', '其他', 4),
    ('CORRECTION_ENDING', '01', '矫正期满', 1),
    ('CORRECTION_ENDING', '02', '收监执行', 2),
    ('CORRECTION_ENDING', '03', '死亡', 3),
    ('CORRECTION_ENDING', '99', '其他', 4),
    ('FAMILY_ECONOMY', '01', '贫困（低保）', 1),
    ('FAMILY_ECONOMY', '02', '一般', 2),
    ('FAMILY_ECONOMY', '03', '较好', 3),
    ('DIAGNOSIS', '01', '精神分裂症', 1),
    ('DIAGNOSIS', '02', '分裂情感性障碍', 2),
    ('DIAGNOSIS', '03', '偏执性精神病', 3),
    ('DIAGNOSIS', '04', '双相（情感）障碍', 4),
    ('DIAGNOSIS', '05', '癫痫所致精神障碍', 5),
    ('DIAGNOSIS', '06', '精神发育迟滞伴发精神障碍', 6),
    ('DANGER_LEVEL', '0', '0级', 1),
    ('DANGER_LEVEL', '1', '1级', 2),
    ('DANGER_LEVEL', '2', '2级', 3),
    ('DANGER_LEVEL', '3', '3级', 4),
    ('DANGER_LEVEL', '4', '4级', 5),
    ('DANGER_LEVEL', '5', '5级', 6),
    ('TREATMENT', '01', '未治疗', 1),
    ('TREATMENT', '02', '间断门诊治疗', 2),
    ('TREATMENT', '03', '连续门诊治疗', 3),
    ('TREATMENT', '04', '住院治疗', 4),
    ('DRUG_CONTROL', '01', '强制隔离戒毒', 1),
    ('DRUG_CONTROL', '02', '社区戒毒', 2),
    ('DRUG_CONTROL', '03', '社区康复', 3),
    ('DRUG_CONTROL', '04', '自愿戒毒', 4),
    ('DRUG_CONTROL', '05', '戒断三年未复吸', 5),
    ('INFECTION_ROUTE', '01', '注射吸毒', 1),
    ('INFECTION_ROUTE', '02', '性传播', 2),
    ('INFECTION_ROUTE', '03', '母婴传播', 3),
    ('INFECTION_ROUTE', '04', '血液传播', 4),
    ('INFECTION_ROUTE', '99', '不详', 5),
    ('HIV_ATTENTION', '01', '感染者', 1),
    ('HIV_ATTENTION', '02', '病人', 2),
    ('HIV_ATTENTION', '03', '高危人群', 3),
    ('ADMISSION', '01', '已收治', 1),
    ('ADMISSION', '02', '未收治', 2),
    ('KEY_YOUTH_TYPE', '01', '闲散青少年', 1),
    ('KEY_YOUTH_TYPE', '02', '不良行为青少年', 2),
    ('KEY_YOUTH_TYPE', '03', '流浪乞讨青少年', 3),
    ('KEY_YOUTH_TYPE', '04', '服刑在教人员未成年子女', 4),
    ('KEY_YOUTH_TYPE', '05', '农村留守儿童', 5),
    ('KEY_YOUTH_TYPE', '99', '其他', 6),
    ('HEALTH', '01', '健康', 1),
    ('HEALTH', '02', '慢性病', 2),
    ('HEALTH', '03', '失能半失能', 3),
    ('DISABILITY_TYPE', '1', '视力残疾', 1),
    ('DISABILITY_TYPE', '2', '听力残疾', 2),
    ('DISABILITY_TYPE', '3', '言语残疾', 3),
    ('DISABILITY_TYPE', '4', '肢体残疾', 4),
    ('DISABILITY_TYPE', '5', '智力残疾', 5),
    ('DISABILITY_TYPE', '6', '精神残疾', 6),
    ('DISABILITY_TYPE', '7', '多重残疾', 7),
    ('DISABILITY_GRADE', '1', '一级', 1),
    ('DISABILITY_GRADE', '2', '二级', 2),
    ('DISABILITY_GRADE', '3', '三级', 3),
    ('DISABILITY_GRADE', '4', '四级', 4),
    ('ALLOWANCE_TYPE', 'URBAN', '城市低保', 1),
    ('ALLOWANCE_TYPE', 'RURAL', '农村低保', 2),
    ('ALLOWANCE_TYPE', 'EXTREME', '特困供养', 3),
    ('HARDSHIP_TYPE', '01', '因病致困', 1),
    ('HARDSHIP_TYPE', '02', '因残致困', 2),
    ('HARDSHIP_TYPE', '03', '因灾致困', 3),
    ('HARDSHIP_TYPE', '04', '失业致困', 4),
    ('HARDSHIP_TYPE', '99', '其他', 5);
