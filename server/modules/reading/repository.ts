// The reading module's SQL shared by its services: group membership and the sharing session as a workflow item.
import { sql } from 'drizzle-orm';
import { type Db, queryOne } from '../../platform/db/client.ts';
import type { WorkflowItem } from '../../platform/workflow/engine.ts';

export interface SessionItem extends WorkflowItem {
  committeeId: number;
  groupId: number;
  topic: string;
  dutyMemberId: number;
  leadMemberId: number;
  scheduledAt: string;
}

export async function loadSessionItem(db: Db, committeeId: number, id: number, lock = false) {
  const r = await queryOne<{
    id: number;
    state: string;
    group_id: number;
    topic: string;
    duty_member_id: number;
    scheduled_at: string | Date;
    lead_member_id: number;
  }>(
    db,
    sql`select s.id, s.state, s.group_id, s.topic, s.duty_member_id, s.scheduled_at, g.lead_member_id
      from reading_sessions s join reading_groups g on g.committee_id = s.committee_id and g.id = s.group_id
      where s.committee_id = ${committeeId} and s.id = ${id} ${lock ? sql`for update of s` : sql``}`,
  );
  if (!r) return null;
  return {
    id: r.id,
    state: r.state,
    committeeId,
    groupId: r.group_id,
    topic: r.topic,
    dutyMemberId: r.duty_member_id,
    leadMemberId: r.lead_member_id,
    scheduledAt: new Date(r.scheduled_at).toISOString(),
  } as SessionItem;
}

export async function groupRole(db: Db, committeeId: number, groupId: number, memberId: number | null) {
  const g = await queryOne<{ lead_member_id: number; is_member: boolean }>(
    db,
    sql`select g.lead_member_id, exists (select 1 from reading_group_members x where x.committee_id = g.committee_id
        and x.group_id = g.id and x.member_id = ${memberId ?? -1}) as is_member
      from reading_groups g where g.committee_id = ${committeeId} and g.id = ${groupId}`,
  );
  if (!g) return null;
  return { isLead: g.lead_member_id === memberId, isMember: g.is_member };
}
