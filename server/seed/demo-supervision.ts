import type { Client } from '../platform/inject-client.ts';
import { type Login, must, unitName } from './demo-steps.ts';

// A real 1×1 PNG, so the pages show the photo.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function photo(c: Client, name: string): Promise<number> {
  return (await must(`上传 ${name}`, c.upload('/api/supervision/uploads', name, PNG, 'image/png'))).id;
}

// [member, text, place, urgent, what happens: unit to dispatch to and the steps after it]
type Step = 'filed' | 'declined' | 'merged' | 'dispatched' | 'answered' | 'closed' | 'disputed';
const REPORTS: [string, string, string, boolean, Step, string?][] = [
  [
    'member211',
    '幸福路口一处井盖破损下沉，夜间行人和电动车容易踩空，存在安全隐患。',
    '东城街道幸福路与建设路交叉口',
    true,
    'filed',
  ],
  ['member212', '小区内两户邻居因楼道堆物发生纠纷，希望有关部门出面调解。', '西城街道和平小区3号楼', false, 'declined'],
  [
    'member213',
    '东城公园南门至湖边步道的路灯连续一周不亮，晚上散步的老人很多。',
    '东城公园南门步道',
    false,
    'dispatched',
    '市城市管理局',
  ],
  [
    'member214',
    '实验小学门口人行道地砖大面积松动翘起，学生上下学容易绊倒。',
    '实验小学正门人行道',
    true,
    'answered',
    '市住房和城乡建设局',
  ],
  [
    'member215',
    '农贸市场门口早市占道经营，机动车道被占一半，高峰期堵车严重。',
    '南关农贸市场东门',
    false,
    'closed',
    '市市场监督管理局',
  ],
  ['member211', '城南河道桥下漂浮大量生活垃圾，夏季有异味。', '城南河滨路桥下', false, 'disputed', '市水利局'],
  ['member212', '幸福路口的井盖破损下沉，晚上行人容易踩空。', '幸福路口', false, 'merged'],
];

export async function seedDemoSupervision(login: Login): Promise<void> {
  const office = await login('office_staff');
  const units = (await must('承办单位', office.get('/api/org/units?pageSize=500'))).items as {
    id: number;
    name: string;
  }[];
  const ids: number[] = [];
  for (const [username, text, place, urgent, step, unit] of REPORTS) {
    const member = await login(username);
    const fileIds = [await photo(member, '现场照片.png')];
    const { id } = await must('随手拍', member.post('/api/supervision/reports', { text, place, urgent, fileIds }));
    ids.push(id);
    const reportAction = (c: Client, action: string, extra: Record<string, unknown> = {}) =>
      must(`随手拍${action}`, c.post(`/api/supervision/reports/${id}/actions`, { action, ...extra }));
    if (step === 'filed') continue;
    if (step === 'declined') {
      await reportAction(office, 'decline', { comment: '属于邻里民事纠纷，建议通过社区人民调解委员会调解。' });
      continue;
    }
    if (step === 'merged') {
      await reportAction(office, 'merge', { intoId: ids[0], comment: '与同一路口的井盖问题合并办理。' });
      continue;
    }
    await reportAction(office, 'accept');
    await reportAction(office, 'dispatch', { unitId: units.find((u) => u.name === unit)!.id });
    if (step === 'dispatched') continue;
    const handler = await login(unitName(unit!));
    await reportAction(handler, 'answer', {
      comment: '已组织人员现场核查并整改完毕，详见办理结果照片。',
      fileIds: [await photo(handler, '办理结果.png')],
    });
    if (step === 'closed') await reportAction(member, 'confirm', { comment: '现场已恢复正常，满意。' });
    if (step === 'disputed')
      await reportAction(member, 'dispute', { comment: '桥下垃圾清理后又有新的堆积，希望建立长效保洁机制。' });
  }
}
