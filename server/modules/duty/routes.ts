// Duty routes: 我的履职 (a member's year line by line, the committee median, reminders), staff score tables and group
// summaries with Excel export, the quarterly bulletin in Word and Excel, rule sets (ready sets, versions, save →
// re-score), consequences, self-reports and commendations.

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { addSheet, DOCX_MIME, newWorkbook, sendDownload, workbookBuffer, XLSX_MIME } from '../../platform/download.ts';
import { notFound } from '../../platform/errors.ts';
import { ErrorBody, IdParams, Ok, Paging, page } from '../../platform/routes.ts';
import { registerTodos } from '../../platform/todos.ts';
import { Enum, Nullable } from '../meetings/schema.ts';
import {
  DETAIL_FIELDS,
  FACT_KINDS,
  GRADE_LABELS,
  MULTIPLIERS,
  PRESETS,
  ROLE_LABELS,
  type RuleSet,
  RuleSetSchema,
} from './rules.ts';
import {
  committeeMedian,
  currentVersion,
  ensureScores,
  explainMember,
  getVersion,
  rescore,
  saveRuleVersion,
} from './scoring.ts';
import {
  bulletinData,
  commend,
  consequenceCandidates,
  deleteConsequence,
  getReport,
  groupSummary,
  listCommendations,
  listConsequences,
  listReports,
  listScores,
  memberExists,
  myReport,
  recordConsequence,
  reviewReport,
  revokeCommendation,
  saveReport,
  thisYear,
} from './service.ts';
import { dutyTodos } from './todos.ts';

const Year = Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 });
const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: 2147483647 });
const VersionRef = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  year: Type.Integer(),
  name: Type.String(),
});
const Category = Type.Object({ key: Type.String(), name: Type.String(), cap: Nullable(Type.Number()) });
const ExplanationSchema = Type.Object({
  year: Type.Integer(),
  version: VersionRef,
  base: Type.Number(),
  maxTotal: Nullable(Type.Number()),
  passMark: Type.Number(),
  total: Type.Number(),
  grade: Type.String(),
  gradeLabel: Type.String(),
  categories: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      cap: Nullable(Type.Number()),
      floor: Nullable(Type.Number()),
      raw: Type.Number(),
      points: Type.Number(),
    }),
  ),
  lines: Type.Array(
    Type.Object({
      factId: Type.Integer(),
      kind: Type.String(),
      kindLabel: Type.String(),
      role: Type.String(),
      roleLabel: Type.String(),
      occurredOn: Type.String(),
      sourceType: Type.String(),
      sourceId: Type.Integer(),
      title: Nullable(Type.String()),
      detailText: Type.String(),
      rule: Nullable(Type.String()),
      category: Nullable(Type.String()),
      points: Type.Number(),
      note: Nullable(Type.String()),
    }),
  ),
  checklist: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      min: Type.Integer(),
      count: Type.Integer(),
      done: Type.Boolean(),
    }),
  ),
  notes: Type.Array(Type.String()),
});
const MemberPage = Type.Object({
  member: Type.Object({ id: Type.Integer(), name: Type.String() }),
  explanation: ExplanationSchema,
  median: Nullable(Type.Number()),
  reminders: Type.Array(Type.String()),
  commendations: Type.Array(Type.Object({ year: Type.Integer(), title: Type.String(), reason: Type.String() })),
});
const RuleVersionSchema = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  version: Type.Integer(),
  name: Type.String(),
  rules: RuleSetSchema,
  note: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
const ScoreQuery = {
  year: Type.Optional(Year),
  sectorId: Type.Optional(Id('界别')),
  specialCommitteeId: Type.Optional(Id('专委会')),
  groupId: Type.Optional(Id('小组')),
  grade: Type.Optional(Enum(Object.keys(GRADE_LABELS), '等次')),
  belowPass: Type.Optional(Type.Boolean({ title: '只看未达合格分' })),
  missingChecklist: Type.Optional(Type.Boolean({ title: '只看未完成基本要求' })),
  q: Type.Optional(Type.String({ title: '姓名或编号', maxLength: 50 })),
  sort: Type.Optional(Enum(['code', 'totalAsc', 'totalDesc'], '排序')),
};

