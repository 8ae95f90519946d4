// Word and Excel of outcomes: the outcome report in the official layout (red masthead, title, body, the units'
// feedback and the evaluation) and the Excel list of outcomes.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TextRun } from 'docx';
import { xlsxOf } from '../../platform/download.ts';
import { TRANSFORMATION } from './outcome-rules.ts';
import type { OutcomeDetail, OutcomeListItem } from './outcome-schemas.ts';

const RED = 'C00000';
const run = (text: string, o: { size?: number; font?: string; bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, size: o.size ?? 32, font: o.font ?? '仿宋', bold: o.bold, color: o.color });
const para = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [run(text)],
  });
const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 200, line: 560 },
    indent: { firstLine: 640 },
    children: [run(text, { font: '黑体' })],
  });
const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map(para);
const cnDate = (d: string | null) =>
  d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '';

export async function outcomeDocx(committeeName: string, o: OutcomeDetail): Promise<Buffer> {
  const latest = o.units.filter((u) => u.round === o.round);
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200, after: 100 },
      children: [run(o.kind, { size: 80, font: '方正小标宋简体', color: RED, bold: true })],
    }),
    new Paragraph({
      tabStops: [{ type: 'right', position: 9000 }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } },
      spacing: { after: 300 },
      children: [run(`${committeeName}`, { size: 28 }), run(`\t${cnDate(o.submittedOn)}`, { size: 28 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300, line: 600 },
      children: [run(o.title, { size: 44, font: '方正小标宋简体' })],
    }),
    ...lines(o.body),
    ...(o.instructions.length ? [heading('一、领导批示')] : []),
    ...o.instructions.map((i) => para(`${i.leaderName}（${i.levelLabel}，${cnDate(i.instructedOn)}）：${i.text}`)),
    ...(latest.length ? [heading(`${o.instructions.length ? '二' : '一'}、办理反馈`)] : []),
    ...latest.flatMap((u) => [
      para(
        `${u.unitName}：${u.takenUp ?? '（尚未反馈）'}${u.measures ? ` 落实措施：${u.measures}` : ''}${u.adoptionLabel ? `（${u.adoptionLabel}）` : ''}`,
      ),
    ]),
    ...(o.transformationKinds.length || o.evaluationText
      ? [
          heading('成果转化与评估'),
          para(
            `${o.transformationKinds.map((k) => TRANSFORMATION[k as keyof typeof TRANSFORMATION] ?? k).join('、')}${o.transformationText ? `：${o.transformationText}` : ''}`,
          ),
          ...lines(o.evaluationText),
        ]
      : []),
  ];
  const doc = new Document({
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

export function outcomesXlsx(items: OutcomeListItem[]): Promise<Buffer> {
  return xlsxOf(
    '协商成果',
    [
      { header: '编号', key: 'id', width: 8 },
      { header: '成果类型', key: 'kind', width: 12 },
      { header: '标题', key: 'title', width: 40 },
      { header: '状态', key: 'stateLabel', width: 14 },
      { header: '轮次', key: 'round', width: 6 },
      { header: '报送日期', key: 'submittedOn', width: 12 },
      { header: '牵头专委会', key: 'specialCommitteeName', width: 16 },
      { header: '办理单位数', key: 'unitCount', width: 10 },
      { header: '已反馈', key: 'fedBackCount', width: 8 },
      { header: '超期未反馈', key: 'overdueCount', width: 10 },
      { header: '领导批示', key: 'instructionCount', width: 10 },
      { header: '公开', key: 'publicLabel', width: 6 },
    ],
    items.map((i) => ({ ...i, publicLabel: i.isPublic ? '是' : '否' })),
  );
}
