import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db/client.ts';
import { decryptField } from '../../platform/secrets/field-crypto.ts';
import { type Client, login, testAppForFile } from '../../test/harness.ts';
import { idNumberProblem } from './common.ts';

const t = testAppForFile({ office: 'office_staff' });

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid ID number for a birth date and a sequence number. */
function validId(birth: string, seq: number) {
  const body = `320102${birth}${String(seq).padStart(3, '0')}`;
  const sum = body.split('').reduce((s, d, i) => s + Number(d) * W[i], 0);
  return body + '10X98765432'[sum % 11];
}
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

const HEADERS = [
  '姓名',
  '性别',
  '民族',
  '出生日期',
  '政治面貌',
  '界别',
  '专委会',
  '学习组/工作组',
  '工作单位及职务',
  '手机号',
  '身份证号',
  '是否常委',
];

async function workbook(rows: (string | null)[][], headers = HEADERS) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('委员名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORTS = '/api/org/members/imports';

async function finished(c: Client, id: number) {
  for (let i = 0; i < 300; i++) {
    const res = await c.get(`/api/org/members/imports/${id}`);
    if (!['validating', 'importing'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const countMembers = async () =>
  (await queryOne<{ n: number }>(t.database.db, sql`select count(*)::int as n from members`))!.n;
/** Phones and ID numbers are masked in every response: what the import stored is read from the database. */
const storedSensitive = async (id: number) => {
  const row = await queryOne<any>(t.database.db, sql`select phone_enc, id_number_enc from members where id = ${id}`);
  return { phone: decryptField(row.phone_enc), idNumber: decryptField(row.id_number_enc) };
};
const countAudit = async () =>
  (await queryOne<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where entity = 'member'`))!
    .n;

const ids = [validId('19700312', 11), validId('19820730', 22), validId('19911105', 33)];
const roster = () => [
  [
    '赵明远',
    '男',
    '汉族',
    '1970-03-12',
    '中共党员',
    '经济界',
    '经济委员会',
    '第一学习组',
    '示例市港务集团总经理',
    '13700000001',
    ids[0],
    '是',
  ],
  [
    '钱雅琴',
    '女',
    '回族',
    '1982-07-30',
    '民盟盟员',
    '教育界',
    '教科卫体委员会、提案委员会',
    '',
    '示例市第二中学校长',
    '13700000002',
    ids[1],
    '否',
  ],
  ['孙立新', '男', '汉族', '1991-11-05', '群众', '农业界', '', '', '示例市果蔬合作社理事长', '', ids[2], ''],
];

describe('roster import', () => {
  it('gives a template with the roster headers, an example row and the sector list', async () => {
    const res = await t.office.get('/api/org/members/import-template');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as any);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as any[]).slice(1)).toEqual([...HEADERS.slice(0, 11), '是否常委', '领导职务']);
    expect(ws.getRow(2).getCell(1).value).toBe('张三');
    // Rows typed under the example land in row 3, not after hundreds of empty rows.
    expect(ws.rowCount).toBe(2);
    expect((ws as any).dataValidations.find('B300')).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(idNumberProblem(String(ws.getRow(2).getCell(11).value))).toBeNull();
    expect(wb.getWorksheet('填写说明')!.getRow(2).getCell(1).value).toBe('中国共产党');
    expect((await (await login(t.app, 'proposal_staff')).get('/api/org/members/import-template')).status).toBe(403);
  });

  it('lists every bad row with row and column named and writes nothing', async () => {
    const rows = roster();
    rows[1][10] = wrongCheck(ids[1]);
    rows[2][5] = '不存在界';
    const before = await countMembers();
    const res = await t.office.upload(IMPORTS, '名册.xlsx', await workbook(rows), XLSX);
    expect(res.status).toBe(200);
    const job = await finished(t.office, res.body.id);
    expect(job.status).toBe('invalid');
    expect(job.errors.map((e: any) => e.message)).toEqual([
      `第 3 行「身份证号」：读到 "320***********${wrongCheck(ids[1]).slice(-4)}"（18 位），校验位不正确`,
      '第 4 行「界别」「不存在界」不存在，请从「填写说明」中选择',
    ]);
    expect(job.errors[0]).toMatchObject({ row: 3, column: '身份证号' });
    expect(await countMembers()).toBe(before);

    // "只导入无误的行": the same upload goes on with the one good row.
    const apply = await t.office.post(`/api/org/members/imports/${res.body.id}/apply-valid`);
    expect(apply.status).toBe(200);
    const done = await finished(t.office, res.body.id);
    expect(done).toMatchObject({ status: 'done', total: 3, processed: 3, created: 1, skipped: 2, updated: 0 });
    expect(await countMembers()).toBe(before + 1);
    const again = await t.office.post(`/api/org/members/imports/${res.body.id}/apply-valid`);
    expect(again.status).toBe(409);
  });

  it('imports a clean roster, matches on ID number on re-import and rewrites nothing unchanged', async () => {
    const before = await countMembers();
    const file = await workbook(roster());
    const first = await finished(t.office, (await t.office.upload(IMPORTS, '名册.xlsx', file, XLSX)).body.id);
    // 赵明远 was created by the previous test's valid row; the other two are new.
    expect(first).toMatchObject({ status: 'done', created: 2, updated: 0, unchanged: 1, errors: [] });
    expect(await countMembers()).toBe(before + 2);
    const qian = (await t.office.get('/api/org/members?q=第二中学')).body.items[0];
    expect(qian).toMatchObject({
      name: '钱雅琴',
      gender: '女',
      sectorName: '教育界',
      workUnit: '示例市第二中学校长',
      phone: '137****0002',
      idNumber: `${ids[1].slice(0, 4)}**********${ids[1].slice(-4)}`,
      standingMember: false,
    });
    expect(await storedSensitive(qian.id)).toEqual({ phone: '13700000002', idNumber: ids[1] });
    expect(qian.specialCommittees.map((s: any) => s.name).sort()).toEqual(['教科卫体委员会', '提案委员会'].sort());

    const audits = await countAudit();
    const updatedAt = (await queryOne<any>(t.database.db, sql`select updated_at from members where id = ${qian.id}`))!
      .updated_at;
    const second = await finished(t.office, (await t.office.upload(IMPORTS, '名册.xlsx', file, XLSX)).body.id);
    expect(second).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 3 });
    expect(await countMembers()).toBe(before + 2);
    expect(await countAudit()).toBe(audits);
    const after = (await queryOne<any>(t.database.db, sql`select updated_at from members where id = ${qian.id}`))!;
    expect(new Date(after.updated_at).getTime()).toBe(new Date(updatedAt).getTime());

    const changed = roster();
    changed[1][9] = '13700000099';
    const third = await finished(
      t.office,
      (await t.office.upload(IMPORTS, '名册.xlsx', await workbook(changed), XLSX)).body.id,
    );
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect((await t.office.get(`/api/org/members/${qian.id}`)).body.member.phone).toBe('137****0099');
    expect((await storedSensitive(qian.id)).phone).toBe('13700000099');
    expect(await countAudit()).toBe(audits + 1);
  });

  it('imports only valid rows straight away when asked, and re-reads exported files', async () => {
    const rows = [
      [
        '周小北',
        '男',
        '汉族',
        '1988-01-20',
        '群众',
        '体育界',
        '',
        '',
        '示例市体育中心教练',
        '',
        validId('19880120', 44),
        '否',
      ],
      ['吴无号', '女', '汉族', '1990-01-01', '群众', '体育界', '', '', '', '', '', '否'],
    ];
    const res = await t.office.upload(`${IMPORTS}?validOnly=true`, '体育界.xlsx', await workbook(rows), XLSX);
    const job = await finished(t.office, res.body.id);
    expect(job).toMatchObject({ status: 'done', created: 1, skipped: 1 });
    expect(job.errors.map((e: any) => e.message)).toEqual(['第 3 行「身份证号」不能为空']);

    // Only the export with full numbers (an explicit, audited choice) reads back; a masked one is explained.
    const exported = await t.office.get('/api/org/members/export?q=体育中心&sensitive=true');
    const again = await finished(t.office, (await t.office.upload(IMPORTS, '导出.xlsx', exported.raw, XLSX)).body.id);
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 1 });
    const masked = await t.office.get('/api/org/members/export?q=体育中心');
    const refused = await finished(t.office, (await t.office.upload(IMPORTS, '导出.xlsx', masked.raw, XLSX)).body.id);
    expect(refused.status).toBe('invalid');
    expect(refused.errors.map((e: any) => e.message)[0]).toContain('是脱敏后的号码');
  });

  it('rejects files it cannot read or that lack required columns, and hides imports from other committees', async () => {
    const notExcel = await t.office.upload(IMPORTS, '名册.xlsx', Buffer.from('not a workbook'), XLSX);
    expect(notExcel.status).toBe(400);
    expect(notExcel.body.message).toContain('.xlsx');
    const missing = await t.office.upload(IMPORTS, '名册.xlsx', await workbook([['张', '男']], ['姓名', '性别']), XLSX);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('缺少必需的列：「界别」、「身份证号」（请使用导入模板）');
    const empty = await t.office.upload(IMPORTS, '名册.xlsx', await workbook([]), XLSX);
    expect(empty.body.message).toBe('文件中没有委员数据');
    const json = await t.office.post('/api/org/members/imports', { file: 'x' });
    expect(json.status).toBe(400);

    const mine = (await t.office.upload(IMPORTS, '名册.xlsx', await workbook(roster()), XLSX)).body.id;
    await finished(t.office, mine);
    const county = await login(t.app, 'county_office_staff');
    expect((await county.get(`/api/org/members/imports/${mine}`)).status).toBe(404);
    expect((await county.post(`/api/org/members/imports/${mine}/apply-valid`)).status).toBe(404);
  });

  it('imports 1000 rows in the background with progress', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [
      `测试委员${i}`,
      i % 2 ? '女' : '男',
      '汉族',
      '',
      '群众',
      '经济界',
      '',
      '',
      `示例市第${i}企业`,
      '',
      validId('19750101', i),
      '否',
    ]);
    const started = Date.now();
    const res = await t.office.upload(IMPORTS, '大名册.xlsx', await workbook(rows), XLSX);
    expect(res.body.total).toBe(1000);
    const seen = new Set<number>();
    let job: any;
    for (let i = 0; i < 2000; i++) {
      job = (await t.office.get(`/api/org/members/imports/${res.body.id}`)).body;
      seen.add(job.processed);
      if (job.status === 'done') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = Date.now() - started;
    expect(job).toMatchObject({ status: 'done', created: 1000, processed: 1000 });
    expect(seen.size).toBeGreaterThan(2);
    console.log(`imported 1000 rows in ${ms} ms`);
  }, 120_000);
});
