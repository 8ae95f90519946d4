// Literature and history's figures in the registry: accounts received, accounts published, volumes published and village
// histories (projects, their articles received), for any range of Beijing days (each is dated by its own row).
import { sql } from 'drizzle-orm';
import { queryOne } from '../../platform/db/client.ts';
import { figuresById } from '../../platform/figures/by-id.ts';
import type { Period } from '../../platform/figures/period.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';

const link = () => '/archive';
const within = (col: string, p: Period) =>
  sql`${sql.raw(col)} >= (${p.from}::date)::timestamp at time zone 'Asia/Shanghai'
    and ${sql.raw(col)} < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;

export const archiveFigureGroup: FigureGroup = {
  module: 'archive',
  moduleName: '文史资料',
  // Counts of accounts and volumes only, never an author or a text: whoever may read the archive may see them.
  permission: 'archive.read',
  basis: 'range',
  sentence:
    '全年征集文史资料{{archive.received}}篇，出版文史资料{{archive.volumes}}辑、收录{{archive.published}}篇；推进{{archive.villages}}个村（社区）村史编纂，征集村史文章{{archive.villageArticles}}篇。',
  figures: [
    {
      id: 'archive.received',
      name: '征集文史资料',
      unit: '篇',
      definition: '收稿时间在期间内的三亲史料（委员投稿和工作人员代录均计，含后来不予采用的）。',
      link,
    },
    {
      id: 'archive.volumes',
      name: '出版文史资料',
      unit: '辑',
      definition: '出版时间在期间内的文史资料辑；编辑中的不计。',
      link,
    },
    {
      id: 'archive.published',
      name: '出版收录史料',
      unit: '篇',
      definition: '随所在辑出版、出版时间在期间内的史料篇数；已编入而未出版的不计。',
      link,
    },
    {
      id: 'archive.villages',
      name: '村史编纂项目',
      unit: '个',
      definition: '期间结束前已建立、现状不是「暂停」的村史项目（每个村或社区一个，含已出版的）。',
      link: () => '/archive/villages',
    },
    {
      id: 'archive.villageArticles',
      name: '征集村史文章',
      unit: '篇',
      definition: '收稿时间在期间内、归入某个村史项目的稿件（含后来不予采用的）。',
      link: () => '/archive/villages',
    },
  ],
  compute: async (db, c, p) => {
    const r = await queryOne<Record<string, number>>(
      db,
      sql`select
        (select count(*)::int from archive_articles where committee_id = ${c} and ${within('created_at', p)}) as received,
        (select count(*)::int from archive_volumes where committee_id = ${c} and state = 'published'
          and ${within('published_at', p)}) as volumes,
        (select count(*)::int from archive_articles where committee_id = ${c} and state = 'published'
          and ${within('published_at', p)}) as published,
        (select count(*)::int from archive_villages where committee_id = ${c} and state <> 'suspended'
          and created_at < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai') as villages,
        (select count(*)::int from archive_articles where committee_id = ${c} and village_id is not null
          and ${within('created_at', p)}) as "villageArticles"`,
    );
    return figuresById('archive', r);
  },
};
