import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testAppForFile } from '../../test/harness.ts';
import type { Actor } from '../context.ts';
import { type Db, query, queryOne } from '../db/client.ts';
import { runDueJobs } from '../jobs/jobs.ts';
import { notify } from '../notifications/notifications.ts';
import { allowedActions, defineProcess, fireTransition, listTransitions } from './engine.ts';

interface Item {
  id: number;
  state: string;
  owner: number;
}

const load = async (db: Db, committeeId: number, id: number) =>
  (await queryOne<Item>(
    db,
    sql`select id, state, owner from wf_items where committee_id = ${committeeId} and id = ${id}`,
  )) ?? null;

// A small process shaped like a proposal's: the owner submits, staff accept with a 10-day deadline, the unit answers.
const process = defineProcess<Item>({
  name: 'test-item',
  entity: 'wf_item',
  states: { draft: '草稿', submitted: '已提交', accepted: '办理中', done: '已办结' },
  transitions: [
    {
      action: 'submit',
      label: '提交',
      from: ['draft'],
      to: 'submitted',
      roles: ['member'],
      guard: (a, i) => (a.accountId === i.owner ? null : '只有本人可以提交'),
    },
    {
      action: 'accept',
      label: '受理',
      from: ['submitted'],
      to: 'accepted',
      roles: ['proposalStaff'],
      commentRequired: true,
      deadline: async () => ({ dueAt: new Date('2030-01-11T00:00:00Z'), remindDaysBefore: [3] }),
      // An internal remark: the owner sees that it was accepted, not what staff wrote.
      visibleTo: { comment: ['proposalStaff', 'unitUser'] },
    },
    {
      action: 'finish',
      label: '办结',
      from: ['accepted'],
      to: 'done',
      roles: ['unitUser'],
      visibleTo: { entry: ['proposalStaff', 'unitUser'] },
    },
  ],
  setState: async (tx, actor, item, to) => {
    await tx.execute(
      sql`update wf_items set state = ${to} where committee_id = ${actor.committeeId} and id = ${item.id}`,
    );
  },
  load,
  onDeadline: async (tx, committeeId, entityId, kind) => {
    await notify(tx, {
      committeeId,
      accountIds: [1],
      kind: `test.${kind}`,
      title: `事项 ${entityId} ${kind === 'remind' ? '即将到期' : '已超期'}`,
    });
  },
});

const actor = (accountId: number, roles: any[]): Actor => ({
  committeeId: 1,
  accountId,
  name: `用户${accountId}`,
  roles,
  memberId: null,
  unitId: null,
  orgId: null,
  informantId: null,
});

const t = testAppForFile();
let db: Db;
beforeAll(async () => {
  db = t.database.db;
  await db.execute(
    sql`create table wf_items (committee_id int, id int, state text, owner int, primary key (committee_id, id))`,
  );
  await db.execute(sql`insert into wf_items values (1, 1, 'draft', 50), (1, 2, 'draft', 50)`);
});

const fire = (id: number, who: Actor, action: string, comment?: string) =>
  db.transaction(async (tx) => {
    const item = (await load(tx, 1, id))!;
    return fireTransition(tx, process, who, item, { action, comment });
  });

describe('workflow engine', () => {
  it('offers only the actions this user may take in this state', async () => {
    const item = (await load(db, 1, 1))!;
    expect(allowedActions(process, actor(50, ['member']), item).map((a) => a.action)).toEqual(['submit']);
    expect(allowedActions(process, actor(51, ['member']), item)).toEqual([]);
    expect(allowedActions(process, actor(2, ['proposalStaff']), item)).toEqual([]);
  });

  it('refuses a wrong state, role, guard or missing comment with a Chinese reason and changes nothing', async () => {
    await expect(fire(1, actor(2, ['proposalStaff']), 'accept', '好')).rejects.toMatchObject({
      status: 409,
      id: 'workflow.bad_state',
    });
    await expect(fire(1, actor(51, ['member']), 'submit')).rejects.toMatchObject({
      status: 403,
      message: '只有本人可以提交',
    });
    await expect(fire(1, actor(3, ['unitUser']), 'submit')).rejects.toMatchObject({
      status: 403,
      id: 'workflow.forbidden',
    });
    await fire(1, actor(50, ['member']), 'submit');
    await expect(fire(1, actor(2, ['proposalStaff']), 'accept', '  ')).rejects.toMatchObject({
      id: 'workflow.comment_required',
    });
    expect((await load(db, 1, 1))!.state).toBe('submitted');
  });

  it('stores each transition with actor and comment, audits it, and shows it on the timeline', async () => {
    await fire(1, actor(2, ['proposalStaff']), 'accept', '同意受理');
    const timeline = await listTransitions(db, process, 1, 1, { roles: ['proposalStaff'] });
    expect(timeline.map((e) => [e.label, e.toStateLabel, e.actorName, e.comment])).toEqual([
      ['提交', '已提交', '用户50', null],
      ['受理', '办理中', '用户2', '同意受理'],
    ]);
    // The owner sees the step but not the internal comment (the transition's visibleTo).
    const owners = await listTransitions(db, process, 1, 1, { roles: ['member'] });
    expect(owners.map((e) => [e.label, e.comment])).toEqual([
      ['提交', null],
      ['受理', null],
    ]);
    const audit = await query<{ action: string }>(
      db,
      sql`select action from audit_log where entity = 'wf_item' and entity_id = '1' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['test-item.submit', 'test-item.accept']);
  });

  it('reminds before the deadline and flags after it, and forgets the deadline once the item moves on', async () => {
    expect(await runDueJobs(db, { now: new Date('2030-01-01T00:00:00Z') })).toBe(0);
    expect(await runDueJobs(db, { now: new Date('2030-01-09T00:00:00Z') })).toBe(1);
    expect(await runDueJobs(db, { now: new Date('2030-01-12T00:00:00Z') })).toBe(1);
    const titles = await query<{ title: string }>(
      db,
      sql`select title from notifications where kind like 'test.%' order by id`,
    );
    expect(titles.map((n) => n.title)).toEqual(['事项 1 即将到期', '事项 1 已超期']);

    await fire(2, actor(50, ['member']), 'submit');
    await fire(2, actor(2, ['proposalStaff']), 'accept', '受理');
    await fire(2, actor(3, ['unitUser']), 'finish');
    const pending = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from jobs where status = 'pending' and dedupe_key like 'wf:test-item:2:%'`,
    );
    expect(pending!.n).toBe(0);
    // A step whose entry is for staff and units only is absent from the owner's timeline.
    const owners = await listTransitions(db, process, 1, 2, { roles: ['member'] });
    expect(owners.map((e) => e.action)).toEqual(['submit', 'accept']);
    const units = await listTransitions(db, process, 1, 2, { roles: ['unitUser'] });
    expect(units.map((e) => [e.action, e.comment])).toEqual([
      ['submit', null],
      ['accept', '受理'],
      ['finish', null],
    ]);
  });
});
