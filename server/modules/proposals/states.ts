// The states of the proposal processes with their Chinese names, and the groups of states lists and figures count.
export const PROPOSAL_STATES: Record<string, string> = {
  draft: '草稿',
  cosigning: '待附议',
  orgApproval: '待负责人审批',
  submitted: '待预审',
  returned: '退回修改',
  reviewing: '待审查',
  withdrawn: '已撤案',
  registered: '已立案待交办',
  assignPending: '交办待审批',
  rejected: '不予立案',
  merged: '已并案',
  converted: '已转交',
  handling: '办理中',
  replied: '已答复待评价',
  completed: '办理完毕',
};

export const ASSIGNMENT_STATES: Record<string, string> = {
  assigned: '待签收',
  accepted: '办理中',
  returnRequested: '申请退回',
  returned: '已退回',
  extensionRequested: '申请延期',
  replied: '答复待审核',
  done: '已答复',
  viewSent: '已提交会办意见',
};

export const COMMENDATION_STATES: Record<string, string> = {
  none: '未推荐',
  nominated: '已推荐',
  evaluated: '已评审',
  published: '已表彰',
  dropped: '未入选',
};

/** States in which a unit still owes work (the deadline board counts these). */
export const OPEN_ASSIGNMENT_STATES = ['assigned', 'accepted', 'returnRequested', 'extensionRequested'];
/** States the proposal office sees in its lists: everything that has reached the office. */
export const OFFICE_STATES = Object.keys(PROPOSAL_STATES).filter(
  (s) => !['draft', 'cosigning', 'orgApproval'].includes(s),
);
/** States of a registered proposal (counted as 立案). */
export const REGISTERED_STATES = ['registered', 'assignPending', 'handling', 'replied', 'completed'];
