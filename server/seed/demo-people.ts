// Made-up people for the demo, the same on every machine: names, ethnicities, titles, work units, ID numbers.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉文斌志宏海燕鹏辉宇晨浩然欣怡子涵梓萱俊杰思远雅琴立新振华卫东晓明春燕秋菊德胜永福慧敏丹凤';
export const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族', '蒙古族', '壮族', '土家族'];
/** Each work unit with the job titles found there (a school has no 主任医师). */
const TITLES_BY_UNIT: Record<string, string[]> = {
  示例市第一人民医院: ['院长', '副院长', '主任医师', '副主任医师', '护士长'],
  示例市第一中学: ['校长', '副校长', '高级教师', '教研组长'],
  示例大学: ['教授', '副教授', '学院院长', '研究员'],
  示例市科技有限公司: ['董事长', '总经理', '技术总监', '高级工程师'],
  示例市律师事务所: ['主任', '合伙人', '律师'],
  示例市农业合作社: ['理事长', '社长', '农艺师'],
  示例市社会科学院: ['副院长', '研究员', '副研究员'],
  示例市建设集团: ['董事长', '总经理', '总工程师', '高级工程师'],
  示例市中医院: ['院长', '主任中医师', '副主任中医师'],
  示例市实验小学: ['校长', '副校长', '高级教师'],
  示例市文化馆: ['馆长', '副馆长', '副研究馆员'],
  示例市商会: ['会长', '副会长', '秘书长'],
};
export const WORK_UNITS = Object.keys(TITLES_BY_UNIT);

/** A title that fits the work unit, from a number in [0, 1) (the seed's next random number). */
export const titleAt = (workUnit: string, r: number) => {
  const titles = TITLES_BY_UNIT[workUnit];
  return titles[Math.floor(r * titles.length)];
};

/** A small deterministic PRNG (mulberry32): the demo must come out the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function personName(rand: () => number): string {
  const s = SURNAMES[Math.floor(rand() * SURNAMES.length)];
  const g1 = GIVEN[Math.floor(rand() * GIVEN.length)];
  return rand() < 0.4 ? s + g1 : s + g1 + GIVEN[Math.floor(rand() * GIVEN.length)];
}

/** A valid-looking 18-digit resident ID number with the right check digit. */
export function idNumber(region: string, birth: string, seq: number, female: boolean): string {
  const body = `${region}${birth.replace(/-/g, '')}${String(seq % 100).padStart(2, '0')}${female ? (seq % 5) * 2 : (seq % 5) * 2 + 1}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((s, d, i) => s + Number(d) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}
