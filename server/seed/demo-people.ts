// Made-up people for the demo, the same on every machine: names, ethnicities, titles, work units, ID numbers.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国红梅玉文斌志宏海燕鹏辉宇晨浩然欣怡子涵梓萱俊杰思远雅琴立新振华卫东晓明春燕秋菊德胜永福慧敏丹凤';
export const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族', '蒙古族', '壮族', '土家族'];
export const TITLES = [
  '主任',
  '副主任',
  '院长',
  '副院长',
  '校长',
  '总经理',
  '董事长',
  '教授',
  '主任医师',
  '高级工程师',
  '律师',
  '研究员',
  '村党支部书记',
  '社区主任',
];
export const WORK_UNITS = [
  '示例市第一人民医院',
  '示例市第一中学',
  '示例大学',
  '示例市科技有限公司',
  '示例市律师事务所',
  '示例市农业合作社',
  '示例市社会科学院',
  '示例市建设集团',
  '示例市中医院',
  '示例市实验小学',
  '示例市文化馆',
  '示例市商会',
];

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
