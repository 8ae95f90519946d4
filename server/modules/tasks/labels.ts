// The kinds of 季度派单 tasks and their names: plain data (no imports) shared by the server (schemas, lists, the duty
// record) and the web (which imports this file directly), so a kind added here shows everywhere at once.
export const TASK_KINDS = {
  research: '调研课题',
  themedProposal: '专题提案',
  reception: '接待群众',
  grassrootsConsultation: '参加基层协商',
} as const;

/** A task kind's key, e.g. 'research'. */
export type TaskKind = keyof typeof TASK_KINDS;
