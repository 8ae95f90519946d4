// The one permission table: which roles may take which action. Server checks and web menus both read it.

export const ROLES = {
  sysAdmin: '系统管理员',
  committeeAdmin: '政协管理员',
  proposalStaff: '提案委工作人员',
  liaisonStaff: '社情民意工作人员',
  officeStaff: '办公室工作人员',
  specialCommitteeStaff: '专委会工作人员',
  leader: '领导',
  member: '委员',
  unitUser: '承办单位',
  informant: '信息员',
  orgAccount: '党派团体',
  orgLeader: '党派团体负责人',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_LIST = Object.keys(ROLES) as Role[];

const ADMINS: Role[] = ['sysAdmin', 'committeeAdmin'];
const STAFF: Role[] = ['proposalStaff', 'liaisonStaff', 'officeStaff', 'specialCommitteeStaff'];

export const PERMISSIONS = {
  // platform
  'committee.manage': ['sysAdmin'],
  'account.manage': ADMINS,
  'audit.read': ADMINS,
  'settings.manage': ADMINS,
  'notification.read': ROLE_LIST,
  // the year in figures (each figure also needs its module's figures permission)
  'figures.read': [...ADMINS, ...STAFF, 'leader'],
  'figures.report': [...ADMINS, ...STAFF],
  'figures.unit': ['unitUser'],
  // Only roles with something to attach files to (proposals, reports, meetings, activities, consultations, replies).
  'file.upload': ['committeeAdmin', ...STAFF, 'member', 'unitUser', 'informant', 'orgAccount'],
  // organisation
  'org.read': [...ADMINS, ...STAFF, 'leader'],
  'org.manage': [...ADMINS, 'officeStaff'],
  'member.sensitive.read': [...ADMINS, 'officeStaff'],
  'unit.read': [...ADMINS, ...STAFF, 'leader'],
  'informant.manage': [...ADMINS, 'liaisonStaff'],
  // proposals
  'proposal.file': ['member', 'orgAccount'],
  'proposal.readAll': [...ADMINS, 'proposalStaff', 'leader'],
  'proposal.review': ['proposalStaff', 'committeeAdmin'],
  'proposal.assign': ['proposalStaff', 'committeeAdmin'],
  'proposal.handle': ['unitUser'],
  'proposal.key': ['proposalStaff', 'leader', 'committeeAdmin'],
  'proposal.figures': [...ADMINS, 'proposalStaff', 'leader'],
  'proposal.read': [...ADMINS, 'proposalStaff', 'leader', 'member', 'unitUser', 'orgAccount'],
  'proposal.commend': ['proposalStaff', 'leader', 'committeeAdmin'],
  'proposal.appraise': ['proposalStaff', 'committeeAdmin'],
  'proposal.rules': [...ADMINS, 'proposalStaff'],
  // opinion reports
  'opinion.submit': ['member', 'informant', 'orgAccount', 'specialCommitteeStaff'],
  'opinion.readAll': [...ADMINS, 'liaisonStaff', 'leader'],
  'opinion.screen': ['liaisonStaff', 'committeeAdmin'],
  'opinion.respond': ['unitUser'],
  'opinion.figures': [...ADMINS, 'liaisonStaff', 'leader'],
  // meetings, activities, duty
  'meeting.read': [...ADMINS, ...STAFF, 'leader', 'member'],
  'meeting.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'activity.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'duty.readOwn': ['member'],
  'duty.readAll': [...ADMINS, 'officeStaff', 'leader'],
  'duty.rules': ADMINS,
  'duty.manage': [...ADMINS, 'officeStaff'],
  // consultation
  'consultation.read': [...ADMINS, ...STAFF, 'leader', 'member'],
  'consultation.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'consultation.suggest': ['member', 'orgAccount', 'specialCommitteeStaff', 'unitUser'],
  'consultation.approve': ['officeStaff', 'committeeAdmin', 'leader'],
  'consultation.figures': [...ADMINS, 'officeStaff', 'specialCommitteeStaff', 'leader'],
  // consultation outcomes (协商成果)
  'consultationOutcome.read': [...ADMINS, ...STAFF, 'leader'],
  'consultationOutcome.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'consultationOutcome.signOff': ['leader'],
  'consultationOutcome.feedback': ['unitUser'],
  'consultationOutcome.figures': [...ADMINS, 'officeStaff', 'specialCommitteeStaff', 'leader'],
  // online discussions (网络议政): anyone signed in may ask; who takes part is the discussion's own audience
  'discussion.participate': ROLE_LIST,
  'discussion.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  // learning (委员学习)
  'learning.read': [...ADMINS, ...STAFF, 'leader', 'member'],
  'learning.study': ['member'],
  'learning.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'learning.review': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'learning.figures': [...ADMINS, 'officeStaff', 'specialCommitteeStaff', 'leader'],
  // reading (书香政协)
  'reading.read': [...ADMINS, ...STAFF, 'leader', 'member'],
  'reading.take': ['member'],
  'reading.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'reading.figures': [...ADMINS, 'officeStaff', 'specialCommitteeStaff', 'leader'],
  // literature and history (数字文史)
  'archive.read': [...ADMINS, ...STAFF, 'leader', 'member'],
  'archive.submit': ['member'],
  'archive.edit': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  // tasks (季度派单), commitments (承诺践诺), liaison (联系), the member's record (履职档案)
  'task.read': [...ADMINS, ...STAFF, 'leader', 'member'],
  'task.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'task.take': ['member'],
  'commitment.read': [...ADMINS, ...STAFF, 'leader', 'member'],
  'commitment.make': ['member'],
  'commitment.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'liaison.read': [...ADMINS, ...STAFF, 'leader', 'member'],
  'liaison.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'liaison.figures': [...ADMINS, 'officeStaff', 'specialCommitteeStaff', 'leader'],
  'record.read': [...ADMINS, 'officeStaff', 'leader', 'member'],
  'record.readAll': [...ADMINS, 'officeStaff', 'leader'],
  // grassroots rooms and member studios (协商议事室・委员工作室・微建议); conveners and studio members act by their own role
  'grassroots.read': [...ADMINS, ...STAFF, 'leader', 'member'],
  'grassroots.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'grassroots.feedback': ['unitUser'],
  'grassroots.figures': [...ADMINS, 'officeStaff', 'specialCommitteeStaff', 'leader'],
  // 随手拍 supervision (民主监督): members file, staff triage and dispatch, units answer
  'supervision.read': [...ADMINS, ...STAFF, 'leader', 'member', 'unitUser'],
  'supervision.upload': ['member', 'unitUser'],
  'supervision.file': ['member'],
  'supervision.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'supervision.handle': ['unitUser'],
  'supervision.figures': [...ADMINS, 'officeStaff', 'specialCommitteeStaff', 'leader'],
  // the committee's public site (news and notices, the public's proposal ideas handed to members)
  'publicSite.manage': ['officeStaff', 'committeeAdmin'],
  'publicSite.idea': ['member'],
  // the studios' reception rota (委员会客室): members on duty answer the public
  'grassroots.reception': ['member'],
  // 正负面清单 (rule data of duty scoring) and sector counts (界别活动・界别提案)
  'duty.lists': [...ADMINS, 'officeStaff'],
  'sector.figures': [...ADMINS, 'officeStaff', 'specialCommitteeStaff', 'leader'],
  // special committees' and sectors' workspace (专委会・界别工作台, 一委一品, 月汇报): special committee staff only their
  // own special committee (modules/workspace/scope.ts), members their own read-only, leaders read and comment
  'workspace.read': [...ADMINS, 'officeStaff', 'specialCommitteeStaff', 'leader', 'member'],
  'workspace.manage': ['officeStaff', 'specialCommitteeStaff', 'committeeAdmin'],
  'workspace.comment': ['leader'],
  'workspace.settings': [...ADMINS, 'officeStaff'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(roles: readonly string[], action: Action): boolean {
  const allowed = PERMISSIONS[action] as readonly string[];
  return roles.some((r) => allowed.includes(r));
}
