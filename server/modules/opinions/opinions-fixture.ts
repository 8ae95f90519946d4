// The opinion-report tests' shared setup: one test app per file with the committee's accounts signed in, and the
// small steps most tests take (submit, screen, accept). Exported bindings are live: they hold the clients once
// openOpinionsApp's beforeAll has run.
import { afterAll, beforeAll, expect } from 'vitest';
import { type Client, createTestApp, login, type TestContext } from '../../test/harness.ts';
import { ELEVATOR } from './test-helpers.ts';
import { chinaToday, chinaYear } from './workflow.ts';

export let t: TestContext;
export let staff: Client;
export let member: Client;
export let member2: Client;
export let informant: Client;
export let org: Client;
export let special: Client;
export let unit: Client;
export let unit2: Client;
export let leader: Client;
export let admin: Client;
export const today = chinaToday();
export const year = chinaYear();

/** Registers the file's beforeAll (a fresh app, ten accounts signed in) and afterAll (close). */
export function openOpinionsApp() {
  beforeAll(async () => {
    t = await createTestApp();
    [staff, member, member2, informant, org, special, unit, unit2, leader, admin] = await Promise.all(
      [
        'liaison_staff',
        'member010',
        'member011',
        'informant01',
        'org01',
        'special_staff',
        'unit01',
        'unit02',
        'leader',
        'admin',
      ].map((u) => login(t.app, u)),
    );
  });
  afterAll(() => t.close());
}

export const db = () => t.database.db;
export const submit = async (c: Client, input: object = ELEVATOR, draft = false) => {
  const res = await c.post('/api/opinions', { ...input, submit: !draft });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
};
export const screen = (id: number, decision: string, comment?: string) =>
  staff.post(`/api/opinions/${id}/screen`, { decision, comment });
export const accepted = async (c: Client = member, input: object = ELEVATOR) => {
  const id = await submit(c, input);
  expect((await screen(id, 'accept')).body.state).toBe('accepted');
  return id;
};
export const notices = async (c: Client) => (await c.get('/api/notifications?pageSize=100')).body.items as any[];
