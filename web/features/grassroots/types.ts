// Shapes of the grassroots answers as pages use them (the server's lists return these fields).
import type { RoomRow } from '../../../server/modules/grassroots/room-service.ts';

export type Room = RoomRow;
export interface RoomDetail extends Room {
  members: { id: number; name: string }[];
  publicUrl: string;
  qrSvg: string;
}
export interface Topic {
  id: number;
  roomId: number;
  roomName: string;
  title: string;
  body: string;
  source: string;
  sourceLabel: string;
  state: string;
  stateLabel: string;
  answer: string | null;
  raisedBy: string;
  createdAt: string;
}
export interface Item {
  id: number;
  sessionId: number;
  content: string;
  unitName: string;
  roomName: string;
  sessionTitle: string;
  dueOn: string;
  state: string;
  stateLabel: string;
  feedback: string | null;
  overdue: boolean;
  topicId?: number | null;
}
export interface Studio {
  id: number;
  name: string;
  kind: string;
  kindLabel: string;
  place: string;
  leaderName: string | null;
  memberCount: number;
  suggestionCount: number;
  active: boolean;
}
export interface Suggestion {
  id: number;
  title: string;
  body: string;
  state: string;
  stateLabel: string;
  answer: string | null;
  unitName: string | null;
  unitResponse: string | null;
  dueOn: string | null;
  overdue: boolean;
  placeName: string;
  proposalId: number | null;
  fromPublic: boolean;
  createdAt: string;
}
