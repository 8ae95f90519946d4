// The member's record (履职档案, 一届一人一档): the timeline of one member over a term gathered from every registered
// source, and its Word export in the archive layout. The member sees only their own; staff with record.readAll see any
// member of their committee; anyone else gets 404 (no hint that the member exists).
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { can } from '../../platform/auth/permissions.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingToday } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { memberTerm } from '../org/member-term.ts';
import { type RecordEntry, recordSources } from './registry.ts';

const recordNotFound = () => notFound('record.not_found', '履职档案不存在');

export async function memberRecord(db: Db, actor: Actor, memberId: number, q: { term?: number; source?: string }) {
  if (actor.memberId !== memberId && !can(actor.roles, 'record.readAll')) throw recordNotFound();
  const m = await memberTerm(db, actor.committeeId, memberId, q.term);
  if (!m) throw recordNotFound();
  const today = beijingToday();
  const from = m.startDate ?? `${today.slice(0, 4)}-01-01`;
  const to = m.endDate && m.endDate < today ? m.endDate : today;
  const sources = recordSources();
  const lists = await Promise.all(
    sources
      .filter((s) => !q.source || s.key === q.source)
      .map((s) => s.entries(db, actor.committeeId, memberId, from, to)),
  );
  const entries: RecordEntry[] = lists
    .flat()
    .sort((a, b) => (a.date === b.date ? a.source.localeCompare(b.source) : a.date < b.date ? -1 : 1));
  const counts = Object.fromEntries(sources.map((s) => [s.key, 0]));
  for (const e of entries) counts[e.source] = (counts[e.source] ?? 0) + 1;
  return {
    member: m,
    from,
    to,
    sections: sources.map((s) => ({ key: s.key, label: s.label, count: counts[s.key] })),
    entries,
  };
}

export async function memberRecordDocx(db: Db, actor: Actor, memberId: number, term?: number): Promise<Buffer> {
  const r = await memberRecord(db, actor, memberId, { term });
  const font = { eastAsia: '宋体', ascii: 'SimSun', hAnsi: 'SimSun' };
  const p = (text: string, size = 24, bold = false, centre = false) =>
    new Paragraph({
      alignment: centre ? AlignmentType.CENTER : undefined,
      spacing: { after: 120 },
      children: [new TextRun({ text, size, bold, font })],
    });
  const cell = (text: string, bold = false) => new TableCell({ children: [p(text, 21, bold)] });
  const children: (Paragraph | Table)[] = [
    p(`委员履职档案（${r.member.termName}）`, 40, true, true),
    p(`姓名：${r.member.name}　界别：${r.member.sectorName ?? '—'}`, 24),
    p(`所在专委会：${r.member.specialCommittees.join('、') || '—'}`, 24),
    p(`档案期间：${r.from} 至 ${r.to}`, 24),
  ];
  for (const s of r.sections) {
    const rows = r.entries.filter((e) => e.source === s.key);
    children.push(p(`${s.label}（${rows.length}）`, 28, true));
    if (!rows.length) {
      children.push(p('无记录'));
      continue;
    }
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: ['日期', '事项', '名称', '情况'].map((h) => cell(h, true)) }),
          ...rows.map(
            (e) => new TableRow({ children: [cell(e.date), cell(e.kind), cell(e.title), cell(e.detail ?? '')] }),
          ),
        ],
      }),
    );
  }
  return Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
