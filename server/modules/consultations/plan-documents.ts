// The plan as staff file it: Excel of its items, and Word in the official layout (committee, 文号, 标题, a table of items).
import { AlignmentType, Paragraph } from 'docx';
import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../platform/context.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { DOCX_MIME, sendDownload, XLSX_MIME, xlsxOf } from '../../platform/download.ts';
import { officialDocx, run, table } from '../../platform/official-doc.ts';
import * as E from './errors.ts';
import { planItems } from './plan-service.ts';

async function planOf(db: Db, actor: Actor, id: number) {
  const p = await queryOne<{
    year: number;
    kind: string;
    title: string;
    documentNumber: string | null;
    version: number;
    committeeName: string;
  }>(
    db,
    sql`select p.year, p.kind, p.title, p.document_number as "documentNumber", p.version, c.name as "committeeName"
      from consultation_plans p
      join committees c on c.id = p.committee_id where p.committee_id = ${actor.committeeId} and p.id = ${id}`,
  );
  if (!p) throw E.planNotFound();
  return { ...p, items: await planItems(db, actor.committeeId, id, p.year) };
}

const month = (m: number | null) => (m ? `${m}月` : '');

export async function sendPlanExcel(db: Db, actor: Actor, id: number, reply: FastifyReply) {
  const p = await planOf(db, actor, id);
  const supervision = p.kind === 'supervision';
  const rows = p.items.map((i, n) => ({
    n: n + 1,
    topic: i.topic,
    kind: i.kindLabel,
    lead: i.leadSpecialCommitteeName ?? '',
    leader: i.leadingLeader,
    counterpart: i.counterpartBody,
    month: month(i.plannedMonth),
    form: i.formLabel,
    supervised: i.supervisedBody ?? '',
    supervisionForm: i.supervisionFormLabel ?? '',
    done: i.carriedOut ? '已开展' : '未开展',
  }));
  const columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '议题', key: 'topic', width: 40 },
    { header: '协商类型', key: 'kind', width: 20 },
    { header: '牵头专委会', key: 'lead', width: 18 },
    { header: '牵头领导', key: 'leader', width: 12 },
    { header: '对口部门', key: 'counterpart', width: 20 },
    { header: '计划时间', key: 'month', width: 10 },
    { header: '形式', key: 'form', width: 10 },
    ...(supervision
      ? [
          { header: '监督对象', key: 'supervised', width: 20 },
          { header: '监督形式', key: 'supervisionForm', width: 12 },
        ]
      : []),
    { header: '开展情况', key: 'done', width: 10 },
  ];
  const buf = await xlsxOf('计划项目', columns, rows);
  return sendDownload(reply, `${p.year}年${p.title}.xlsx`, XLSX_MIME, buf);
}

const center = (text: string, size: number, font: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 560 }, children: [run(text, { size, font })] });

export async function sendPlanWord(db: Db, actor: Actor, id: number, reply: FastifyReply) {
  const p = await planOf(db, actor, id);
  const supervision = p.kind === 'supervision';
  const head = [
    '序号',
    '议题',
    '类型',
    '牵头专委会',
    '牵头领导',
    '对口部门',
    '时间',
    ...(supervision ? ['监督对象', '形式'] : []),
  ];
  const rows = p.items.map((i, n) => [
    String(n + 1),
    i.topic,
    i.kindLabel,
    i.leadSpecialCommitteeName ?? '',
    i.leadingLeader,
    i.counterpartBody,
    month(i.plannedMonth),
    ...(supervision ? [i.supervisedBody ?? '', i.supervisionFormLabel ?? ''] : []),
  ]);
  const children = [
    center(p.committeeName, 36, '黑体'),
    center(p.documentNumber ?? '', 32, '仿宋'),
    center(`${p.year}年${p.title}${p.version > 1 ? `（调整后第${p.version}版）` : ''}`, 44, '方正小标宋简体'),
    table(head, rows),
  ];
  return sendDownload(reply, `${p.year}年${p.title}.docx`, DOCX_MIME, await officialDocx(children, p.title));
}
