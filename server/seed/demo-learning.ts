// The demo's learning, reading and archive year, through the routes: the study plan with two materials (a Word reader
// and a PDF handbook made here, small files the upload checks accept), a member's progress and accepted reflection;
// a reading group with its lead reader, this month's book list handed out, a scheduled sharing and a note; a 文史 topic
// with a member's 三亲 account published in the year's volume and another waiting to be assessed; a village history.

import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { FastifyInstance } from 'fastify';
import { addDays, beijingToday, beijingYearOf } from '../platform/dates.ts';
import type { Client } from '../platform/inject-client.ts';
import { at, type Login, must, workday } from './demo-steps.ts';

/** A short Word reader: Word renders the Chinese text with the reader's own fonts. */
function reader(title: string, paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          ...paragraphs.map((p) => new Paragraph({ text: p })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A one-page PDF with a correct cross-reference table (a PDF viewer opens it; the text is Latin, no fonts embedded). */
function onePagePdf(line: string): Buffer {
  const stream = `BT /F1 18 Tf 72 760 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, o] of objects.entries()) {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function learning(login: Login, office: Client, year: number) {
  const plan = await must(
    '学习计划',
    office.post('/api/learning/plans', {
      year,
      title: `${year}年度委员学习计划`,
      description: '坚持把学习作为委员履职的基础，全年组织集中学习、自学和专题培训，每位委员至少提交1篇学习心得。',
      themes: [
        { term: '春季学期', title: '学习贯彻全国两会精神', description: '学习政府工作报告和全国政协常委会工作报告' },
        {
          term: '秋季学期',
          title: '人民政协理论与委员履职能力',
          description: '学习政协章程，提高协商议政和民主监督能力',
        },
      ],
    }),
  );
  const material = async (title: string, kind: 'document' | 'pdf', file: string, content: Buffer, theme: string) => {
    const { id: fileId } = await must(
      `上传 ${file}`,
      office.upload(`/api/learning/uploads?kind=${kind}`, file, content),
    );
    const { id } = await must(
      '学习资料',
      office.post('/api/learning/materials', {
        title,
        kind,
        fileId,
        planId: plan.id,
        theme,
        description: `${theme}学习资料`,
      }),
    );
    await must('发布资料', office.post(`/api/learning/materials/${id}/actions`, { action: 'publish' }));
    return id as number;
  };
  const charter = await material(
    '中国人民政治协商会议章程学习读本（节选）',
    'document',
    '政协章程学习读本.docx',
    await reader('中国人民政治协商会议章程学习读本（节选）', [
      '中国人民政治协商会议是中国人民爱国统一战线的组织，是中国共产党领导的多党合作和政治协商的重要机构，是我国政治生活中发扬社会主义民主的重要形式，是社会主义协商民主的重要渠道和专门协商机构。',
      '政治协商、民主监督、参政议政是人民政协的主要职能。',
      '学习思考：结合本人所在界别，谈谈如何在协商议政中做到建言资政和凝聚共识双向发力。',
    ]),
    '人民政协理论与委员履职能力',
  );
  const handbook = await material(
    '政协委员履职工作手册',
    'pdf',
    '委员履职工作手册.pdf',
    onePagePdf('CPPCC Member Handbook'),
    '人民政协理论与委员履职能力',
  );
  const member = await login('member251');
  await must('学习进度', member.put(`/api/learning/materials/${charter}/progress`, { percent: 100 }));
  await must('学习进度', member.put(`/api/learning/materials/${handbook}/progress`, { percent: 40 }));
  const r = await must(
    '学习心得',
    member.post('/api/learning/reflections', {
      title: '学习政协章程的几点体会',
      body:
        '通过学习政协章程，我对人民政协专门协商机构的性质定位有了更深的认识。\n' +
        '作为经济界委员，今后要围绕我市营商环境、民营经济发展等问题深入调研，提出务实管用的意见建议，做到建言资政和凝聚共识双向发力。',
      materialId: charter,
    }),
  );
  await must('提交心得', member.post(`/api/learning/reflections/${r.id}/actions`, { action: 'submit' }));
  await must('审核心得', office.post(`/api/learning/reflections/${r.id}/actions`, { action: 'accept' }));
  // Another member's reflection waits for the office.
  const other = await login('member252');
  await must('学习进度', other.put(`/api/learning/materials/${charter}/progress`, { percent: 95 }));
  const r2 = await must(
    '学习心得',
    other.post('/api/learning/reflections', {
      title: '做新时代合格的政协委员',
      body: '学习章程后，我认识到委员要懂政协、会协商、善议政，守纪律、讲规矩、重品行。我将把所学运用到提案撰写和调研视察中。',
      materialId: charter,
    }),
  );
  await must('提交心得', other.post(`/api/learning/reflections/${r2.id}/actions`, { action: 'submit' }));
  // A training class of the plan: its first session next week is a meeting that invites the class (members 253–256).
  const trainees = await Promise.all(['member253', 'member254', 'member255', 'member256'].map(login));
  const cls = await must(
    '培训班',
    office.post('/api/learning/classes', {
      title: `${year}年度委员履职能力培训班`,
      year,
      planId: plan.id,
      description: '围绕人民政协理论和委员履职能力，分专题集中授课。',
      memberIds: trainees.map((x) => x.me.account.memberId),
    }),
  );
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await must(
    '培训课次',
    office.post(`/api/learning/classes/${cls.id}/sessions`, {
      title: '专题一：人民政协的性质定位',
      startsAt: `${day}T14:30:00+08:00`,
      endsAt: `${day}T17:00:00+08:00`,
      place: '市政协机关三楼会议室',
    }),
  );
}

async function reading(login: Login, office: Client, today: string) {
  const lead = await login('member261');
  const readers = await Promise.all(['member262', 'member263', 'member264', 'member265', 'member266'].map(login));
  const group = await must(
    '读书群',
    office.post('/api/reading/groups', {
      name: '“书香政协”经济界别读书群',
      description: '围绕经济发展和营商环境读书学习，每月一次线上轮值分享。',
      leadMemberId: lead.me.account.memberId,
      memberIds: readers.map((r) => r.me.account.memberId),
    }),
  );
  const month = today.slice(0, 7);
  const list = await must(
    '推荐书目',
    office.post('/api/reading/lists', {
      period: month,
      title: `${Number(month.slice(5))}月推荐书目`,
      books: [
        { title: '乡土中国', author: '费孝通', note: '理解基层社会治理的经典之作' },
        { title: '置身事内：中国政府与经济发展', author: '兰小欢', note: '了解地方政府在经济发展中的作用' },
        { title: '人民政协简史', note: '学习人民政协的历史和优良传统' },
      ],
    }),
  );
  const lists = await must('本年书目', office.get(`/api/reading/lists?year=${today.slice(0, 4)}`));
  const books = lists.find((l: any) => l.id === list.id).books as { id: number; title: string }[];
  const session = await must(
    '轮值分享',
    lead.post(`/api/reading/groups/${group.id}/sessions`, {
      topic: '《置身事内》导读：地方政府与经济发展',
      scheduledAt: at(workday(addDays(today, 6)), '19:30'),
      dutyMemberId: readers[0].me.account.memberId,
      bookId: books[1].id,
    }),
  );
  const note = await must(
    '读书笔记',
    readers[1].post(`/api/reading/groups/${group.id}/notes`, {
      title: '读《乡土中国》：差序格局与基层治理',
      body: '费孝通先生提出的“差序格局”，帮助我理解了熟人社会中人与人的关系。\n今天的城乡社区治理，既要用好乡规民约和熟人社会的力量，也要依靠法治和制度。',
      bookId: books[0].id,
    }),
  );
  await must(
    '赠书',
    office.post('/api/reading/handouts', {
      listId: list.id,
      handedOn: today,
      note: '读书群集中领取',
      items: [{ groupId: group.id, quantity: readers.length + 1 }],
    }),
  );
  await must(
    '赠书',
    office.post('/api/reading/handouts', {
      bookId: books[2].id,
      handedOn: today,
      items: [{ memberId: lead.me.account.memberId, quantity: 1 }],
    }),
  );
  await must('点赞', lead.post(`/api/reading/notes/${note.id}/like`));
  await must(
    '评论',
    lead.post(`/api/reading/notes/${note.id}/comments`, { body: '写得好，下次分享时请结合我市社区治理的实例谈谈。' }),
  );
  return session;
}

async function archive(login: Login, office: Client, today: string) {
  const topic = await must(
    '文史选题',
    office.post('/api/archive/topics', {
      title: '我与示例市的城市变迁',
      description: '征集亲历、亲见、亲闻的城市建设和百姓生活变迁史料，优秀稿件将编入《示例市文史资料》。',
      period: '改革开放以来',
      closesOn: addDays(today, 90),
    }),
  );
  await must('发布选题', office.post(`/api/archive/topics/${topic.id}/actions`, { action: 'publish' }));
  const author = await login('member271');
  const a = await must(
    '三亲史料',
    author.post('/api/archive/articles', {
      topicId: topic.id,
      title: '我参与建设第一座立交桥',
      body:
        '一九九二年春天，我刚从建筑学校毕业，就被分配到市政工程公司，参加城东立交桥的建设。\n' +
        '那时没有大型机械，很多钢筋都靠人工绑扎。大家吃住在工地，用了十四个月建成了全市第一座立交桥。\n' +
        '通车那天，周边的居民都来看热闹，很多老人说，这辈子第一次见到“桥上跑车、桥下也跑车”。',
      accountKind: 'experienced',
      period: '改革开放以来',
      place: '城东立交桥',
      theme: '城市建设',
      persons: ['王工程师'],
      tags: ['城市建设', '立交桥'],
      consent: true,
    }),
  );
  await must('采用稿件', office.post(`/api/archive/articles/${a.id}/actions`, { action: 'accept' }));
  // edited, proofread and published in the year's volume, so the archive has something to read and search
  await must(
    '编辑稿件',
    office.post(`/api/archive/articles/${a.id}/versions`, {
      title: '我参与建设第一座立交桥',
      body:
        '一九九二年春天，我刚从建筑学校毕业，就被分配到市政工程公司，参加城东立交桥的建设。\n' +
        '那时没有大型机械，很多钢筋都靠人工绑扎。大家吃住在工地，用了十四个月建成了全市第一座立交桥。\n' +
        '通车那天，周边的居民都来看热闹，很多老人说，这辈子第一次见到“桥上跑车、桥下也跑车”。',
      editorNote: '核对年代和工期',
    }),
  );
  for (const action of ['finishEditing', 'proofread'])
    await must('编辑流程', office.post(`/api/archive/articles/${a.id}/actions`, { action }));
  const volume = await must(
    '文史资料辑',
    office.post('/api/archive/volumes', { number: 1, title: '城市变迁亲历记', description: '示例市文史资料第一辑' }),
  );
  await must(
    '编入辑',
    office.post(`/api/archive/articles/${a.id}/actions`, { action: 'assign', data: { volumeId: volume.id } }),
  );
  await must('出版', office.post(`/api/archive/volumes/${volume.id}/actions`, { action: 'publish' }));
  const village = await must(
    '村史项目',
    office.post('/api/archive/villages', {
      village: '桃源村',
      township: '青山镇',
      title: '桃源村史',
      description: '记录桃源村建村以来的变迁，分建村由来、集体经济、乡风民俗等篇。',
      editors: ['李守业', '王秀兰'],
      state: 'compiling',
      startedOn: `${today.slice(0, 4)}-03-01`,
    }),
  );
  await must(
    '三亲史料',
    (await login('member272')).post('/api/archive/articles', {
      topicId: topic.id,
      title: '老城区菜市场的变迁',
      body: '八十年代的菜市场是露天的，雨天满地泥泞。后来建起了室内农贸市场，如今又有了智慧菜场，扫码就能付款。',
      accountKind: 'witnessed',
      period: '改革开放以来',
      place: '老城区',
      theme: '百姓生活',
      tags: ['菜市场'],
      consent: true,
    }),
  );
  await must(
    '村史稿件',
    (await login('member273')).post('/api/archive/articles', {
      villageId: village.id,
      title: '桃源村的第一所小学',
      body: '一九五二年，村里在祠堂办起了第一所小学，两位老师教四个年级。\n后来村里集资盖了新校舍，祠堂成了村史陈列室。',
      accountKind: 'witnessed',
      period: '新中国成立初期',
      place: '青山镇桃源村',
      theme: '教育',
      consent: true,
    }),
  );
}

/** Runs the learning, reading and archive part of the demo year. */
export async function seedDemoLearning(_app: FastifyInstance, login: Login): Promise<void> {
  const office = await login('office_staff');
  const today = beijingToday();
  await learning(login, office, beijingYearOf());
  await reading(login, office, today);
  await archive(login, office, today);
}
