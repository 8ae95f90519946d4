// Grassroots figures in the registry (DOMAIN.md's published ones): rooms, room consultations held (offline/online),
// topics raised and agreed items resolved, plus studios and micro suggestions and hotline cases (hotline-figures.ts),
// for any range of Beijing days.
import { sql } from 'drizzle-orm';
import { queryOne } from '../../platform/db/client.ts';
import { figuresById } from '../../platform/figures/by-id.ts';
import type { Period } from '../../platform/figures/period.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';
import { hotlineFigures, hotlineFigureValues } from './hotline-figures.ts';
import { ROOM_EVENT_KIND } from './settings.ts';

const rooms = () => '/grassroots/rooms';
const topics = (p: Period) => `/grassroots/topics?from=${p.from}&to=${p.to}`;
const within = (column: ReturnType<typeof sql>, p: Period) =>
  sql`${column} >= (${p.from}::date)::timestamp at time zone 'Asia/Shanghai'
    and ${column} < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;

export const grassrootsFigureGroup: FigureGroup = {
  module: 'grassroots',
  moduleName: '基层协商与委员工作室',
  permission: 'grassroots.figures',
  basis: 'range',
  sentence:
    '建成协商议事室{{grassroots.rooms}}个，开展基层协商{{grassroots.sessions}}次（其中线上{{grassroots.onlineSessions}}次），' +
    '协商议题{{grassroots.topics}}个，议定事项办结{{grassroots.itemsResolved}}件；建立委员工作室{{grassroots.studios}}个，' +
    '收到微建议{{grassroots.suggestions}}条；导入12345热线工单{{grassroots.hotlineCases}}件，' +
    '将{{grassroots.hotlineTakenUp}}个反复出现的诉求立为议事室议题，通过议事室解决热线工单{{grassroots.hotlineResolved}}件。',
  figures: [
    { id: 'grassroots.rooms', name: '协商议事室', unit: '个', definition: '期末在册并启用的协商议事室。', link: rooms },
    {
      id: 'grassroots.sessions',
      name: '基层协商',
      unit: '次',
      definition: '期间内举行的议事室协商活动（已举行、纪要已形成或已完成）；取消和未举行的不计。',
      link: rooms,
    },
    {
      id: 'grassroots.onlineSessions',
      name: '线上基层协商',
      unit: '次',
      definition: '上述协商中以线上或线上线下结合方式开展的。',
      link: rooms,
    },
    {
      id: 'grassroots.topics',
      name: '议事室议题',
      unit: '个',
      definition: '期间内提出的议题（含群众扫码提出）。',
      link: topics,
    },
    {
      id: 'grassroots.itemsResolved',
      name: '议定事项办结',
      unit: '件',
      definition: '期间内经承办单位反馈、工作人员确认办结的议定事项。',
      link: () => '/grassroots/items?state=resolved',
    },
    {
      id: 'grassroots.studios',
      name: '委员工作室',
      unit: '个',
      definition: '期末在册并启用的委员工作室。',
      link: () => '/grassroots/studios',
    },
    {
      id: 'grassroots.suggestions',
      name: '微建议',
      unit: '条',
      definition: '期间内向委员工作室或议事室提交的微建议。',
      link: () => '/grassroots/suggestions',
    },
    ...hotlineFigures,
  ],
  compute: async (db, c, p) => {
    const r = await queryOne<Record<string, number>>(
      db,
      sql`select
        (select count(*)::int from grassroots_rooms where committee_id = ${c} and active
          and created_at < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai') as rooms,
        (select count(*)::int from grassroots_sessions s join consultation_events e on e.committee_id = s.committee_id and e.id = s.event_id
          where s.committee_id = ${c} and e.kind = ${ROOM_EVENT_KIND} and e.state in ('held', 'minuted', 'done')
            and e.held_on between ${p.from}::date and ${p.to}::date) as sessions,
        (select count(*)::int from grassroots_sessions s join consultation_events e on e.committee_id = s.committee_id and e.id = s.event_id
          where s.committee_id = ${c} and s.form <> 'offline' and e.state in ('held', 'minuted', 'done')
            and e.held_on between ${p.from}::date and ${p.to}::date) as "onlineSessions",
        (select count(*)::int from grassroots_topics t where t.committee_id = ${c} and ${within(sql`t.created_at`, p)}) as topics,
        (select count(*)::int from grassroots_agreed_items i where i.committee_id = ${c} and i.state = 'resolved'
          and ${within(sql`i.resolved_at`, p)}) as "itemsResolved",
        (select count(*)::int from grassroots_studios where committee_id = ${c} and active
          and created_at < (${p.to}::date + 1)::timestamp at time zone 'Asia/Shanghai') as studios,
        (select count(*)::int from grassroots_suggestions g where g.committee_id = ${c} and ${within(sql`g.created_at`, p)}) as suggestions`,
    );
    const hotline = await hotlineFigureValues(db, c, p);
    return { ...figuresById('grassroots', r), ...hotline };
  },
  overdue: async (db, c) => {
    const r = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from grassroots_agreed_items where committee_id = ${c} and state = 'assigned'
        and due_on < (now() at time zone 'Asia/Shanghai')::date`,
    );
    return [{ name: '议定事项逾期未反馈', count: r?.n ?? 0, link: '/grassroots/items?state=assigned' }];
  },
};
