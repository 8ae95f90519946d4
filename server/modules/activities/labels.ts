// The names of 履职活动's kinds, outputs and output states: plain data shared by the server and the web (which imports
// this file directly), so a kind added here shows everywhere at once.
export const ACTIVITY_LABELS: Record<string, string> = {
  research: '调研',
  inspection: '视察',
  studyVisit: '考察',
  supervision: '民主监督',
  studio: '委员工作室活动',
  grassroots: '基层协商',
  training: '学习培训',
  reading: '读书活动',
  goodDeed: '为群众办实事',
  introduction: '引进项目或人才',
};
export const OUTPUT_LABELS: Record<string, string> = {
  report: '调研报告',
  suggestion: '意见建议',
  evidence: '履职佐证',
};
export const OUTPUT_STATUS: Record<string, string> = { submitted: '待确认', confirmed: '已确认', returned: '已退回' };
