// The report builder's text: each section's statistical paragraph from the registry with its numbers as tokens
// ({{proposals.received}}), tokens checked and filled from a fresh computation, and the Word file in the official
// layout (方正小标宋/黑体 headings, 仿宋 body, page numbers in the footer).
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Db } from '../db/client.ts';
import { badRequest } from '../errors.ts';
import { computeFigures, type FigureValue } from './compute.ts';
import type { Period } from './period.ts';
import type { FigureGroup } from './registry.ts';

const TOKEN = /\{\{([a-zA-Z]+\.[a-zA-Z]+)\}\}/g;

/** 「全年」 of a sentence, said of the period asked for. */
function periodWord(p: Period): string {
  if (p.year !== null) return '全年';
  if (/-H1$/.test(p.key)) return '上半年';
  if (/-H2$/.test(p.key)) return '下半年';
  if (/-Q\d$/.test(p.key)) return '本季度';
  if (/^\d{4}-\d{2}$/.test(p.key)) return '本月';
  return `${p.from}至${p.to}`;
}

export function composeSections(groups: FigureGroup[], modules: string[], p: Period) {
  return groups
    .filter((g) => g.sentence && (!modules.length || modules.includes(g.module)))
    .map((g) => ({ module: g.module, heading: g.moduleName, text: g.sentence!.replace(/^全年/, periodWord(p)) }));
}

export const tokensOf = (text: string) => [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]))];

/** Recomputes every token of the text; an unknown token, or a figure without a value for the period, is refused. */
export async function resolveTokens(db: Db, committeeId: number, p: Period, groups: FigureGroup[], text: string) {
  const ids = tokensOf(text);
  const values = await computeFigures(
    db,
    committeeId,
    p,
    groups.filter((g) => g.figures.some((f) => ids.includes(f.id))),
    ids,
  );
  for (const id of ids) {
    const v = values.find((x) => x.id === id);
    if (!v) throw badRequest('figures.token', `正文中的指标「${id}」不存在或无权查看`, 'body');
    if (v.value === null) throw badRequest('figures.token', `指标「${v.name}」${v.note ?? '没有数值'}`, 'body');
  }
  return values;
}

export const fillTokens = (text: string, values: FigureValue[]) =>
  text.replace(TOKEN, (_, id: string) => String(values.find((v) => v.id === id)?.value ?? `{{${id}}}`));

/** Differences between the values a report was exported with and the values now. */
export function differences(snapshot: Record<string, number>, now: FigureValue[]) {
  return Object.entries(snapshot)
    .map(([id, was]) => {
      const v = now.find((x) => x.id === id);
      return { id, name: v?.name ?? id, unit: v?.unit ?? '', exported: was, now: v?.value ?? null };
    })
    .filter((d) => d.now !== d.exported);
}

const run = (text: string, font = '仿宋', size = 32) => new TextRun({ text, font, size });

/** Lines starting with 「一、」「二、」… are headings (黑体); the first line is the title. */
export async function reportDocx(title: string, body: string): Promise<Buffer> {
  const lines = body.split(/\r?\n/).filter((l) => l.trim());
  const paragraphs = lines.map((l) =>
    /^[一二三四五六七八九十]+、/.test(l.trim())
      ? new Paragraph({ spacing: { line: 560 }, indent: { firstLine: 640 }, children: [run(l.trim(), '黑体')] })
      : new Paragraph({ spacing: { line: 560 }, indent: { firstLine: 640 }, children: [run(l.trim())] }),
  );
  const doc = new Document({
    creator: '数字政协履职平台',
    title,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: '宋体' })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [run(title, '方正小标宋简体', 44)],
          }),
          ...paragraphs,
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
