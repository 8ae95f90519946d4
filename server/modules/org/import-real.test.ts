// Roster import meets real spreadsheets: headers under a merged title row, full-width digits, zero-width characters,
// the date forms offices type, Excel date numbers; refused cells explained by what was read; and spreadsheet reading
// within a budget (a zip bomb, too many rows) that refuses early, stores nothing and keeps answering other requests.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db/client.ts';
import { decryptField } from '../../platform/secrets/field-crypto.ts';
import { testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({ office: 'office_staff' });

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function validId(birth: string, seq: number) {
  const body = `330106${birth}${String(seq).padStart(3, '0')}`;
  const sum = body.split('').reduce((s, d, i) => s + Number(d) * W[i], 0);
  return body + '10X98765432'[sum % 11];
}
const HEADERS = ['姓名', '性别', '出生日期', '界别', '工作单位及职务', '手机号', '身份证号'];
type Cell = string | number | Date | null;

/** A roster as offices keep it: a merged title row, a blank row, then the headers (with a required-star). */
async function roster(rows: Cell[][], opts: { title?: boolean } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  if (opts.title !== false) {
    ws.addRow(['示例市政协第十四届委员名册（2026年）']);
    ws.mergeCells('A1:G1');
    ws.addRow([]);
  }
  ws.addRow(HEADERS.map((h) => (h === '姓名' || h === '身份证号' ? `*${h}` : h)));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const IMPORTS = '/api/org/members/imports';

async function finished(id: number) {
  for (let i = 0; i < 600; i++) {
    const res = await t.office.get(`/api/org/members/imports/${id}`);
    if (!['validating', 'importing'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}
const countImports = async () =>
  (await queryOne<{ n: number }>(t.database.db, sql`select count(*)::int as n from member_imports`))!.n;
const member = async (q: string) => (await t.office.get(`/api/org/members?q=${encodeURIComponent(q)}`)).body.items;

describe('real rosters', () => {
  it('finds the headers under a merged title, cleans every cell and reads every common date form', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => validId('19830506', 100 + i));
    const file = await roster([
      [
        '\u200b林晓\u200b峰 ',
        '男',
        '19830506',
        '经济界',
        '示例市云帆科技',
        '１３９１２３４５６７８',
        `${ids[0]}\u200b`,
      ],
      ['陈静', '女', '1983-5-6', '经济界', '', '139 1234 5679', ` ${ids[1]} `],
      ['王海', '男', '1983/05/06', '经济界', '', '', ids[2]],
      ['刘洋', '女', '1983年5月6日', '经济界', '', '', ids[3].replace(/\d/g, (d) => String.fromCharCode(0xff10 + +d))],
      ['赵雷', '男', 30442, '经济界', '', '', ids[4]], // Excel's day number of 1983-05-06
      ['钱程', '女', new Date(Date.UTC(1983, 4, 6)), '经济界', '', '', ids[5]],
    ]);
    const res = await t.office.upload(IMPORTS, '名册（带标题）.xlsx', file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.total).toBe(6);
    const job = await finished(res.body.id);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'done', created: 6 });
    const lin = (await member('林晓峰'))[0];
    expect(lin).toMatchObject({ name: '林晓峰', birthDate: '1983-05-06', phone: '139****5678' });
    // Responses mask the numbers; what was stored is read from the database.
    const stored = await queryOne<any>(
      t.database.db,
      sql`select phone_enc, id_number_enc from members where id = ${lin.id}`,
    );
    expect([decryptField(stored!.phone_enc), decryptField(stored!.id_number_enc)]).toEqual(['13912345678', ids[0]]);
    for (const name of ['陈静', '王海', '刘洋', '赵雷', '钱程']) {
      const m = (await member(name)).find((x: { name: string }) => x.name === name);
      expect(m?.birthDate, name).toBe('1983-05-06');
    }
  });

  it('explains a refused cell by what it read', async () => {
    const file = await roster([
      ['孙某', '男', '1983-13-40', '经济界', '', '1391234', validId('19700101', 7).slice(0, 17)],
      ['周某', '未知', '', '经济界', '', '', validId('19700101', 8)],
    ]);
    const job = await finished((await t.office.upload(IMPORTS, '错误.xlsx', file)).body.id);
    expect(job.status).toBe('invalid');
    const messages = job.errors.map((e: { message: string }) => e.message);
    expect(messages).toContain(
      '第 4 行「出生日期」：读到 "1983-13-40"，不是有效日期（如 1975-06-18、19750618、1975年6月18日）',
    );
    expect(messages).toContain('第 4 行「手机号」：读到 "1391234"（7 位），应为 11 位手机号码');
    expect(messages).toContain(
      '第 4 行「身份证号」：读到 "330**********1007"（17 位），应为 18 位（前 17 位为数字，末位为数字或 X）',
    );
    expect(messages).toContain('第 5 行「性别」：读到 "未知"，应为“男”或“女”');
  });
});

describe('reading within a budget', () => {
  it('refuses a zip bomb (one 50 MB cell) at once, with flat memory, storing nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(HEADERS);
    ws.addRow(['张', '男', '', '经济界', 'x'.repeat(50 * 1024 * 1024), '', validId('19700101', 9)]);
    const bomb = Buffer.from(await wb.xlsx.writeBuffer());
    expect(bomb.length).toBeLessThan(1024 * 1024);
    global.gc?.();
    const before = await countImports();
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const res = await t.office.upload(IMPORTS, '炸弹.xlsx', bomb);
    const ms = performance.now() - t0;
    const grown = (process.memoryUsage().rss - rss0) / 1024 / 1024;
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('文件解压后超过 30 MB');
    expect(grown).toBeLessThan(100);
    expect(await countImports()).toBe(before);
    console.log(
      `zip bomb (${Math.round(bomb.length / 1024)} KB → 50 MB cell) refused in ${ms.toFixed(0)} ms, rss +${grown.toFixed(1)} MB`,
    );
  });

  it('refuses a cell longer than 2,000 characters, naming where it is', async () => {
    const file = await roster([['张', '男', '', '经济界', '长'.repeat(2001), '', validId('19700101', 10)]]);
    const res = await t.office.upload(IMPORTS, '长.xlsx', file);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('第 4 行 E 列的内容超过 2000 个字符，请检查后重新上传');
  });

  it('refuses 6,000 rows while streaming and keeps /healthz answering during a 5,000-row parse', async () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => [
        `委员${i}`,
        '男',
        '1980-01-01',
        '经济界',
        `单位${i}`,
        '',
        validId('19800101', i % 1000),
      ]);
    const big = await roster(rows(6000), { title: false });
    const before = await countImports();
    const t0 = performance.now();
    const res = await t.office.upload(IMPORTS, '六千.xlsx', big);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('一次最多导入 5000 名委员，请分批导入');
    console.log(`6,000 rows refused in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(await countImports()).toBe(before);

    // While a 5,000-row file is parsed, the health check still answers promptly.
    const file = await roster(rows(5000), { title: false });
    const parsing = t.office.upload(IMPORTS, '五千.xlsx', file);
    const waits: number[] = [];
    let done = false;
    parsing.finally(() => {
      done = true;
    });
    while (!done) {
      const h0 = performance.now();
      const h = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(h.statusCode).toBe(200);
      waits.push(performance.now() - h0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const parsed = await parsing;
    expect(parsed.status, JSON.stringify(parsed.body)).toBe(200);
    console.log(
      `5,000 rows parsed; /healthz answered ${waits.length} times, slowest ${Math.max(...waits).toFixed(0)} ms`,
    );
    // Answered again and again while the file was parsed: the parse yields (times are printed, not asserted).
    expect(waits.length).toBeGreaterThan(1);
    // Its rows repeat ID numbers: validation stops it before anything is written.
    expect((await finished(parsed.body.id)).status).toBe('invalid');
  }, 180_000);
});
