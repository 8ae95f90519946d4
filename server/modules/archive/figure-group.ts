// Literature and history's figures in the registry: accounts received, accounts published and volumes published, for
// any range of Beijing days (each is dated by its own row).
import { sql } from 'drizzle-orm';
import { queryOne } from '../../platform/db/client.ts';
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
  sentence: '全年征集文史资料{{archive.received}}篇，出版文史资料{{archive.volumes}}辑、收录{{archive.published}}篇。',
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
  ],
  compute: async (db, c, p) => {
    const r = await queryOne<Record<string, number>>(
      db,
      sql`select
        (select count(*)::int from archive_articles where committee_id = ${c} and ${within('created_at', p)}) as received,
        (select count(*)::int from archive_volumes where committee_id = ${c} and state = 'published'
          and ${within('published_at', p)}) as volumes,
        (select count(*)::int from archive_articles where committee_id = ${c} and state = 'published'
          and ${within('published_at', p)}) as published`,
    );
    return {
      'archive.received': r?.received ?? 0,
      'archive.volumes': r?.volumes ?? 0,
      'archive.published': r?.published ?? 0,
    };
  },
};
