// Which figures head a home page, by role: the leader's 驾驶舱 names the year's headline figures; each office its own
// module's; a handling unit all of its own (GET /api/figures/unit). One dashboard component shows them all.

/** The year's headline figures, in the order a work report names them (those the viewer may see). */
export const KEY_FIGURES = [
  'consultations.consultations',
  'consultations.supervisions',
  'proposals.received',
  'proposals.registered',
  'opinions.received',
  'opinions.adopted',
  'meetings.held',
  'activities.held',
  'activities.participations',
  'duty.activeMembers',
  'learning.sessions',
  'archive.received',
];

const BY_ROLE: Record<string, string[]> = {
  leader: KEY_FIGURES,
  proposalStaff: [
    'proposals.received',
    'proposals.registered',
    'proposals.answered',
    'proposals.solved',
    'proposals.key',
  ],
  liaisonStaff: [
    'opinions.received',
    'opinions.compiled',
    'opinions.adopted',
    'opinions.instructions',
    'opinions.answered',
  ],
  officeStaff: [
    'meetings.held',
    'meetings.attendances',
    'activities.held',
    'activities.participations',
    'duty.activeMembers',
    'consultations.consultations',
    'supervision.filed',
    'supervision.timeliness',
  ],
  specialCommitteeStaff: [
    'consultations.consultations',
    'consultations.supervisions',
    'outcomes.submitted',
    'outcomes.fedBack',
    'activities.held',
    'learning.sessions',
    'reading.sessions',
    'supervision.dispatched',
  ],
};

/** The key figures of the viewer's roles, in role order, each once (the leader's when a role names none). */
export function keyFiguresFor(roles: readonly string[]): string[] {
  const ids = roles.flatMap((r) => BY_ROLE[r] ?? []);
  return [...new Set(ids.length ? ids : KEY_FIGURES)];
}

export type HomeDashboardKind = 'leader' | 'office' | 'unit';

/** Which dashboard a home shows: the leader's, an office's (staff, admins), a unit's, or none. */
export function homeDashboardKind(
  roles: readonly string[],
  can: (a: 'figures.read' | 'figures.unit') => boolean,
): HomeDashboardKind | null {
  if (roles.includes('leader') && can('figures.read')) return 'leader';
  if (can('figures.read')) return 'office';
  if (can('figures.unit')) return 'unit';
  return null;
}
