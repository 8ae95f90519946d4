// Types and labels of 履职活动 as the server returns them: kinds, states (未开始/进行中 from the time), outputs.
import type { EventBase } from '../meetings/api.ts';
import { meetingState } from '../meetings/shared.tsx';

export {
  ACTIVITY_LABELS as ACTIVITY_KINDS,
  OUTPUT_LABELS as OUTPUT_KINDS,
} from '../../../server/modules/activities/labels.ts';

/** Stored states as the filter names them ('open' covers 未开始 and 进行中); tags use activityState. */
export const STATUS: Record<string, { label: string; color: string }> = {
  open: { label: '未结束', color: '#0958d9' },
  closed: { label: '已结束', color: 'default' },
  cancelled: { label: '已取消', color: '#cf1322' },
};

/** 未开始 / 进行中 / 已结束 / 已取消, from the stored state and the activity's time (same rule as meetings). */
export function activityState(a: { status: string; startsAt: string; endsAt: string }) {
  return a.status === 'open' ? meetingState({ ...a, status: 'planned' }) : (STATUS[a.status] ?? STATUS.closed);
}

export const OUTPUT_COLOR: Record<string, string> = { submitted: '#ad4e00', confirmed: '#237804', returned: '#cf1322' };

export interface Item extends EventBase {
  registration: string;
  status: string;
  participants: number;
  checkedIn: number;
  outputsPending: number;
  joined: boolean;
  myCheckedInAt: string | null;
}

export interface Detail extends EventBase {
  description: string;
  registration: string;
  capacity: number | null;
  status: string;
  participants: number;
  checkedIn: number;
  mine: { source: string; checkedInAt: string | null } | null;
  files: { id: number; name: string }[];
}

export interface Output {
  id: number;
  memberName: string;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  status: string;
  statusLabel: string;
  reviewComment: string | null;
  submittedAt: string;
  files: { id: number; name: string }[];
}

export interface Participant {
  memberId: number;
  name: string;
  code: string | null;
  sector: string | null;
  source: string;
  checkedInAt: string | null;
  outputs: number;
}
