// Duty scores: 我的履职 (a member's year line by line, the committee median, reminders), staff score tables and group
// summaries with Excel export, and the quarterly bulletin in Word and Excel.
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
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ModuleDeps } from '../../app.ts';
import { actorOf, requireAuth } from '../../platform/auth/session.ts';
import {
  addSheet,
  DOCX_MIME,
  MEMBER_COLUMNS,
  newWorkbook,
  sendDownload,
  workbookBuffer,
  XLSX_MIME,
} from '../../platform/download.ts';
import { ErrorBody, IdParams, Paging, page } from '../../platform/routes.ts';
import { Enum, MemberRefWithSector, Nullable } from '../meetings/schema.ts';
import { commendationsOfMember } from './commendations.ts';
import { noLinkedMember } from './errors.ts';
import { currentVersion } from './rule-versions.ts';
import { Category, MemberPage, ScoreQuery, VersionRef, Year } from './schemas.ts';
import { committeeMedian, ensureScores, explainMember, hasScores } from './scoring.ts';
import { bulletinData, groupSummary, listScores, memberExists, thisYear } from './service.ts';

export function dutyScoreRoutes(app: FastifyInstance, { db }: ModuleDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['duty'];

  async function memberPage(committeeId: number, memberId: number, year: number) {
    const m = await memberExists(db, committeeId, memberId);
    const v = await currentVersion(db, committeeId, year);
    if (!(await hasScores(db, committeeId, year))) await ensureScores(db, committeeId, year);
    const explanation = await explainMember(db, committeeId, memberId, year, v);
    const median = await committeeMedian(db, committeeId, year);
    const missing = explanation.checklist.filter((k) => !k.done);
    const reminders = missing.length
      ? [`年度基本要求还有 ${missing.length} 项未完成：${missing.map((k) => k.label).join('、')}`]
      : [];
    if (explanation.total < explanation.passMark)
      reminders.push(`目前积分 ${explanation.total} 分，低于合格分 ${explanation.passMark} 分`);
    const commendations = await commendationsOfMember(db, committeeId, memberId);
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
      if (!actor.memberId) throw noLinkedMember();
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
                ...MemberRefWithSector,
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
          ...MEMBER_COLUMNS,
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
            ...MEMBER_COLUMNS,
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
}
