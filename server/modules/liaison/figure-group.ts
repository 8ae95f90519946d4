// Liaison in the figures registry: contacts logged in the period, relationships kept in touch with in it, members
// contacted.
import { sql } from 'drizzle-orm';
import { queryOne } from '../../platform/db/client.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';

export const liaisonFigureGroup: FigureGroup = {
  module: 'liaison',
  moduleName: '联系委员和群众',
  permission: 'liaison.figures',
  basis: 'range',
  sentence: '全年开展联系{{liaison.contacts}}次，覆盖联系关系{{liaison.linksContacted}}个。',
  figures: [
    {
      id: 'liaison.contacts',
      name: '联系次数',
      unit: '次',
      definition: '联系日期在期间内的联系记录条数。',
      link: () => '/liaison',
    },
    {
      id: 'liaison.linksContacted',
      name: '有联系的联系关系',
      unit: '个',
      definition: '期间内至少联系一次的联系关系个数。',
      link: () => '/liaison',
    },
  ],
  compute: async (db, committeeId, p) => {
    const r = await queryOne<{ n: number; links: number }>(
      db,
      sql`select count(*)::int as n, count(distinct link_id)::int as links from liaison_contacts
        where committee_id = ${committeeId} and contacted_on between ${p.from}::date and ${p.to}::date`,
    );
    return { 'liaison.contacts': r?.n ?? 0, 'liaison.linksContacted': r?.links ?? 0 };
  },
};
