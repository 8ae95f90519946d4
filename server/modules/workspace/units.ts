// One workspace (专委会 or 界别): its members, its part of the plans, its events and its outputs of the year — each
// part read through the owning module's exported function (org, consultations, meetings, proposals, opinions).
import type { Actor } from '../../platform/context.ts';
import { beijingYearRange } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { eventsOrganisedBy, planItemsLedBy } from '../consultations/by-special-committee.ts';
import { meetingsOrganisedBy } from '../meetings/by-organiser.ts';
import { opinionsOfSpecialCommittee } from '../opinions/by-special-committee.ts';
import { listUnits, type UnitKind, unitMembers, unitName } from '../org/workspace-units.ts';
import { collectiveProposalsOf } from '../proposals/by-collective.ts';
import { assertRead, mayManage, mayRead, scopeOf } from './scope.ts';
import { signatureOf } from './signature.ts';

export const unitNotFound = (kind: UnitKind) =>
  notFound('workspace.unit_not_found', kind === 'specialCommittee' ? '专委会不存在' : '界别不存在');

/** The workspaces the account may open, each with its number of members. */
export async function listWorkspaces(db: Db, actor: Actor) {
  const s = await scopeOf(db, actor);
  const [sc, sectors] = await Promise.all([
    listUnits(db, actor.committeeId, 'specialCommittee'),
    listUnits(db, actor.committeeId, 'sector'),
  ]);
  return {
    specialCommittees: sc
      .filter((u) => mayRead(s, 'specialCommittee', u.id))
      .map((u) => ({ ...u, canManage: mayManage(s, u.id) })),
    sectors: sectors.filter((u) => mayRead(s, 'sector', u.id)),
  };
}

export async function nameOrNotFound(db: Db, actor: Actor, kind: UnitKind, id: number): Promise<string> {
  const name = await unitName(db, actor.committeeId, kind, id);
  if (!name) throw unitNotFound(kind);
  return name;
}

export async function specialCommitteeWorkspace(db: Db, actor: Actor, id: number, year: number) {
  const c = actor.committeeId;
  const name = await nameOrNotFound(db, actor, 'specialCommittee', id);
  const s = await scopeOf(db, actor);
  assertRead(s, 'specialCommittee', id);
  const { start, end } = beijingYearRange(year);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [members, planItems, events, meetings, proposals, opinions, signature] = await Promise.all([
    unitMembers(db, c, 'specialCommittee', id),
    planItemsLedBy(db, c, id, year),
    eventsOrganisedBy(db, c, id, from, to),
    meetingsOrganisedBy(db, c, { specialCommitteeId: id }, start, end),
    collectiveProposalsOf(db, c, 'specialCommittee', name, from, to),
    opinionsOfSpecialCommittee(db, c, name, from, to),
    signatureOf(db, actor, id, year),
  ]);
  return {
    id,
    name,
    year,
    canManage: mayManage(s, id),
    members,
    planItems,
    events: events.map(({ memberIds, ...e }) => ({ ...e, participants: memberIds.length })),
    meetings: meetings.map(({ presentMemberIds: _, ...m }) => m),
    proposals,
    opinions,
    signature,
  };
}

export async function sectorWorkspace(db: Db, actor: Actor, id: number, year: number) {
  const c = actor.committeeId;
  const name = await nameOrNotFound(db, actor, 'sector', id);
  assertRead(await scopeOf(db, actor), 'sector', id);
  const { start, end } = beijingYearRange(year);
  const [members, meetings, proposals] = await Promise.all([
    unitMembers(db, c, 'sector', id),
    meetingsOrganisedBy(db, c, { sectorId: id }, start, end),
    collectiveProposalsOf(db, c, 'sector', name, `${year}-01-01`, `${year}-12-31`),
  ]);
  return {
    id,
    name,
    year,
    members,
    meetings: meetings.map(({ presentMemberIds: _, ...m }) => m),
    proposals,
  };
}
