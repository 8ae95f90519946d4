// A volume in print layout as Word, and as a print page the browser saves as PDF (no PDF library on the platform): a
// cover page (committee, 第N辑, title), the contents with authors, then each article on its own page with its author
// line and source kind (亲历/亲见/亲闻).
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

const esc = (t: string) =>
  t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// A5 pages in 宋体 with 黑体 headings, as the printed volumes are; the hint above the cover is not printed.
const PRINT_CSS = `@page{size:A5;margin:18mm 16mm}body{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;
font-size:11pt;line-height:1.9;max-width:148mm;margin:0 auto;padding:0 12px}h1,h2,.cover{font-family:"SimHei",
"Heiti SC","Noto Sans CJK SC",sans-serif;text-align:center}.cover{min-height:170mm;display:flex;flex-direction:column;
justify-content:center}.cover .title{font-size:24pt;font-weight:bold}.page{break-before:page;page-break-before:always}
ol{padding-left:1.5em}p{text-indent:2em;margin:0 0 .4em}.by{text-indent:0;text-align:center;color:#444}
.hint{font-family:sans-serif;background:#fffbe6;border:1px solid #ffe58f;padding:8px 12px;margin:12px 0}
@media print{.hint{display:none}}`;

/** The volume as one HTML page in print layout: the reader prints it or saves it as PDF from the browser. */
export function volumePrintHtml(v: Volume): string {
  const title = `文史资料 第${v.number}辑 · ${v.title}`;
  const articles = v.contents.map(
    (a) => `<section class="page" id="article-${a.id}"><h2>${esc(a.title)}</h2>
<p class="by">${esc(`${a.authorName}（${ACCOUNT_KINDS[a.accountKind] ?? ''}）${a.period ? ` · ${a.period}` : ''}${a.place ? ` · ${a.place}` : ''}`)}</p>
${a.body
  .split(/\n+/)
  .filter((p) => p.trim())
  .map((p) => `<p>${esc(p.trim())}</p>`)
  .join('\n')}</section>`,
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${PRINT_CSS}</style></head><body>
<p class="hint">打印本页即为印刷版式；在打印对话框中选择「另存为 PDF」即可得到 PDF 文件。</p>
<div class="cover"><div>${esc(v.committeeName)}</div><div>文史资料 第${v.number}辑</div>
<div class="title">${esc(v.title)}</div>${v.description ? `<div>${esc(v.description)}</div>` : ''}</div>
<section class="page"><h1>目　录</h1><ol>${v.contents
    .map((a) => `<li><a href="#article-${a.id}">${esc(a.title)}</a>　${esc(a.authorName)}</li>`)
    .join('')}</ol></section>
${articles.join('\n')}
</body></html>`;
}
