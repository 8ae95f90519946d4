// The monthly report as a Word document (导出Word): title, the edited text paragraph by paragraph, then the leaders'
// comments (领导批注) with who and when.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { formatBeijingDateTime } from '../../platform/dates.ts';

const font = { eastAsia: '仿宋', ascii: 'FangSong', hAnsi: 'FangSong' };

export async function reportDocx(r: {
  title: string;
  body: string;
  comments: { actorName: string | null; comment: string | null; createdAt: string }[];
}): Promise<Buffer> {
  const para = (text: string, bold = false) =>
    new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text, size: 32, font, bold })] });
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: r.title, size: 44, bold: true, font: { eastAsia: '方正小标宋简体' } })],
    }),
    ...r.body.split('\n').map((line) => para(line.trim(), /^[一二三四五六七八九十]+、/.test(line.trim()))),
  ];
  if (r.comments.length) {
    children.push(para(''), para('领导批注', true));
    for (const c of r.comments)
      children.push(para(`${c.actorName ?? ''}（${formatBeijingDateTime(c.createdAt)}）：${c.comment ?? ''}`));
  }
  return Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
