// The consultation rules a committee sets (DOMAIN.md: every number a default the committee can change): the list of
// event kinds, the plan's approval steps, and the working-day deadlines of an event.
import type { Db } from '../../platform/db/client.ts';
import { getSetting } from '../../platform/settings/settings.ts';

export interface EventKind {
  key: string;
  label: string;
  /** Supervision kinds carry the supervised body and form, and count in the supervision sentence. */
  category: 'consultation' | 'supervision';
  /** A kind a module adds (grassroots rooms) whose events that module counts in its own figures, not here. */
  ownFigures?: boolean;
}

export interface ApprovalStep {
  key: string;
  label: string;
  /** The step is recorded with a date and a document number (党委批准). */
  recordsDocument: boolean;
}

export interface ConsultationSettings {
  kinds: EventKind[];
  approvalSteps: ApprovalStep[];
  noticeWorkingDays: number;
  materialsWorkingDays: number;
  minutesWorkingDays: number;
}

export const CONSULTATION_SETTINGS_KEY = 'consultation.settings';

// GLOSSARY "协商 (类型)"; grassroots and online kinds are added by the modules that build them.
export const DEFAULT_CONSULTATION_SETTINGS: ConsultationSettings = {
  kinds: [
    { key: 'plenary', label: '全体会议协商', category: 'consultation' },
    { key: 'standingThematic', label: '专题议政性常委会会议协商', category: 'consultation' },
    { key: 'thematic', label: '专题协商', category: 'consultation' },
    { key: 'counterpart', label: '对口协商', category: 'consultation' },
    { key: 'sector', label: '界别协商', category: 'consultation' },
    { key: 'legislative', label: '立法协商', category: 'consultation' },
    { key: 'proposalHandling', label: '重点提案重要提案办理协商', category: 'consultation' },
    { key: 'bimonthly', label: '双月协商座谈会', category: 'consultation' },
    { key: 'inspection', label: '监督性视察', category: 'supervision' },
    { key: 'supervisoryResearch', label: '监督性调研', category: 'supervision' },
    { key: 'supervisoryForum', label: '监督性座谈', category: 'supervision' },
  ],
  approvalSteps: [
    { key: 'chairsReview', label: '主席会议审议', recordsDocument: false },
    { key: 'partyApproval', label: '党委批准', recordsDocument: true },
  ],
  noticeWorkingDays: 15,
  materialsWorkingDays: 10,
  minutesWorkingDays: 7,
};

export const SUPERVISION_FORMS: Record<string, string> = { inspection: '视察', research: '监督性调研', forum: '座谈' };
export const PLAN_FORMS: Record<string, string> = { meeting: '会议协商', online: '网络协商', site: '现场协商' };
export const PLAN_KINDS: Record<string, string> = { consultation: '年度协商计划', supervision: '年度民主监督计划' };

const moduleKinds: EventKind[] = [];

/** A module building on events adds its kind once at start; every committee's list has it, after its own kinds. */
export function registerEventKind(kind: EventKind): void {
  if (!moduleKinds.some((k) => k.key === kind.key)) moduleKinds.push(kind);
}

/** Kinds counted by their own module's figures (left out of the consultation year figures and sentence). */
export const ownFigureKinds = (): string[] => moduleKinds.filter((k) => k.ownFigures).map((k) => k.key);

export async function consultationSettings(db: Db, committeeId: number, year: number): Promise<ConsultationSettings> {
  const s = await getSetting(db, committeeId, CONSULTATION_SETTINGS_KEY, year, DEFAULT_CONSULTATION_SETTINGS);
  const missing = moduleKinds.filter((m) => !s.kinds.some((k) => k.key === m.key));
  return missing.length ? { ...s, kinds: [...s.kinds, ...missing] } : s;
}

export async function kindOf(db: Db, committeeId: number, year: number, key: string): Promise<EventKind | null> {
  return (await consultationSettings(db, committeeId, year)).kinds.find((k) => k.key === key) ?? null;
}
