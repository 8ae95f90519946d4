// Word and Excel of outcomes: the outcome report in the official layout (red masthead, title, body, the units'
// feedback and the evaluation) and the Excel list of outcomes.
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { xlsxOf } from '../../platform/download.ts';
import {
  cnDate,
  committeeName,
  heading,
  lines,
  masthead,
  officialDocx,
  para,
  title,
} from '../../platform/official-doc.ts';
import { TRANSFORMATION } from './outcome-rules.ts';
import type { OutcomeDetail, OutcomeListItem } from './outcome-schemas.ts';
import { outcomeDetail } from './outcome-service.ts';

/** The outcome report in Word, with the title for its file name; throws as outcomeDetail does. */
export async function outcomeReport(db: Db, actor: Actor, id: number): Promise<{ title: string; docx: Buffer }> {
  const o = await outcomeDetail(db, actor, id);
  return { title: o.title, docx: await outcomeDocx(await committeeName(db, actor.committeeId), o) };
}

async function outcomeDocx(committee: string, o: OutcomeDetail): Promise<Buffer> {
  const latest = o.units.filter((u) => u.round === o.round);
  const children = [
    ...masthead(o.kind, committee, cnDate(o.submittedOn)),
    title(o.title),
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
  return officialDocx(children, o.title);
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
