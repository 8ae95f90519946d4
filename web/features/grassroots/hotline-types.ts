// Shapes of the hotline answers (server/modules/grassroots/hotline-*.ts) as the hotline pages use them.
export interface HotlinePreview {
  id: number;
  fileName: string;
  total: number;
  valid: number;
  added: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string; message: string }[];
}

export interface HotlineCase {
  id: number;
  caseNo: string;
  receivedOn: string;
  area: string;
  category: string;
  content: string;
  status: string;
  topicId: number | null;
  topicTitle: string | null;
  roomId: number | null;
  roomName: string | null;
  agreedItemId: number | null;
  mark: 'open' | 'takenUp' | 'resolved';
  markLabel: string;
}

export interface RecurringMatter {
  area: string;
  category: string;
  subject: string;
  suggestedTitle: string;
  count: number;
  caseNos: string[];
  takenUp: number;
  cases: HotlineCase[];
}
