// Helpers for the opinion-report tests: sample texts, reading a generated .docx, counting rows.
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Db, query, queryOne } from '../../platform/db/client.ts';

export const ELEVATOR = {
  title: '关于破解老旧小区加装电梯难题的建议',
  body: '我市2000年以前建成的老旧小区普遍没有电梯，老年人上下楼困难。加装电梯工作推进中存在低层住户反对、资金分摊难、审批环节多等问题。建议：一是出台加装电梯费用分摊指导意见；二是简化审批流程，实行联合审查；三是设立专项补贴，对困难家庭给予倾斜。',
  category: '城乡建设',
};

export const SCHOOL = {
  title: '关于缓解中小学校门口上下学交通拥堵的建议',
  body: '早晚高峰时段，城区多所中小学校门口接送车辆乱停乱放，造成交通拥堵和安全隐患。建议：一是错峰上下学；二是在学校周边设置临时停车泊位；三是组织家长志愿者协助疏导交通。',
  category: '社会治理',
};

/** The text of word/document.xml inside a .docx (a zip), found through the central directory. */
export function docxText(buf: Buffer): string {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (name === 'word/document.xml') {
      const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
      const data = buf.subarray(start, start + size);
      const xml = (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
      return xml.replace(/<[^>]+>/g, '');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error('word/document.xml not found');
}

export async function count(db: Db, table: string, where = sql`true`): Promise<number> {
  const r = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`);
  return r!.n;
}

/** The distinct audit actions written so far on reports, issues and referrals, sorted by name. */
export async function auditedOpinionActions(db: Db): Promise<string[]> {
  const rows = await query<{ action: string }>(
    db,
    sql`select distinct action from audit_log where entity in ('opinion_report', 'opinion_issue', 'opinion_referral') order by action`,
  );
  return rows.map((r) => r.action);
}
