// The demo's 专委会工作台 through the routes: 经济委员会's signature project of the year (一委一品: goal, milestones,
// progress with a photo) and last month's report, generated from that month's facts, edited and submitted to the
// chairs — waiting for a leader's comment. No meetings or outputs are added, so the year's figures stay as they are.
import { addMonthsClamped, beijingToday } from '../platform/dates.ts';
import { type Login, must } from './demo-steps.ts';

// A real 1×1 PNG, so the page shows the photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export async function seedDemoWorkspace(login: Login): Promise<void> {
  const staff = await login('special_staff');
  const units = await must('专委会工作台', staff.get('/api/workspace'));
  const econ = units.specialCommittees.find((s: { name: string }) => s.name === '经济委员会');
  if (!econ) throw new Error('演示数据：没有经济委员会');
  const month = addMonthsClamped(beijingToday(), -1).slice(0, 7);
  const year = Number(month.slice(0, 4));
  const project = await must(
    '一委一品',
    staff.put(`/api/workspace/special-committees/${econ.id}/signature`, {
      year,
      title: '助企纾困直通车',
      goal: '全年走访民营企业100家，梳理企业反映的共性问题，形成专题调研报告3篇，推动出台惠企措施。',
    }),
  );
  const first = await must(
    '项目节点',
    staff.post(`/api/workspace/signature/${project.id}/milestones`, {
      title: '完成首批50家企业走访',
      dueOn: `${year}-06-30`,
    }),
  );
  await must(
    '项目节点',
    staff.post(`/api/workspace/signature/${project.id}/milestones`, {
      title: '形成专题调研报告',
      dueOn: `${year}-12-15`,
    }),
  );
  await must('节点完成', staff.put(`/api/workspace/milestones/${first.id}/done`, { done: true }));
  const upload = await staff.upload('/api/files', '走访企业.png', PNG);
  if (upload.status !== 200) throw new Error(`演示数据：上传照片失败 (${upload.status})`);
  await must(
    '项目进展',
    staff.post(`/api/workspace/signature/${project.id}/progress`, {
      text: '走访高新区民营企业12家，收集融资、用工、物流方面问题23条，已分类转交有关部门。',
      entryOn: `${month}-12`,
      fileIds: [upload.body.id],
    }),
  );
  await must(
    '项目进展',
    staff.post(`/api/workspace/signature/${project.id}/progress`, {
      text: '召开企业家座谈会，听取对优化营商环境的意见建议。',
      entryOn: `${month}-25`,
    }),
  );
  const report = await must('生成月汇报', staff.post('/api/workspace/reports', { specialCommitteeId: econ.id, month }));
  const draft = await must('月汇报草稿', staff.get(`/api/workspace/reports/${report.id}`));
  await must(
    '修改月汇报',
    staff.put(`/api/workspace/reports/${report.id}`, {
      body: draft.body.replace(
        '四、下月工作打算\n',
        '四、下月工作打算\n围绕民营企业融资难题开展专题调研，筹备专题协商会。',
      ),
    }),
  );
  await must('提交月汇报', staff.post(`/api/workspace/reports/${report.id}/actions`, { action: 'submit' }));
}
