// Chinese names for audit actions and objects, so staff read 提案·立案 rather than proposal.register (the audit page and
// its Excel export both use them). Unknown codes are shown as they are.
const EXACT: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败（密码错误）',
  'auth.lock': '账号锁定',
  'auth.logout': '退出登录',
  'auth.password_change': '修改密码',
  'settings.put': '修改设置',
  'settings.working_day_set': '设置工作日历',
  'settings.working_day_clear': '清除工作日历调整',
  'file.upload': '上传附件',
  'file.expire': '清理未使用的附件',
  'member.reveal': '查看委员手机号或身份证号',
  'member.export_sensitive': '导出委员名册（含手机号和身份证号）',
  'seed.demo': '写入演示数据',
  'account.reset_password': '账号·重置密码',
  'activity.checkin': '活动·签到',
  'activity.invite': '活动·邀请参加',
  'activity.output_submit': '活动·提交成果',
  'consultation.event.files': '协商活动·上传材料',
  'consultation.event.participant.remove': '协商活动·移除参加人',
  'consultation.event.participants': '协商活动·设置参加人',
  'consultation.event.research': '协商活动·记录调研',
  'consultation.event.update': '协商活动·修改',
  'consultation.plan.item.add': '协商计划·添加事项',
  'consultation.plan.item.remove': '协商计划·删除事项',
  'consultation.plan.item.update': '协商计划·修改事项',
  'duty.commend': '履职·表彰',
  'duty.commend.revoke': '履职·撤销表彰',
  'duty.consequence.delete': '履职·删除处理记录',
  'duty.rules.save': '履职·保存评分规则',
  'legacy.write': '历史记录',
  'meeting.checkin': '会议·签到',
  'meeting.invite': '会议·邀请参会',
  'meeting.uninvite': '会议·取消邀请',
  'member.status': '委员·变更状态',
  'opinion.adopt': '社情民意·登记采用',
  'opinion.edit': '社情民意·修改',
  'opinion.forward': '社情民意·报送上级',
  'opinion.instruct': '社情民意·登记批示',
  'opinion.issue.create': '信息专报·新建',
  'opinion.issue.delete': '信息专报·删除',
  'opinion.issue.issue': '信息专报·印发',
  'opinion.issue.update': '信息专报·修改',
  'proposal.appraisal.save': '提案·保存办理测评',
  'proposal.key.event': '重点提案·记录督办',
  'proposal.key.set': '提案·设为重点提案',
  'proposal.key.unset': '提案·取消重点提案',
  'proposal.public': '提案·设置公开',
  'figureReport.export': '导出统计报告',
};

/** Labels registered at start-up (each workflow transition: 对象·动作, from its own Chinese label). */
const REGISTERED = new Map<string, string>();

export function registerActionLabels(labels: Record<string, string>): void {
  for (const [code, label] of Object.entries(labels)) REGISTERED.set(code, label);
}

const AREAS: Record<string, string> = {
  auth: '账号',
  account: '账号',
  committee: '政协',
  figureReport: '统计报告',
  proposal: '提案',
  proposal_assignment: '提案交办',
  proposal_commendation: '优秀提案',
  opinion: '社情民意',
  meeting: '会议',
  activity: '活动',
  duty: '履职',
  consultation: '协商',
  member: '委员',
  unit: '承办单位',
  org: '组织机构',
  informant: '信息员',
  settings: '设置',
  setting: '设置',
  file: '附件',
  wf_item: '流程事项',
  'proposal-assignment': '提案交办',
  'proposal-commendation': '优秀提案',
  proposal_unit_appraisal: '办理测评',
  proposal_reply: '提案答复',
  opinion_report: '社情民意',
  opinion_issue: '信息专报',
  opinion_referral: '社情民意转办',
  opinionReferral: '社情民意转办',
  speech: '大会发言',
  activityOutput: '活动成果',
  consultation_event: '协商活动',
  consultationEvent: '协商活动',
  consultation_plan: '协商计划',
  consultationPlan: '协商计划',
  consultation_topic: '协商议题建议',
  consultationTopic: '协商议题建议',
  consultation_speech: '协商发言',
  consultationSpeech: '协商发言',
  consultation_outcome: '协商成果',
  'consultation-outcome': '协商成果',
  consultation_outcome_unit: '协商成果办理',
  'consultation-outcome-unit': '协商成果办理',
  consultation_instruction: '协商批示',
};

