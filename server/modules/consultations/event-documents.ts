// An event's documents as the office issues them, in the official layout of platform/official-doc.ts: the notice (会议通知:
// time, place, topic, participants, requirements, issuing office and date), the agenda (议程, with the selected
// speeches in their order) and the minutes (会议纪要: attendance, speeches delivered, minutes, agreed points).
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, beijingToday, formatBeijingDateTime } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import {
  cnDate,
  committeeName,
  flush,
  heading,
  lines,
  masthead,
  officialDocx,
  para,
  signature,
  title,
} from '../../platform/official-doc.ts';
import * as E from './errors.ts';
import { getEvent } from './event-repository.ts';

type EventDetail = Awaited<ReturnType<typeof getEvent>>;

const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const num = (n: number) => (n < 10 ? NUM[n] : String(n + 1));
const PART: Record<string, string> = { briefing: '通报', speech: '发言', question: '提问', answer: '回应', other: '' };
const GROUP: [string, string][] = [
  ['member', '政协委员'],
  ['party', '党派团体代表'],
  ['official', '政府部门负责同志'],
  ['expert', '专家学者'],
  ['citizen', '群众代表'],
];

async function loadEvent(db: Db, actor: Actor, id: number) {
  const e = await getEvent(db, actor, id);
  const name = await committeeName(db, actor.committeeId);
  return { e, committee: name, office: `${name}办公室` };
}

/** 2026年6月18日 09:00—12:00 (the end's date only when it falls on another day). */
function when(e: EventDetail) {
  if (!e.startsAt) return cnDate(e.heldOn);
  const start = formatBeijingDateTime(e.startsAt);
  if (!e.endsAt) return start;
  const end = formatBeijingDateTime(e.endsAt);
  const [d1, t1] = start.split(' ');
  const [d2, t2] = end.split(' ');
  return d1 === d2 ? `${d1} ${t1}—${t2}` : `${start}—${end}`;
}

/** Participants by kind: 政协委员：张三、李四；政府部门负责同志：李局长（市住建局）. */
function attendance(e: EventDetail) {
  return GROUP.map(([kind, label]) => {
    const names = e.participants
      .filter((p) => p.kind === kind)
      .map((p) => (p.organisation && kind !== 'member' ? `${p.name}（${p.organisation}）` : p.name));
    return names.length ? `${label}：${names.join('、')}` : '';
  }).filter(Boolean);
}

const speeches = (e: EventDetail) => e.speeches.filter((s) => ['selected', 'delivered'].includes(s.state));

export async function eventNoticeDocx(db: Db, actor: Actor, id: number) {
  const { e, office } = await loadEvent(db, actor, id);
  const sent = e.timeline.find((t: any) => t.action === 'sendNotice');
  const issued = sent ? cnDate(beijingDateOf(sent.createdAt)) : cnDate(beijingToday());
  const topic = e.planItemTopic ?? e.title;
  const requirements = [
    '请参加人员准时出席。因故不能出席的，请于会前通过平台或向办公室请假。',
    e.materialsDue
      ? `报名发言的委员请于${cnDate(e.materialsDue)}前提交发言稿，发言时间一般不超过5分钟。`
      : '报名发言的委员请于会前提交发言稿，发言时间一般不超过5分钟。',
    '请提前阅读会议材料，到会时扫码签到。',
  ];
  const children = [
    title(`关于召开${e.title}的通知`),
    flush('各有关委员、有关单位：'),
    para(
      `经研究，定于${when(e)}在${e.place}召开${e.title}${e.kindLabel ? `（${e.kindLabel}）` : ''}。现将有关事项通知如下：`,
    ),
    heading('一、会议时间'),
    para(when(e)),
    heading('二、会议地点'),
    para(e.place),
    heading('三、协商议题'),
    para(`${topic}${e.counterpartBody ? `（对口部门：${e.counterpartBody}）` : ''}`),
    ...(e.supervisedBody ? [para(`监督对象：${e.supervisedBody}；监督形式：${e.supervisionFormLabel ?? ''}`)] : []),
    heading('四、参加人员'),
    ...(e.participants.length ? attendance(e).map(para) : [para('另行通知')]),
    heading('五、有关要求'),
    ...requirements.map((r, n) => para(`${n + 1}.${r}`)),
    ...signature(office, issued),
  ];
  return { name: `${e.title}会议通知.docx`, buffer: await officialDocx(children, `关于召开${e.title}的通知`) };
}

export async function eventAgendaDocx(db: Db, actor: Actor, id: number) {
  const { e } = await loadEvent(db, actor, id);
  const ordered = speeches(e);
  const speechLines = ordered.map((s, n) =>
    flush(`    ${n + 1}. ${s.memberName}：${s.title}${s.minutesAllowed ? `（${s.minutesAllowed}分钟）` : ''}`),
  );
  const entries = e.agenda as { part: string; title: string; speaker?: string; minutes?: number | null }[];
  const hasSpeechEntry = entries.some((a) => a.part === 'speech');
  const items = entries.flatMap((a, n) => {
    const who = [a.speaker, a.minutes ? `${a.minutes}分钟` : ''].filter(Boolean).join('，');
    const label = PART[a.part] ? `${PART[a.part]}：` : '';
    return [
      flush(`${num(n)}、${label}${a.title}${who ? `（${who}）` : ''}`),
      ...(a.part === 'speech' ? speechLines : []),
    ];
  });
  if (!hasSpeechEntry && ordered.length) items.push(flush(`${num(entries.length)}、委员发言`), ...speechLines);
  const children = [
    title(`${e.title}议程`),
    para(`时间：${when(e)}`),
    para(`地点：${e.place}`),
    ...(items.length ? items : [para('议程另行通知')]),
  ];
  return { name: `${e.title}议程.docx`, buffer: await officialDocx(children, `${e.title}议程`) };
}

export async function eventMinutesDocx(db: Db, actor: Actor, id: number) {
  const { e, committee, office } = await loadEvent(db, actor, id);
  if (!e.minutes) throw E.noMinutesYet();
  const day = e.heldOn ?? (e.startsAt ? e.startsAt.slice(0, 10) : null);
  const delivered = e.speeches.filter((s) => s.state === 'delivered');
  let n = 0;
  const section = (name: string) => heading(`${num(n++)}、${name}`);
  const children = [
    ...masthead('会议纪要', office, cnDate(day)),
    title(`${e.title}纪要`),
    para(
      `${cnDate(day)}，${committee}在${e.place}召开${e.title}${e.planItemTopic ? `，围绕“${e.planItemTopic}”开展协商` : ''}。`,
    ),
    section('出席人员'),
    ...attendance(e).map(para),
    ...(delivered.length ? [section('会议发言'), ...delivered.map((s) => para(`${s.memberName}：${s.title}`))] : []),
    section('会议纪要'),
    ...lines(e.minutes),
    ...(e.agreedPoints ? [section('议定事项'), ...lines(e.agreedPoints)] : []),
  ];
  return { name: `${e.title}纪要.docx`, buffer: await officialDocx(children, `${e.title}纪要`) };
}
