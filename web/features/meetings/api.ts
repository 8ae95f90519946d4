// Types and labels of a meeting's page as the server returns them (the meeting, the attendance sheet).
/** What a meeting and an activity both are, in the lists and on their pages (times ISO, place as typed). */
export interface EventBase {
  id: number;
  kind: string;
  kindLabel: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
}

export interface Detail extends EventBase {
  halfDays: number;
  agenda: string;
  status: string;
  counts: { invited: number; checkedIn: number; onLeave: number; leavePending: number; willAttend: number };
  mine: null | {
    reply: string;
    leaveReason: string | null;
    leaveStatus: string | null;
    leaveComment: string | null;
    checkedInAt: string | null;
    checkinMethod: string | null;
    minutesPresent: number | null;
  };
  files: { id: number; name: string; size: number }[];
  canManage: boolean;
}

/** The member's own answer to the invitation, before the meeting (the 出勤 column is what happened). */
export const REPLY: Record<string, { label: string; color?: string }> = {
  attend: { label: '确认参会', color: 'green' },
  leave: { label: '请假', color: 'orange' },
  pending: { label: '待回复' },
};

export interface SheetRow {
  memberId: number;
  name: string;
  code: string | null;
  sector: string | null;
  reply: string;
  leaveReason: string | null;
  leaveStatus: string | null;
  checkedInAt: string | null;
  checkinMethod: string | null;
  minutesPresent: number | null;
  status: string;
}