const VERBS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  import: '导入',
  export: '导出',
  submit: '提交',
  withdraw: '撤回',
  register: '立案',
  reject: '不予立案',
  merge: '并案',
  convert: '转为意见建议',
  returnForRevision: '退回修改',
  preApprove: '预审通过',
  orgApprove: '党派团体审核通过',
  orgSendBack: '党派团体退回',
  cosignConfirm: '确认附议',
  cosignDecline: '拒绝附议',
  assign: '交办',
  approveAssignment: '批准交办',
  rejectAssignment: '退回交办',
  accept: '签收',
  requestReturn: '申请退回',
  approveReturn: '同意退回',
  refuseReturn: '不同意退回',
  sendView: '提交会办意见',
  recordContact: '记录办前面商',
  reply: '答复',
  allReplied: '全部答复',
  approveReply: '审核答复通过',
  sendBackReply: '退回答复',
  requestExtension: '申请延期',
  approveExtension: '同意延期',
  refuseExtension: '不同意延期',
  rate: '评价',
  closeRating: '结束评价',
  rehandle: '再办理',
  finish: '办结',
  nominate: '推荐',
  evaluate: '评审',
  publish: '发布',
  drop: '撤销',
  approve: '批准',
  cancel: '取消',
  close: '结束',
  compile: '采编',
  complete: '完成',
  confirm: '确认',
  decline: '不予采用',
  deliver: '发言',
  feedback: '反馈',
  handOver: '移交',
  hold: '举行',
  receive: '接收',
  recordInstruction: '记录批示',
  recordMinutes: '记录纪要',
  refer: '转办',
  reset_password: '重置密码',
  status: '变更状态',
};

export function actionLabel(code: string): string {
  if (EXACT[code]) return EXACT[code];
  const registered = REGISTERED.get(code);
  if (registered) return registered;
  const dot = code.indexOf('.');
  if (dot < 0) return VERBS[code] ?? code;
  const area = code.slice(0, dot);
  const verb = code.slice(dot + 1);
  const areaText = AREAS[area];
  const verbText = VERBS[verb];
  if (areaText && verbText) return `${areaText}·${verbText}`;
  return code;
}

export function entityLabel(code: string): string {
  return AREAS[code] ?? code;
}

/** 操作 filter: the server matches codes that start with the chosen value. */
export const ACTION_OPTIONS = [
  { value: 'auth.', label: '账号安全（全部）' },
  { value: 'auth.login', label: '登录（含登录失败）' },
  { value: 'auth.lock', label: '账号锁定' },
  { value: 'auth.password_change', label: '修改密码' },
  { value: 'proposal', label: '提案' },
  { value: 'opinion', label: '社情民意' },
  { value: 'meeting', label: '会议' },
  { value: 'activity', label: '活动' },
  { value: 'duty', label: '履职' },
  { value: 'consultation', label: '协商' },
  { value: 'speech', label: '大会发言' },
  { value: 'org', label: '组织机构' },
  { value: 'member', label: '委员' },
  { value: 'settings', label: '设置' },
  { value: 'file', label: '附件' },
];

export const ENTITY_OPTIONS = [
  'account',
  'committee',
  'proposal',
  'proposal_assignment',
  'proposal_commendation',
  'opinion',
  'meeting',
  'activity',
  'member',
  'unit',
  'informant',
  'speech',
  'opinion_report',
  'opinion_issue',
  'consultation_plan',
  'consultation_event',
  'consultation_topic',
  'consultation_speech',
  'consultation_outcome',
  'setting',
  'file',
].map((value) => ({ value, label: entityLabel(value) }));

const FIELDS: Record<string, string> = {
  state: '状态',
  title: '标题',
  name: '名称',
  status: '状态',
  comment: '意见',
  reason: '理由',
  roles: '角色',
  disabled: '停用',
  value: '值',
  key: '设置项',
  year: '年度',
};

export function fieldLabel(key: string): string {
  return FIELDS[key] ? `${FIELDS[key]}（${key}）` : key;
}
