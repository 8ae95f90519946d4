// Types of the 书香政协 pages (the server's shapes, as the routes present them: the module's schemas.ts declares its
// inputs only, so the outputs are kept here).

/** A reading group in the list (mine first on the page). */
export interface Group {
  id: number;
  name: string;
  leadName: string;
  memberCount: number;
  mine: boolean;
}
export interface BookList {
  id: number;
  period: string;
  title: string;
  specialCommitteeName: string | null;
  books: { id: number; title: string; author: string; handedOut: number }[];
}

/** One group's page: members, lead reader, the rota of sharing sessions with the engine's buttons. */
export interface GroupDetail {
  id: number;
  name: string;
  leadName: string;
  isLead: boolean;
  mine: boolean;
  members: { id: number; name: string }[];
  sessions: {
    id: number;
    topic: string;
    stateLabel: string;
    scheduledAt: string;
    dutyName: string;
    bookTitle: string | null;
    actions: { action: string; label: string; commentRequired: boolean }[];
  }[];
}

export interface Note {
  id: number;
  memberName: string;
  title: string;
  body: string;
  createdAt: string;
  likes: number;
  liked: boolean;
  selected: boolean;
  comments: { id: number; authorName: string; body: string }[];
}

export interface Handout {
  id: number;
  handedOn: string;
  quantity: number;
  note: string;
  bookTitle: string;
  listPeriod: string;
  listTitle: string;
  recipientKindLabel: string;
  recipientName: string;
}
export interface HandoutRecord {
  items: Handout[];
  total: number;
  copies: number;
  members: number;
  groups: number;
}
