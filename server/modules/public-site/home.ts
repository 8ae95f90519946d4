// The public home of a committee, found by its region code (the code the public outcomes already use): its name, the
// latest news and notices, the year's published consultation plans, rooms and studios with their QR pages, and how many
// proposals are public. Each part comes from its owning module's exported function; nothing private is read here.
import { sql } from 'drizzle-orm';
import { beijingYearOf } from '../../platform/dates.ts';
import { type Db, queryOne } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { publishedPlans } from '../consultations/plan-public.ts';
import { publicPlaces } from '../grassroots/public-service.ts';
import { publicProposals } from '../proposals/public-list.ts';
import { publishedNews } from './news.ts';

export const committeeNotFound = () => notFound('publicSite.committee_not_found', '未找到该政协');

export async function committeeByCode(db: Db, code: string): Promise<{ id: number; name: string }> {
  const c = await queryOne<{ id: number; name: string }>(
    db,
    sql`select id, name from committees where region_code = ${code} order by id limit 1`,
  );
  if (!c) throw committeeNotFound();
  return c;
}

export async function publicHome(db: Db, code: string) {
  const c = await committeeByCode(db, code);
  const year = beijingYearOf();
  const [news, plans, places, proposals] = await Promise.all([
    publishedNews(db, c.id, 10, 0),
    publishedPlans(db, c.id, year),
    publicPlaces(db, c.id),
    publicProposals(db, c.id, 5, 0),
  ]);
  return { committee: { name: c.name, code }, year, news, plans, ...places, proposals };
}
