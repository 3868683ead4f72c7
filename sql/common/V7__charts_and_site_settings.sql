-- Charts as data (issue 11): the dashboard's charts and its site texts become rows that staff can
-- edit, created here from what was hard-coded (ChartSpec.DASHBOARD and the message bundles), so the
-- dashboard reads the same after this migration as before it.

-- One chart. A title may carry placeholders, filled when the page is drawn, so it never goes stale:
-- {figure-key} is that figure's current display in the page's language; a timeline's title may use
-- {count}, {first} and {last}. position orders the dashboard; version is for optimistic locking.
CREATE TABLE chart (
    id          ${id_column},
    slug        VARCHAR(60)  NOT NULL UNIQUE,
    chart_type  VARCHAR(10)  NOT NULL CHECK (chart_type IN ('hbar', 'vbar', 'line', 'timeline', 'number')),
    title_zh    VARCHAR(300) NOT NULL,
    title_en    VARCHAR(400) NOT NULL,
    caption_zh  VARCHAR(500) NOT NULL,
    caption_en  VARCHAR(700) NOT NULL,
    note_zh     VARCHAR(500),
    note_en     VARCHAR(700),
    position    INTEGER      NOT NULL,
    archived    BOOLEAN      NOT NULL DEFAULT FALSE,
    version     INTEGER      NOT NULL DEFAULT 1,
    updated_ms  BIGINT       NOT NULL
);

-- The figures a chart shows, in order, by their stable key (a figure archived later simply drops out).
CREATE TABLE chart_figure (
    chart_id    INTEGER      NOT NULL REFERENCES chart (id),
    figure_key  VARCHAR(80)  NOT NULL,
    position    INTEGER      NOT NULL,
    PRIMARY KEY (chart_id, position)
);

-- The event kinds a timeline shows; a timeline without rows here shows events of every kind.
CREATE TABLE chart_event_kind (
    chart_id    INTEGER      NOT NULL REFERENCES chart (id),
    kind        VARCHAR(30)  NOT NULL,
    position    INTEGER      NOT NULL,
    PRIMARY KEY (chart_id, position)
);

INSERT INTO chart (slug, chart_type, title_zh, title_en, caption_zh, caption_en, position, archived, updated_ms) VALUES
('ai-learning', 'hbar',
 '今年以来开展AI学习活动{ai-learning-activities}，其中专题辅导讲座{ai-lectures}',
 'This year: {ai-learning-activities}, including {ai-lectures}',
 '2025年以来各类AI学习活动的数量（单位各异：场、期、个）。',
 'Number of AI learning activities of each kind since the start of 2025 (units differ).',
 1, FALSE, 0),
('reach', 'hbar',
 'AI学习培训今年覆盖干部{ai-training-attendance}；“晋江干部学堂”2023年以来培训{cadre-school-attendance-since-2023}',
 'AI training reached {ai-training-attendance} this year; the Jinjiang Cadre School {cadre-school-attendance-since-2023} since 2023',
 '两个培训渠道覆盖的干部人次；统计期不同，不宜直接相加。',
 'Attendances of officials in two training channels; the periods differ, so do not add them up.',
 2, FALSE, 0),
('capacity', 'hbar',
 '2022年以来开设{special-courses-since-2022}，2023年以来举办“晋江干部学堂”{cadre-school-sessions-since-2023}',
 'Since 2022: {special-courses-since-2022}; since 2023: {cadre-school-sessions-since-2023} of the Jinjiang Cadre School',
 '近年干部培训各渠道的规模；统计起点不同（2022年、2023年、三年）。',
 'Scale of each training channel in recent years; they count from different starts (2022, 2023, three years).',
 3, FALSE, 0),
('timeline', 'timeline',
 '2025年AI学习培训的{count}个关键日期：{first}至{last}',
 '{count} key dates of AI learning in 2025, {first} to {last}',
 '有明确日期的活动；未载明日期的活动列在下方时间线表中。',
 'Activities with a stated date; undated activities are listed in the timeline table below.',
 4, FALSE, 0);

INSERT INTO chart_figure (chart_id, figure_key, position)
SELECT c.id, f.figure_key, f.position
  FROM chart c
  JOIN (SELECT 'ai-learning' AS slug, 'ai-learning-activities' AS figure_key, 1 AS position
        UNION ALL SELECT 'ai-learning', 'ai-lectures', 2
        UNION ALL SELECT 'ai-learning', 'ai-headline-lectures-2025', 3
        UNION ALL SELECT 'ai-learning', 'ai-debate-classes', 4
        UNION ALL SELECT 'reach', 'ai-training-attendance', 1
        UNION ALL SELECT 'reach', 'cadre-school-attendance-since-2023', 2
        UNION ALL SELECT 'capacity', 'cadres-seconded-shanghai-shenzhen', 1
        UNION ALL SELECT 'capacity', 'cadre-school-sessions-since-2023', 2
        UNION ALL SELECT 'capacity', 'special-courses-since-2022', 3
        UNION ALL SELECT 'capacity', 'jinjiang-longhua-classes', 4) f
    ON f.slug = c.slug;

-- The site's texts, in both languages, from the message bundles (app.title, app.subtitle,
-- footer.note, app.short). They move and version together (all rows share one version).
INSERT INTO setting (name, value, updated_ms) VALUES
('site.title_zh', '晋江干部“AI赋能”培训数据看板', 0),
('site.title_en', 'Jinjiang AI Training for Officials — Dashboard', 0),
('site.subtitle_zh', '晋江市干部人工智能学习培训的公开报道数据，每个数字均注明出处。', 0),
('site.subtitle_en', 'Reported figures of Jinjiang’s AI training for officials; every number cites its source.', 0),
('site.footer_zh', '数据摘自公开报道，每个数字附原文摘录。“近9000”表示接近9000，并非9000。', 0),
('site.footer_en', 'Figures are taken from published reports, each with its quoted clause. “Nearly 9,000” means nearly 9,000, not 9,000.', 0),
('site.programme_zh', 'AI赋能干部培训', 0),
('site.programme_en', 'AI training for officials', 0);