export async function dutyRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  registerTodos('duty', dutyTodos);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['duty'];

  async function memberPage(committeeId: number, memberId: number, year: number) {
    const m = await memberExists(db, committeeId, memberId);
    const v = await currentVersion(db, committeeId, year);
    const anyScores = await queryOne(
      db,
      sql`select 1 from duty_scores where committee_id = ${committeeId} and year = ${year} limit 1`,
    );
    if (!anyScores) await ensureScores(db, committeeId, year);
    const explanation = await explainMember(db, committeeId, memberId, year, v);
    const median = await committeeMedian(db, committeeId, year);
    const missing = explanation.checklist.filter((k) => !k.done);
    const reminders = missing.length
      ? [`年度基本要求还有 ${missing.length} 项未完成：${missing.map((k) => k.label).join('、')}`]
      : [];
    if (explanation.total < explanation.passMark)
      reminders.push(`目前积分 ${explanation.total} 分，低于合格分 ${explanation.passMark} 分`);
    const commendations = await query<any>(
      db,
      sql`select year, title, reason from duty_commendations where committee_id = ${committeeId} and member_id = ${memberId} order by year desc, id`,
    );
    return { member: { id: m.id, name: m.name }, explanation, median, reminders, commendations };
  }

  r.get(
    '/api/duty/me',
    {
      preHandler: requireAuth('duty.readOwn'),
      schema: {
        tags,
        summary: '我的履职：本年积分、等次、基本要求进度、每一条履职记录及其计分规则、全会中位数',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: { 200: MemberPage, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!actor.memberId) throw notFound('duty.no_member', '您的账号未关联委员');
      return memberPage(actor.committeeId, actor.memberId, request.query.year ?? thisYear());
    },
  );

  r.get(
    '/api/duty/members/:id',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '某位委员的履职明细（工作人员）',
        params: IdParams,
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: { 200: MemberPage, 404: ErrorBody },
      },
    },
    async (request) => memberPage(actorOf(request).committeeId, request.params.id, request.query.year ?? thisYear()),
  );

  r.get(
    '/api/duty/scores',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '委员履职积分表（按界别、专委会、小组筛选）',
        querystring: Type.Object({ ...Paging, ...ScoreQuery }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            version: VersionRef,
            passMark: Type.Number(),
            categories: Type.Array(Category),
            items: Type.Array(
              Type.Object({
                memberId: Type.Integer(),
                name: Type.String(),
                code: Nullable(Type.String()),
                sector: Nullable(Type.String()),
                specialCommittees: Nullable(Type.String()),
                standingMember: Type.Boolean(),
                total: Type.Number(),
                grade: Type.String(),
                gradeLabel: Type.String(),
                components: Type.Record(Type.String(), Type.Number()),
                checklistDone: Type.Integer(),
                checklistTotal: Type.Integer(),
                checklistMissing: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      const q = { ...request.query, year: request.query.year ?? thisYear() };
      return listScores(db, actorOf(request), q, limit, offset);
    },
  );

  r.get(
    '/api/duty/scores/export',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: { tags, summary: '导出委员履职积分表（Excel）', querystring: Type.Object(ScoreQuery) },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const q = { ...request.query, year: request.query.year ?? thisYear() };
      const data = await listScores(db, actor, q, 1_000_000, 0);
      const wb = newWorkbook();
      const ws = addSheet(
        wb,
        `${q.year}年履职积分`,
        [
          { header: '编号', key: 'code', width: 10 },
          { header: '姓名', key: 'name', width: 12 },
          { header: '界别', key: 'sector', width: 22 },
          { header: '专委会', key: 'specialCommittees', width: 22 },
          ...data.categories.map((k) => ({ header: k.name, key: `c_${k.key}`, width: 12 })),
          { header: '总分', key: 'total', width: 10 },
          { header: '等次', key: 'gradeLabel', width: 10 },
          { header: '未完成的基本要求', key: 'missing', width: 40 },
        ],
        data.items.map((it) => ({
          ...it,
          ...Object.fromEntries(Object.entries(it.components).map(([k, v]) => [`c_${k}`, v])),
          missing: it.checklistMissing.join('、'),
        })),
      );
      ws.addRow([]);
      ws.addRow([
        `计分规则：${data.version.name}（${data.version.year} 年第 ${data.version.version} 版）。积分仅反映履职数量，不代表履职质量。`,
      ]);
      return sendDownload(reply, `${q.year}年委员履职积分.xlsx`, XLSX_MIME, await workbookBuffer(wb));
    },
  );

  r.get(
    '/api/duty/groups',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '按界别、专委会或学习组汇总的履职情况',
        querystring: Type.Object({
          year: Type.Optional(Year),
          by: Enum(['sector', 'specialCommittee', 'group'], '汇总方式'),
        }),
        response: {
          200: Type.Object({
            version: VersionRef,
            passMark: Type.Number(),
            categories: Type.Array(Category),
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                name: Type.String(),
                members: Type.Integer(),
                average: Type.Number(),
                median: Type.Number(),
                belowPass: Type.Integer(),
                missingChecklist: Type.Integer(),
                components: Type.Record(Type.String(), Type.Number()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => groupSummary(db, actorOf(request), request.query.year ?? thisYear(), request.query.by),
  );

  r.get(
    '/api/duty/bulletin',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '季度履职通报（Word 或 Excel）',
        querystring: Type.Object({
          year: Year,
          quarter: Type.Integer({ title: '季度', minimum: 1, maximum: 4 }),
          format: Enum(['docx', 'xlsx'], '格式'),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { year, quarter, format } = request.query;
      const d = await bulletinData(db, actor, year, quarter);
      const title = `${d.committee}${year}年第${quarter}季度委员履职情况通报`;
      const caveat =
        '说明：积分仅反映委员履职的数量，不代表履职的质量；各项分数按本年度积分规则计算，委员可在「我的履职」中查看每一项的计分依据。';
      const cats = d.version.rules.categories;
      if (format === 'xlsx') {
        const wb = newWorkbook();
        const s1 = wb.addWorksheet('概况');
        s1.addRow([title]).font = { bold: true, size: 14 };
        s1.addRow([`统计截至 ${d.until}，计分规则：${d.version.name}（第 ${d.version.version} 版）`]);
        s1.addRow([]);
        s1.addRow(['委员人数', d.members.length]);
        s1.addRow(['平均分', d.average]);
        s1.addRow(['中位数', d.median]);
        s1.addRow(['低于合格分人数', d.belowPass]);
        for (const g of d.grades) s1.addRow([`等次：${g.label}`, g.count]);
        s1.addRow([]);
        s1.addRow(['履职事项', '次数']).font = { bold: true };
        for (const f of d.facts) s1.addRow([f.label, f.n]);
        s1.addRow([]);
        s1.addRow([caveat]);
        s1.getColumn(1).width = 30;
        addSheet(
          wb,
          '委员明细',
          [
            { header: '编号', key: 'code', width: 10 },
            { header: '姓名', key: 'name', width: 12 },
            { header: '界别', key: 'sector', width: 22 },
            ...cats.map((k, i) => ({ header: k.name, key: `c${i}`, width: 12 })),
            { header: '总分', key: 'total', width: 10 },
            { header: '等次', key: 'grade', width: 10 },
            { header: '未完成基本要求项数', key: 'missing', width: 18 },
          ],
          d.members.map((m) => ({ ...m, ...Object.fromEntries(m.components.map((v, i) => [`c${i}`, v])) })),
        );
        return sendDownload(reply, `${title}.xlsx`, XLSX_MIME, await workbookBuffer(wb));
      }
      const cell = (text: string, bold = false) =>
        new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 21 })] })] });
      const doc = new Document({
        sections: [
          {
            children: [
              new Paragraph({ text: title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
              new Paragraph({
                children: [
                  new TextRun({
                    text: `统计截至 ${d.until}，全体委员 ${d.members.length} 人，平均 ${d.average} 分，中位数 ${d.median} 分，低于合格分（${d.version.rules.passMark} 分）${d.belowPass} 人。等次分布：${d.grades.map((g) => `${g.label} ${g.count} 人`).join('，')}。`,
                    size: 28,
                  }),
                ],
              }),
              new Paragraph({ text: '一、履职事项统计', heading: HeadingLevel.HEADING_2 }),
              new Paragraph({
                children: [
                  new TextRun({
                    text: d.facts.length ? d.facts.map((f) => `${f.label} ${f.n} 次`).join('；') : '本期暂无履职记录。',
                    size: 28,
                  }),
                ],
              }),
              new Paragraph({ text: '二、委员履职积分明细', heading: HeadingLevel.HEADING_2 }),
              new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: [
                  new TableRow({
                    tableHeader: true,
                    children: ['姓名', '界别', ...cats.map((k) => k.name), '总分', '等次'].map((h) => cell(h, true)),
                  }),
                  ...d.members.map(
                    (m) =>
                      new TableRow({
                        children: [
                          m.name,
                          m.sector ?? '',
                          ...m.components.map((v) => String(v)),
                          String(m.total),
                          m.grade,
                        ].map((t) => cell(t)),
                      }),
                  ),
                ],
              }),
              new Paragraph({ children: [new TextRun({ text: caveat, italics: true, size: 24 })] }),
            ],
          },
        ],
      });
      return sendDownload(reply, `${title}.docx`, DOCX_MIME, await Packer.toBuffer(doc));
    },
  );

  // ---- rules ----
  r.get(
    '/api/duty/rules',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '某年度的积分规则（现行版本与历史版本）',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            current: RuleVersionSchema,
            versions: Type.Array(
              Type.Object({
                id: Type.Integer(),
                year: Type.Integer(),
                version: Type.Integer(),
                name: Type.String(),
                note: Nullable(Type.String()),
                createdBy: Nullable(Type.String()),
                createdAt: Type.String(),
              }),
            ),
            vocabulary: Type.Object({
              factKinds: Type.Record(Type.String(), Type.String()),
              roles: Type.Record(Type.String(), Type.String()),
              detailFields: Type.Record(
                Type.String(),
                Type.Object({ label: Type.String(), values: Type.Record(Type.String(), Type.String()) }),
              ),
              multipliers: Type.Record(Type.String(), Type.String()),
              grades: Type.Record(Type.String(), Type.String()),
            }),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const year = request.query.year ?? thisYear();
      const current = await currentVersion(db, actor.committeeId, year);
      const versions = await query<any>(
        db,
        sql`select id, year, version, name, note, created_by as "createdBy", created_at as "createdAt" from duty_rule_versions
          where committee_id = ${actor.committeeId} order by year desc, version desc limit 200`,
      );
      return {
        year,
        current,
        versions: versions.map((v) => ({ ...v, createdAt: new Date(v.createdAt).toISOString() })),
        vocabulary: {
          factKinds: FACT_KINDS,
          roles: ROLE_LABELS,
          detailFields: DETAIL_FIELDS,
          multipliers: MULTIPLIERS,
          grades: GRADE_LABELS,
        },
      };
    },
  );

  r.get(
    '/api/duty/rules/presets',
    {
      preHandler: requireAuth('duty.rules'),
      schema: {
        tags,
        summary: '现成的积分规则（百分制、120 分制、累计积分制）',
        response: {
          200: Type.Array(
            Type.Object({ key: Type.String(), title: Type.String(), description: Type.String(), rules: RuleSetSchema }),
          ),
        },
      },
    },
    async () => Object.entries(PRESETS).map(([key, p]) => ({ key, ...p })),
  );

  r.get(
    '/api/duty/rules/versions/:id',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '某一版积分规则',
        params: IdParams,
        response: { 200: RuleVersionSchema, 404: ErrorBody },
      },
    },
    async (request) => {
      const v = await getVersion(db, actorOf(request).committeeId, request.params.id);
      if (!v) throw notFound('duty.version_not_found', '规则版本不存在');
      return v;
    },
  );

  r.put(
    '/api/duty/rules',
    {
      preHandler: requireAuth('duty.rules'),
      schema: {
        tags,
        summary: '保存积分规则为新版本，并按新规则重新计算全体委员积分',
        body: Type.Object({
          year: Year,
          rules: RuleSetSchema,
          note: Type.Optional(Type.String({ title: '修改说明', maxLength: 200 })),
        }),
        response: {
          200: Type.Object({ version: VersionRef, rescored: Type.Integer(), changed: Type.Integer() }),
          400: ErrorBody,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { year, rules, note } = request.body;
      return db.transaction(async (tx) => {
        const before = await query<{ member_id: number; total: number }>(
          tx,
          sql`select member_id, total from duty_scores where committee_id = ${actor.committeeId} and year = ${year}`,
        );
        const v = await saveRuleVersion(tx, actor, year, rules as RuleSet, note?.trim() || null);
        const rescored = await rescore(tx, actor.committeeId, year);
        const after = await query<{ member_id: number; total: number }>(
          tx,
          sql`select member_id, total from duty_scores where committee_id = ${actor.committeeId} and year = ${year}`,
        );
        const old = new Map(before.map((b) => [b.member_id, Number(b.total)]));
        const changed = after.filter((a) => old.get(a.member_id) !== Number(a.total)).length;
        return { version: { id: v.id, version: v.version, year: v.year, name: v.name }, rescored, changed };
      });
    },
  );

  r.post(
    '/api/duty/rescore',
    {
      preHandler: requireAuth('duty.rules'),
      schema: {
        tags,
        summary: '按现行规则重新计算某年度全体委员积分',
        body: Type.Object({ year: Year }),
        response: { 200: Type.Object({ rescored: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await currentVersion(db, actor.committeeId, request.body.year);
      return { rescored: await db.transaction((tx) => rescore(tx, actor.committeeId, request.body.year)) };
    },
  );

  // ---- consequences ----
  const ConsequenceOut = Type.Object({
    id: Type.Integer(),
    memberId: Type.Integer(),
    name: Type.String(),
    code: Nullable(Type.String()),
    year: Type.Integer(),
    kind: Type.String(),
    kindLabel: Type.String(),
    happenedOn: Type.String(),
    reason: Type.String(),
    outcome: Type.String(),
    createdBy: Nullable(Type.String()),
    createdAt: Type.String(),
  });
  const ConsequenceKind = Enum(['talk', 'resignationAdvice'], '处理方式');

  r.get(
    '/api/duty/consequences',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '约谈、劝辞记录',
        querystring: Type.Object({
          ...Paging,
          year: Type.Optional(Year),
          kind: Type.Optional(ConsequenceKind),
          memberId: Type.Optional(Id('委员')),
        }),
        response: { 200: Type.Object({ items: Type.Array(ConsequenceOut), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return listConsequences(db, actorOf(request), request.query, limit, offset);
    },
  );

  r.get(
    '/api/duty/consequences/candidates',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '低于合格分或多次无故缺席全体会议的委员（建议约谈或劝辞）',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: {
          200: Type.Object({
            passMark: Type.Number(),
            items: Type.Array(
              Type.Object({
                memberId: Type.Integer(),
                name: Type.String(),
                code: Nullable(Type.String()),
                total: Type.Number(),
                previousTotal: Nullable(Type.Number()),
                plenaryAbsences: Type.Integer(),
                suggestion: Type.String(),
                suggestionLabel: Type.String(),
                reason: Type.String(),
                talked: Type.Boolean(),
                advised: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => consequenceCandidates(db, actorOf(request), request.query.year ?? thisYear()),
  );

  r.post(
    '/api/duty/consequences',
    {
      preHandler: requireAuth('duty.manage'),
      schema: {
        tags,
        summary: '记录约谈或劝辞',
        body: Type.Object({
          memberId: Id('委员'),
          year: Year,
          kind: ConsequenceKind,
          happenedOn: Type.String({ title: '日期', format: 'date' }),
          reason: Type.String({ title: '原因', minLength: 1, maxLength: 500 }),
          outcome: Type.Optional(Type.String({ title: '结果', maxLength: 1000 })),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => recordConsequence(tx, actor, request.body));
    },
  );

  r.delete(
    '/api/duty/consequences/:id',
    {
      preHandler: requireAuth('duty.manage'),
      schema: { tags, summary: '删除约谈或劝辞记录', params: IdParams, response: { 200: Ok, 404: ErrorBody } },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => deleteConsequence(tx, actor, request.params.id));
      return { ok: true };
    },
  );

  // ---- self-reports ----
  const ReportOut = Type.Object({
    id: Nullable(Type.Integer()),
    memberId: Type.Integer(),
    year: Type.Integer(),
    body: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    reviewComment: Nullable(Type.String()),
    reviewedBy: Nullable(Type.String()),
    submittedAt: Nullable(Type.String()),
    reviewedAt: Nullable(Type.String()),
    updatedAt: Nullable(Type.String()),
    prefilled: Type.Optional(Type.Boolean()),
    name: Type.Optional(Type.String()),
  });

  r.get(
    '/api/duty/my-report',
    {
      preHandler: requireAuth('duty.readOwn'),
      schema: {
        tags,
        summary: '我的年度述职报告（未填写时按履职记录预填）',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: { 200: ReportOut, 404: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!actor.memberId) throw notFound('duty.no_member', '您的账号未关联委员');
      return myReport(db, actor, request.query.year ?? thisYear());
    },
  );

  r.put(
    '/api/duty/my-report',
    {
      preHandler: requireAuth('duty.readOwn'),
      schema: {
        tags,
        summary: '保存或提交述职报告',
        body: Type.Object({
          year: Year,
          body: Type.String({ title: '述职报告', minLength: 1, maxLength: 20000 }),
          submit: Type.Optional(Type.Boolean({ title: '是否提交' })),
        }),
        response: { 200: ReportOut, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const b = request.body;
      return db.transaction((tx) => saveReport(tx, actor, b.year, b.body, !!b.submit));
    },
  );

  r.get(
    '/api/duty/reports',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '委员述职报告列表',
        querystring: Type.Object({
          ...Paging,
          year: Type.Optional(Year),
          status: Type.Optional(Enum(['submitted', 'returned', 'accepted'], '状态')),
          q: Type.Optional(Type.String({ title: '姓名或编号', maxLength: 50 })),
        }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                memberId: Type.Integer(),
                name: Type.String(),
                code: Nullable(Type.String()),
                year: Type.Integer(),
                status: Type.String(),
                statusLabel: Type.String(),
                submittedAt: Nullable(Type.String()),
                reviewedAt: Nullable(Type.String()),
                reviewedBy: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { limit, offset } = page(request.query);
      return listReports(
        db,
        actorOf(request),
        { ...request.query, year: request.query.year ?? thisYear() },
        limit,
        offset,
      );
    },
  );

  r.get(
    '/api/duty/reports/:id',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: { tags, summary: '述职报告详情', params: IdParams, response: { 200: ReportOut, 404: ErrorBody } },
    },
    async (request) => getReport(db, actorOf(request), request.params.id),
  );

  r.post(
    '/api/duty/reports/:id/review',
    {
      preHandler: requireAuth('duty.manage'),
      schema: {
        tags,
        summary: '审阅述职报告（通过或退回修改）',
        params: IdParams,
        body: Type.Object({
          accept: Type.Boolean({ title: '是否通过' }),
          comment: Type.Optional(Type.String({ title: '意见', maxLength: 1000 })),
        }),
        response: { 200: Ok, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => reviewReport(tx, actor, request.params.id, request.body));
      return { ok: true };
    },
  );

  // ---- commendations ----
  r.get(
    '/api/duty/commendations',
    {
      preHandler: requireAuth('duty.readAll'),
      schema: {
        tags,
        summary: '优秀委员',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                memberId: Type.Integer(),
                name: Type.String(),
                code: Nullable(Type.String()),
                sector: Nullable(Type.String()),
                year: Type.Integer(),
                title: Type.String(),
                reason: Type.String(),
                total: Nullable(Type.Number()),
                createdBy: Nullable(Type.String()),
                createdAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => listCommendations(db, actorOf(request), request.query.year ?? thisYear()),
  );

  r.post(
    '/api/duty/commendations',
    {
      preHandler: requireAuth('duty.manage'),
      schema: {
        tags,
        summary: '表彰优秀委员',
        body: Type.Object({
          memberId: Id('委员'),
          year: Year,
          title: Type.Optional(Type.String({ title: '称号', maxLength: 30 })),
          reason: Type.String({ title: '表彰理由', minLength: 1, maxLength: 1000 }),
        }),
        response: { 200: Type.Object({ id: Type.Integer() }), 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.transaction((tx) => commend(tx, actor, request.body));
    },
  );

  r.delete(
    '/api/duty/commendations/:id',
    {
      preHandler: requireAuth('duty.manage'),
      schema: { tags, summary: '撤销表彰', params: IdParams, response: { 200: Ok, 404: ErrorBody } },
    },
    async (request) => {
      const actor = actorOf(request);
      await db.transaction((tx) => revokeCommendation(tx, actor, request.params.id));
      return { ok: true };
    },
  );
}
