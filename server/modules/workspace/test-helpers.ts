// Helpers for the workspace tests: the seed's two special committees of the city, and an office account of the second.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type Db, query } from '../../platform/db/client.ts';
import { type Client, login, okBody } from '../../test/harness.ts';

/** The ids of 示例市政协's 经济委员会 (econ) and 农业和农村委员会 (agri), both in the seed. */
export async function econAndAgri(db: Db): Promise<{ econ: number; agri: number }> {
  const sc = await query<{ id: number; name: string }>(
    db,
    sql`select s.id, s.name from special_committees s join committees c on c.id = s.committee_id
      where c.name = '示例市政协' and s.name in ('经济委员会', '农业和农村委员会')`,
  );
  return {
    econ: sc.find((s) => s.name === '经济委员会')!.id,
    agri: sc.find((s) => s.name === '农业和农村委员会')!.id,
  };
}

/**
 * Creates agri_staff (office staff of 农业和农村委员会) as admin, changes its initial password as the first login
 * requires, and returns it signed in. Throws if any step is refused.
 */
export async function newAgriStaff(app: FastifyInstance): Promise<Client> {
  const admin = await login(app, 'admin');
  await okBody(
    await admin.post('/api/accounts', {
      username: 'agri_staff',
      password: 'Agri#2026staff',
      displayName: '农业委 陈红',
      roles: ['specialCommitteeStaff'],
      office: '农业和农村委员会',
    }),
  );
  const first = await login(app, 'agri_staff', 'Agri#2026staff');
  await okBody(
    await first.post('/api/auth/password', { oldPassword: 'Agri#2026staff', newPassword: 'Agri#2026better' }),
  );
  return login(app, 'agri_staff', 'Agri#2026better');
}
