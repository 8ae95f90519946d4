// A volume in print layout as Word: a cover page (committee, 第N辑, title), the contents with authors, then each
// article on its own page with its author line and source kind (亲历/亲见/亲闻).
import { AlignmentType, Document, HeadingLevel, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import { ACCOUNT_KINDS } from './process.ts';
import type { getVolume } from './volume-service.ts';

type Volume = Awaited<ReturnType<typeof getVolume>>;
const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const HEI = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };

const centred = (text: string, size: number, bold = false, font = FONT) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, size, bold, font })],
  });

export async function volumeDocx(v: Volume): Promise<Buffer> {
  const cover = [
    new Paragraph({ spacing: { before: 2400 } }),
    centred(v.committeeName, 32, false, HEI),
    centred(`文史资料 第${v.number}辑`, 36, true, HEI),
    centred(v.title, 52, true, HEI),
    ...(v.description ? [centred(v.description, 24)] : []),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const contents = [
    centred('目  录', 36, true, HEI),
    ...v.contents.map(
      (a, i) =>
        new Paragraph({
          spacing: { after: 120 },
          children: [
            new TextRun({ text: `${i + 1}. ${a.title}`, size: 28, font: FONT }),
            new TextRun({ text: `　　${a.authorName}`, size: 24, font: FONT }),
          ],
        }),
    ),
  ];
  const articles = v.contents.flatMap((a) => [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: a.title, size: 36, bold: true, font: HEI })],
    }),
    centred(
      `${a.authorName}（${ACCOUNT_KINDS[a.accountKind] ?? ''}）${a.period ? ` · ${a.period}` : ''}${a.place ? ` · ${a.place}` : ''}`,
      24,
    ),
    ...a.body
      .split(/\n+/)
      .filter((p) => p.trim())
      .map(
        (p) =>
          new Paragraph({
            indent: { firstLine: 560 },
            spacing: { line: 400 },
            children: [new TextRun({ text: p.trim(), size: 28, font: FONT })],
          }),
      ),
  ]);
  const doc = new Document({ sections: [{ children: [...cover, ...contents, ...articles] }] });
  return Buffer.from(await Packer.toBuffer(doc));
}
