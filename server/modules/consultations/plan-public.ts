// The consultation plans of a year as published (the public site): the latest published version's snapshot of each plan,
// so a plan reopened for revision (调整) still shows what was published until the new version is approved.
import { sql } from 'drizzle-orm';
import { type Db, query } from '../../platform/db/client.ts';
import type { PublishedItem } from './plan-process.ts';
import { consultationSettings, PLAN_FORMS, PLAN_KINDS } from './process-settings.ts';

export interface PublishedPlan {
  kindLabel: string;
  title: string;
  version: number;
  documentNumber: string | null;
  items: { topic: string; kindLabel: string; plannedMonth: number | null; formLabel: string }[];
}

export async function publishedPlans(db: Db, committeeId: number, year: number): Promise<PublishedPlan[]> {
  const settings = await consultationSettings(db, committeeId, year);
  const kinds = new Map(settings.kinds.map((k) => [k.key, k.label]));
  const rows = await query<{
    kind: string;
    title: string;
    version: number;
    documentNumber: string | null;
    items: PublishedItem[];
  }>(
    db,
    sql`select distinct on (p.id) p.kind, p.title, v.version, v.document_number as "documentNumber", v.items
      from consultation_plans p join consultation_plan_versions v on v.committee_id = p.committee_id and v.plan_id = p.id
      where p.committee_id = ${committeeId} and p.year = ${year} order by p.id, v.version desc`,
  );
  return rows.map((r) => ({
    kindLabel: PLAN_KINDS[r.kind] ?? r.kind,
    title: r.title,
    version: r.version,
    documentNumber: r.documentNumber,
    items: r.items.map((i) => ({
      topic: i.topic,
      kindLabel: kinds.get(i.kind) ?? i.kind,
      plannedMonth: i.planned_month ?? null,
      formLabel: PLAN_FORMS[i.form] ?? i.form,
    })),
  }));
}
