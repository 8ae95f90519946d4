import { beijingToday } from '../platform/dates.ts';
import type { Client } from '../platform/inject-client.ts';
import { type Login, must } from './demo-steps.ts';

/** Matters that come back every month: area, category and ways callers tell them. */
const RECURRING = [
  {
    area: '城关街道',
    category: '市容环境',
    texts: [
      '东门菜市场周边流动摊贩占道经营，早高峰车辆无法通行，请求整治。',
      '东门菜市场门口占道经营严重，垃圾遍地，行人只能走机动车道。',
      '反映东门菜市场外摊贩占道经营，消防通道被堵。',
    ],
  },
  {
    area: '新城镇',
    category: '环境保护',
    texts: [
      '新城镇工业园区工地夜间施工噪音扰民，影响周边居民休息。',
      '工业园区工地晚上十点后仍在施工，噪音扰民，请求查处。',
      '反映新城镇工业园区夜间施工噪音大，孩子无法入睡。',
    ],
  },
  {
    area: '滨江街道',
    category: '住房保障',
    texts: [
      '滨江花园小区电梯故障频发，老人被困电梯，物业维修不及时。',
      '滨江花园小区5栋电梯又坏了，一个月坏了三次，请求督促物业维修。',
    ],
  },
  {
    area: '城南街道',
    category: '交通管理',
    texts: [
      '城南小学放学时段校门口交通拥堵，接送车辆乱停。',
      '城南小学门口放学时车辆乱停，学生过马路不安全，请求增设护学岗。',
    ],
  },
];
/** One-off cases around them. */
const ONE_OFF = [
  ['城关街道', '供水', '西门社区夜间停水未提前通知。'],
  ['城关街道', '城市管理', '人民路路灯不亮已一周。'],
  ['新城镇', '农业农村', '新城镇河道垃圾较多，请求清理。'],
  ['新城镇', '教育', '新城镇中心幼儿园报名咨询。'],
  ['滨江街道', '市场监管', '滨江路一家餐馆卫生状况差。'],
  ['滨江街道', '城市管理', '江边步道护栏松动存在安全隐患。'],
  ['城南街道', '社会保障', '咨询城乡居民医保缴费时间。'],
  ['城南街道', '供电', '城南新村频繁停电。'],
  ['城关街道', '公共交通', '建议增开 12 路公交晚班车。'],
  ['新城镇', '劳动保障', '反映某企业拖欠工资。'],
] as const;
const STATUSES = ['已办结', '已办结', '已办结', '办理中'];

/** The year's export so far (January to today, Beijing), as the hotline system writes it. */
export function demoHotlineCsv(today = beijingToday()): string {
  const [year, month, day] = today.split('-').map(Number);
  const lines = ['工单编号,受理日期,区域/街道,类别,诉求内容,办理状态'];
  let seq = 0;
  let n = 7;
  const next = () => {
    n = (n * 1103515245 + 12345) % 2147483648;
    return n;
  };
  for (let m = 1; m <= month; m++) {
    const lastDay = m === month ? Math.min(day, 28) : 28;
    const cases: string[][] = [];
    // Each recurring matter 2–5 times a month (more in the summer for the night works), the one-offs once each.
    for (const [i, r] of RECURRING.entries()) {
      const times = 2 + ((next() >> 8) % (i === 1 && m >= 5 && m <= 9 ? 4 : 3));
      for (let k = 0; k < times; k++) cases.push([r.area, r.category, r.texts[(k + m) % r.texts.length]]);
    }
    for (let k = 0; k < 4; k++) {
      const [area, category, text] = ONE_OFF[(m * 3 + k) % ONE_OFF.length];
      cases.push([area, category, text]);
    }
    for (const [area, category, text] of cases) {
      seq += 1;
      const d = 1 + ((next() >> 8) % lastDay);
      const date = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      // Some callers leave their number in the text: staff see it, others see it masked.
      const withPhone = seq % 5 === 0 ? `${text}来电人电话139${String(10000000 + seq * 7919).slice(-8)}。` : text;
      const status = m === month ? '办理中' : STATUSES[seq % STATUSES.length];
      lines.push(
        [`${year}12345${String(seq).padStart(5, '0')}`, date, area, category, `"${withPhone}"`, status].join(','),
      );
    }
  }
  return lines.join('\r\n');
}

const uploadCsv = (c: Client, name: string, content: string) =>
  must('上传热线工单', c.upload('/api/grassroots/hotline/imports', name, Buffer.from(content), 'text/csv'));

export async function seedDemoHotline(login: Login): Promise<void> {
  const office = await login('office_staff');
  const today = beijingToday();
  const preview = await uploadCsv(office, `12345热线工单${today.slice(0, 4)}.csv`, demoHotlineCsv(today));
  await must('导入热线工单', office.post(`/api/grassroots/hotline/imports/${preview.id}/apply`));
  // The room of the top matter's area (the demo's own, when there is one), which takes last month's top matter up.
  const month =
    today.slice(5, 7) === '01'
      ? today.slice(0, 7)
      : `${today.slice(0, 5)}${String(Number(today.slice(5, 7)) - 1).padStart(2, '0')}`;
  const { matters } = await must('热线诉求', office.get(`/api/grassroots/hotline/matters?month=${month}`));
  const top = matters[0];
  if (!top) return;
  const rooms = await must('议事室', office.get(`/api/grassroots/rooms?township=${encodeURIComponent(top.area)}`));
  const roomId =
    rooms.items[0]?.id ??
    (
      await must(
        '登记议事室',
        office.post('/api/grassroots/rooms', {
          name: `${top.area}协商议事室`,
          township: top.area,
          firstConvener: '街道党工委书记',
          firstConvenerTitle: '党工委书记',
        }),
      )
    ).id;
  await must(
    '每月一题',
    office.post('/api/grassroots/hotline/take-up', { roomId, title: top.suggestedTitle, caseNos: top.caseNos }),
  );
}
