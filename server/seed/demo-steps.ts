// What every step of the demo year uses: a call that must succeed, signing in, Beijing working days and times.
import { addDays, isNationalWorkingDay } from '../platform/dates.ts';
import type { Client } from '../platform/inject-client.ts';
import { UNITS } from './demo-reference.ts';

export type Login = (username: string) => Promise<Client>;
type Call = { status: number; body: any };

export async function must(what: string, call: Promise<Call>): Promise<any> {
  const res = await call;
  if (res.status !== 200) throw new Error(`演示数据：${what} 失败 (${res.status}) ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The first national working day on or after `day` (a meeting is not called on a Sunday or in the Spring Festival). */
export function workday(day: string): string {
  let d = day;
  while (!isNationalWorkingDay(d)) d = addDays(d, 1);
  return d;
}
export const at = (day: string, hm: string) => `${day}T${hm}:00+08:00`;
export const unitName = (name: string) => `unit${String(UNITS.indexOf(name) + 1).padStart(2, '0')}`;
