// The SQL text of the query builders whose SQL depends on their input (visibility, list filters, duty scoring), rendered
// for a fixed set of inputs into checked-in files under server/sql/<module>/<case>.sql, so a reviewer sees every change
// to the SQL in the diff. A change that is not reflected in its file fails here; after reviewing it, refresh with
// `npx vitest run sql-snapshots -u`. Each file holds the statement as sent (placeholders $1…) and its parameters.
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityListWhere } from '../modules/activities/service.ts';
import { PRESETS } from '../modules/duty/rule-presets.ts';
import type { RuleVersion } from '../modules/duty/rule-versions.ts';
import { scoreSql } from '../modules/duty/scoring.ts';
import { suggestionListWhere } from '../modules/grassroots/studio-service.ts';
import { linkListConds, linksSql } from '../modules/liaison/service.ts';
import { meetingListWhere } from '../modules/meetings/list.ts';
import { visibleSql } from '../modules/proposals/service.ts';
import { scopeWhere } from '../modules/supervision/service.ts';
import type { Role } from '../platform/auth/permissions.ts';
import type { Actor } from '../platform/context.ts';
import { setTestClock } from '../platform/dates.ts';

const dialect = new PgDialect();

/** The statement with its placeholders, then one `-- $n = value` line per parameter (JSON). */
function renderSql(q: SQL): string {
  const built = dialect.sqlToQuery(q);
  const text = built.sql
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');
  const params = built.params.map((p, i) => `-- $${i + 1} = ${JSON.stringify(p)}`);
  return `${text}\n${params.length ? `${params.join('\n')}\n` : ''}`;
}

const actor = (roles: Role[], ids: Partial<Actor> = {}): Actor => ({
  committeeId: 7,
  accountId: 70,
  name: '快照',
  roles,
  memberId: null,
  unitId: null,
  orgId: null,
  informantId: null,
  ...ids,
});
const MEMBER = actor(['member'], { memberId: 11 });
const OFFICE = actor(['officeStaff']);
const LEADER = actor(['leader']);
const UNIT = actor(['unitUser'], { unitId: 31 });

const version: RuleVersion = {
  id: 1,
  year: 2026,
  version: 1,
  name: PRESETS.hundred.rules.name,
  rules: PRESETS.hundred.rules,
  note: null,
  createdBy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

const CASES: Record<string, Record<string, () => SQL>> = {
  proposals: {
    'visible-member': () => visibleSql(MEMBER),
    'visible-org-account': () => visibleSql(actor(['orgAccount'], { orgId: 21 })),
    'visible-unit': () => visibleSql(UNIT),
    'visible-office': () => visibleSql(actor(['proposalStaff'])),
    'visible-member-and-office': () => visibleSql(actor(['member', 'committeeAdmin'], { memberId: 11 })),
    'visible-nobody': () => visibleSql(actor(['member'])),
  },
  duty: {
    'score-year': () => scoreSql(7, 2026, version),
    'score-members-as-of': () => scoreSql(7, 2026, version, { memberIds: [11, 12], asOf: '2026-06-30T16:00:00.000Z' }),
    'score-until': () => scoreSql(7, 2026, version, { until: '2026-03-31' }),
  },
  meetings: {
    'list-member': () => meetingListWhere(MEMBER, {}),
    'list-office-all-filters': () =>
      meetingListWhere(OFFICE, {
        kind: 'plenary',
        status: 'planned',
        q: '全体会议',
        from: '2026-01-01',
        to: '2026-03-31',
      }),
    'list-office-mine': () => meetingListWhere(OFFICE, { mine: true }),
  },
  activities: {
    'list-member': () => activityListWhere(MEMBER, {}),
    'list-member-mine': () => activityListWhere(MEMBER, { mine: true, kind: 'research' }),
    'list-office': () => activityListWhere(OFFICE, { status: 'open', from: '2026-01-01' }),
  },
  grassroots: {
    'suggestions-leader': () => suggestionListWhere(LEADER, {}),
    'suggestions-unit': () => suggestionListWhere(UNIT, { state: 'forwarded' }),
    'suggestions-member': () => suggestionListWhere(MEMBER, { studioId: 3, roomId: 4 }),
  },
  liaison: {
    'links-member': () => linksSql(7, '2026-06-30', sql.join(linkListConds(MEMBER, {}), sql` and `)),
    'links-office-scheme': () =>
      sql.join(linkListConds(actor(['officeStaff']), { scheme: 'memberPublic' }), sql` and `),
  },
  supervision: {
    'reports-staff-filters': () => scopeWhere(OFFICE, 'staff', { state: 'dispatched', unitId: 31, overdue: true }),
    'reports-unit': () => scopeWhere(UNIT, 'unit', { disputed: true }),
    'reports-mine': () => scopeWhere(MEMBER, 'mine', {}),
  },
};

describe('SQL snapshots of the dynamic query builders', () => {
  beforeAll(() => setTestClock('2026-06-30T02:00:00.000Z'));
  afterAll(() => setTestClock(null));
  for (const [module, cases] of Object.entries(CASES)) {
    for (const [name, build] of Object.entries(cases)) {
      it(`server/sql/${module}/${name}.sql matches the builder`, async () => {
        await expect(renderSql(build())).toMatchFileSnapshot(path.resolve(import.meta.dirname, module, `${name}.sql`));
      });
    }
  }

  it('renders a parameter as a placeholder, never inline', () => {
    const out = renderSql(visibleSql(actor(['member'], { memberId: 424242 })));
    expect(out).toContain('pp.member_id = $1');
    expect(out).toContain('-- $1 = 424242');
    expect(
      out
        .split('\n')
        .filter((l) => !l.startsWith('--'))
        .join('\n'),
    ).not.toContain('424242');
  });
});
