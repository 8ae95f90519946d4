// A member's progress on one material. A document is marked learnt by the member; a video or audio reports where the
// player is, and the server keeps the furthest position it can credit and the media's length: the material is finished
// when that position reaches the committee's mark (learning.settings finishPercent, default 95 %), recorded once.
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { beijingDateOf, clockNow, iso } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { recordDutyFact } from '../duty/facts.ts';
import * as E from './errors.ts';
import { loadMaterialItem } from './repository.ts';
import type { ProgressInput } from './schemas.ts';
import { learningSettings } from './settings.ts';

// The player reports every 15 s of playing (and on pause and at the end). Between two reports the furthest position may
// advance by what could have been played in the time between them at double speed, plus a little for rounding and
// network delay, and never more than MAX_STEP: dragging the slider to the end does not count as watching.
const PLAYBACK_RATE = 2;
const SLACK_SECONDS = 5;
const MAX_STEP_SECONDS = 45;

interface Prior {
  percent: number;
  position_seconds: number;
  finished_at: string | Date | null;
  updated_at: string | Date;
}

/** How far the furthest position may move now, given the last report. */
export function creditedPosition(prior: Prior | null, reported: number, now: Date): number {
  const from = prior?.position_seconds ?? 0;
  if (reported <= from) return from;
  const elapsed = prior ? Math.max(0, (now.getTime() - new Date(prior.updated_at).getTime()) / 1000) : Infinity;
  const step = Math.min(MAX_STEP_SECONDS, elapsed * PLAYBACK_RATE + SLACK_SECONDS);
  return Math.min(reported, from + step);
}

export async function recordProgress(db: Db, actor: Actor, id: number, b: ProgressInput) {
  if (!actor.memberId) throw E.notMember();
  const memberId = actor.memberId;
  return db.transaction(async (tx) => {
    const m = await loadMaterialItem(tx, actor.committeeId, id);
    if (m?.state !== 'published') throw E.materialNotFound();
    const { finishPercent } = await learningSettings(tx, actor.committeeId);
    const prior = await queryOne<Prior>(
      tx,
      sql`select percent, position_seconds, finished_at, updated_at from learning_progress
        where committee_id = ${actor.committeeId} and member_id = ${memberId} and material_id = ${id} for update`,
    );
    const now = clockNow();
    const media = m.kind === 'video' || m.kind === 'audio';
    let percent: number;
    let position = prior?.position_seconds ?? 0;
    let duration: number | null = null;
    if (media) {
      if (b.positionSeconds === undefined || b.durationSeconds === undefined) throw E.positionRequired();
      // A browser's currentTime and duration are fractions; a whole second of rounding is not "beyond the end".
      duration = Math.round(b.durationSeconds);
      const reported = Math.round(b.positionSeconds);
      if (reported > duration) throw E.positionBeyondEnd();
      position = Math.min(creditedPosition(prior ?? null, reported, now), duration);
      position = Math.floor(position);
      percent = Math.min(100, Math.floor((position * 100) / duration));
    } else {
      if (b.percent === undefined) throw E.percentRequired();
      percent = b.percent;
    }
    const finished = media ? position * 100 >= finishPercent * duration! : percent >= finishPercent;
    const row = await queryOne<{
      percent: number;
      position_seconds: number;
      duration_seconds: number | null;
      finished_at: string | null;
    }>(
      tx,
      sql`insert into learning_progress as p (committee_id, member_id, material_id, percent, position_seconds, duration_seconds, finished_at, updated_at)
        values (${actor.committeeId}, ${memberId}, ${id}, ${percent}, ${position}, ${duration}, ${finished ? now : null}, ${now})
        on conflict (committee_id, member_id, material_id) do update set
          percent = greatest(p.percent, excluded.percent),
          position_seconds = excluded.position_seconds,
          duration_seconds = excluded.duration_seconds,
          finished_at = coalesce(p.finished_at, excluded.finished_at),
          updated_at = excluded.updated_at
        returning percent, position_seconds, duration_seconds, finished_at`,
    );
    // Audited and counted on finishing only: progress reports come every few seconds from a player and say nothing new.
    if (finished && !prior?.finished_at) {
      await recordDutyFact(tx, {
        committeeId: actor.committeeId,
        memberId,
        kind: 'learning.materialFinished',
        sourceType: 'learning_material',
        sourceId: id,
        occurredOn: beijingDateOf(now),
        detail: { title: m.title, kind: m.kind },
      });
      await writeAudit(tx, actor, {
        action: 'learning.material.finish',
        entity: 'learning_material',
        entityId: id,
        after: { memberId, percent: row!.percent, positionSeconds: row!.position_seconds, durationSeconds: duration },
      });
    }
    return {
      percent: row!.percent,
      positionSeconds: row!.position_seconds,
      durationSeconds: row!.duration_seconds,
      finishedAt: iso(row!.finished_at),
    };
  });
}
