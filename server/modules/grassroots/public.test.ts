// The public side with no account: a resident scans a room's QR code, gets a one-time code, raises a topic (码上议); the
// convener accepts it, the room consults, an agreed item goes to a unit, the unit feeds back, the results are published
// and the resident reads them on their topic page. A citizen reads nothing private; codes and submissions are limited
// per phone and per address; the phone is stored encrypted and never logged in clear.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/context.ts';
import { beijingYearOf } from '../../platform/dates.ts';
import { query, queryOne } from '../../platform/db/client.ts';
import { putSetting } from '../../platform/settings/settings.ts';
import { sharedFixture } from '../../test/fixtures.ts';
import { type Client, createTestApp, login, okBody, type TestContext } from '../../test/harness.ts';
import { inDays } from '../consultations/test-helpers.ts';
import { logSmsSender, setSmsSender } from './sms.ts';
import { anonymous, smsInbox } from './test-helpers.ts';

let t: TestContext;
let office: Client;
let convener: Client;
let unit: Client;
let roomToken: string;
let roomId: number;
let unitId: number;
const inbox = smsInbox();
const lastCode = inbox.lastCode;

const anon = anonymous(() => t.app, '10.1.0.1');

beforeAll(async () => {
  t = await createTestApp();
  setSmsSender(inbox);
  [office, convener, unit] = await Promise.all(['office_staff', 'member040', 'unit01'].map((u) => login(t.app, u)));
  const exec = await queryOne<{ member_id: number }>(
    t.database.db,
    sql`select member_id from accounts where username = 'member040'`,
  );
  unitId = (await queryOne<{ unit_id: number }>(
    t.database.db,
    sql`select unit_id from accounts where username = 'unit01'`,
  ))!.unit_id;
  roomId = (
    await okBody(
      await office.post('/api/grassroots/rooms', {
        name: '南湖街道协商议事室',
        township: '南湖街道',
        firstConvener: '陈书记',
        execConvenerMemberId: exec!.member_id,
        memberIds: [exec!.member_id],
      }),
    )
  ).id;
  roomToken = (await queryOne<{ public_token: string }>(
    t.database.db,
    sql`select public_token from grassroots_rooms where id = ${roomId}`,
  ))!.public_token;
});
afterAll(async () => {
  setSmsSender(null);
  await t.close();
});

const phone = '13912345678';

/**
 * The resident's topic 南湖小区门口积水 raised with a one-time code (made once per file: a phone's submissions per day
 * are limited): the answers to the code request, to a wrong code, to the submission and to the spent code reused.
 */
const raised = sharedFixture(async () => {
  const codeSent = await anon('POST', `/api/public/rooms/${roomToken}/code`, { phone });
  const code = lastCode(phone);
  const wrong = await anon('POST', `/api/public/rooms/${roomToken}/submissions`, {
    phone,
    code: code === '000000' ? '111111' : '000000',
    title: '南湖小区门口积水',
  });
  const submitted = await anon('POST', `/api/public/rooms/${roomToken}/submissions`, {
    phone,
    code,
    title: '南湖小区门口积水',
    body: '雨天积水严重',
  });
  const reused = await anon('POST', `/api/public/rooms/${roomToken}/submissions`, { phone, code, title: '再提一次' });
  return { codeSent, wrong, submitted, reused };
});

/** The room's topic titled `title` (for staff): its id. */
const topicIdOf = async (title: string) =>
  (await okBody(await office.get(`/api/grassroots/topics?roomId=${roomId}`))).items.find((x: any) => x.title === title)
    .id as number;

describe('the public side', () => {
  it('a resident raises a topic with a one-time code; the phone is stored encrypted and shown to nobody', async () => {
    const page = await anon('GET', `/api/public/rooms/${roomToken}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ name: '南湖街道协商议事室', firstConvener: '陈书记', results: [] });
    expect((await anon('GET', '/api/public/rooms/not-a-real-token-at-all')).status).toBe(404);
    expect((await anon('POST', `/api/public/rooms/${roomToken}/code`, { phone: '12345' })).status).toBe(400);

    const { codeSent, wrong, submitted, reused } = await raised();
    expect(okBody(codeSent)).toEqual({
      ok: true,
      minutes: 10,
    });
    expect([wrong.status, wrong.body.message]).toEqual([400, '验证码不正确']);
    okBody(submitted);
    expect([reused.status, reused.body.message]).toEqual([400, '验证码已失效，请重新获取']);

    const citizen = await queryOne<{ phone_enc: string }>(
      t.database.db,
      sql`select phone_enc from grassroots_citizens`,
    );
    expect(citizen!.phone_enc).toMatch(/^sm4:/);
    expect(citizen!.phone_enc).not.toContain(phone);
    const staffView = await office.get(`/api/grassroots/topics?roomId=${roomId}`);
    expect(staffView.body.items[0]).toMatchObject({ title: '南湖小区门口积水', source: 'resident', raisedBy: '群众' });
    expect(JSON.stringify(staffView.body)).not.toContain('5678');
    const audit = await query<{ actor_name: string }>(
      t.database.db,
      sql`select actor_name from audit_log where action = 'grassroots.topic.raise' order by seq desc limit 1`,
    );
    expect(audit[0].actor_name).toBe('群众（139****5678）');
  });

  it('accepted → room consultation → agreed item → unit feedback → published, and the resident reads it', async () => {
    const topicToken = okBody((await raised()).submitted).topicToken;
    const topicId = await topicIdOf('南湖小区门口积水');
    expect((await anon('GET', `/api/public/topics/${topicToken}`)).body).toMatchObject({
      stateLabel: '待受理',
      items: [],
    });
    await okBody(await convener.post(`/api/grassroots/topics/${topicId}/answer`, { action: 'accept' }));
    const s = await okBody(
      await office.post(`/api/grassroots/rooms/${roomId}/sessions`, {
        title: '南湖小区积水治理议事会',
        form: 'offline',
        startsAt: inDays(-1, 14),
        endsAt: inDays(-1, 16),
        place: '南湖社区',
        topicIds: [topicId],
      }),
    );
    for (const action of ['sendNotice', 'hold'])
      await okBody(await office.post(`/api/consultations/events/${s.eventId}/actions`, { action }));
    const item = await okBody(
      await office.post(`/api/grassroots/sessions/${s.id}/items`, {
        content: '改造南湖小区门口排水管',
        topicId,
        unitId,
      }),
    );
    // Unpublished results stay off the room's page; the resident's own topic page shows the item as it goes.
    expect((await anon('GET', `/api/public/rooms/${roomToken}`)).body.results).toEqual([]);
    await okBody(await unit.post(`/api/grassroots/items/${item.id}/feedback`, { feedback: '排水管已于本周改造完成' }));
    // A photo of the session (jpg, bounded size): attached by staff, public only once the results are published.
    const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);
    const photo = await okBody(await office.upload('/api/grassroots/uploads', '现场.jpg', jpg));
    expect((await office.upload('/api/grassroots/uploads', 'a.txt', Buffer.from('hello'))).status).toBe(400);
    expect((await convener.post(`/api/grassroots/sessions/${s.id}/photos`, { fileIds: [photo.id] })).status).toBe(400);
    await okBody(await office.post(`/api/grassroots/sessions/${s.id}/photos`, { fileIds: [photo.id] }));
    expect((await office.get(`/api/grassroots/sessions/${s.id}`)).body.photos).toEqual([
      { id: photo.id, name: '现场.jpg' },
    ]);
    expect((await t.app.inject({ url: `/api/public/rooms/${roomToken}/photos/${photo.id}` })).statusCode).toBe(404);
    await okBody(await office.post(`/api/grassroots/sessions/${s.id}/publish`, { published: true }));
    const shown = await t.app.inject({ url: `/api/public/rooms/${roomToken}/photos/${photo.id}` });
    expect([shown.statusCode, shown.headers['content-type'], shown.rawPayload.length]).toEqual([
      200,
      'image/jpeg',
      jpg.length,
    ]);
    const room = await anon('GET', `/api/public/rooms/${roomToken}`);
    expect(room.body.results[0].photoIds).toEqual([photo.id]);
    expect(room.body.results).toEqual([
      expect.objectContaining({
        title: '南湖小区积水治理议事会',
        items: [
          {
            content: '改造南湖小区门口排水管',
            unitName: expect.any(String),
            stateLabel: '已反馈',
            feedback: '排水管已于本周改造完成',
          },
        ],
      }),
    ]);
    const mine = await anon('GET', `/api/public/topics/${topicToken}`);
    expect(mine.body).toMatchObject({ title: '南湖小区门口积水', stateLabel: '已协商' });
    expect(mine.body.items[0]).toMatchObject({ content: '改造南湖小区门口排水管', feedback: '排水管已于本周改造完成' });
    expect(mine.raw).not.toMatch(/13912345678|139\*{4}5678|citizen|phone/);
  });

  it('a declined topic shows its reason to the resident; public answers carry no ids of people', async () => {
    const other = '13800001111';
    await okBody(await anon('POST', `/api/public/rooms/${roomToken}/code`, { phone: other }, '10.1.0.2'));
    const r = await okBody(
      await anon(
        'POST',
        `/api/public/rooms/${roomToken}/submissions`,
        { phone: other, code: lastCode(other), title: '广场舞噪音' },
        '10.1.0.2',
      ),
    );
    const id = await topicIdOf('广场舞噪音');
    await okBody(
      await convener.post(`/api/grassroots/topics/${id}/answer`, {
        action: 'decline',
        reason: '属城管执法事项，已转12345',
      }),
    );
    const page = await anon('GET', `/api/public/topics/${r.topicToken}`);
    expect(page.body).toMatchObject({ stateLabel: '不予受理', declineReason: '属城管执法事项，已转12345' });
    expect(Object.keys(page.body).sort()).toEqual(['declineReason', 'items', 'roomName', 'stateLabel', 'title']);
  });

  it('codes are limited per phone and per address; wrong tries spend a code; submissions per day are limited', async () => {
    await raised();
    await putSetting(t.database.db, systemActor(1), 'grassroots.settings', beijingYearOf(), {
      codesPerPhonePerHour: 2,
      codesPerAddressPerHour: 4,
      codeMaxAttempts: 2,
      submissionsPerPhonePerDay: 1,
    });
    const p = '13700002222';
    for (let i = 0; i < 2; i++)
      await okBody(await anon('POST', `/api/public/rooms/${roomToken}/code`, { phone: p }, '10.2.0.1'));
    const perPhone = await anon('POST', `/api/public/rooms/${roomToken}/code`, { phone: p }, '10.2.0.2');
    expect([perPhone.status, perPhone.body.message]).toEqual([429, '该手机号获取验证码过于频繁，请一小时后再试']);
    for (const q of ['13700003333', '13700004444'])
      await okBody(await anon('POST', `/api/public/rooms/${roomToken}/code`, { phone: q }, '10.2.0.1'));
    const perAddress = await anon('POST', `/api/public/rooms/${roomToken}/code`, { phone: '13700005555' }, '10.2.0.1');
    expect([perAddress.status, perAddress.body.message]).toEqual([429, '获取验证码过于频繁，请稍后再试']);

    const code = lastCode(p);
    const bad = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 2; i++)
      expect(
        (
          await anon(
            'POST',
            `/api/public/rooms/${roomToken}/submissions`,
            { phone: p, code: bad, title: 'x' },
            '10.2.0.3',
          )
        ).status,
      ).toBe(400);
    const spent = await anon(
      'POST',
      `/api/public/rooms/${roomToken}/submissions`,
      { phone: p, code, title: 'x' },
      '10.2.0.3',
    );
    expect(spent.body.message).toBe('验证码已失效，请重新获取');

    // 13912345678 raised one topic today already: the day's limit of 1 is reached.
    await putSetting(t.database.db, systemActor(1), 'grassroots.settings', beijingYearOf(), {
      submissionsPerPhonePerDay: 1,
    });
    await okBody(await anon('POST', `/api/public/rooms/${roomToken}/code`, { phone: '13912345678' }, '10.2.0.4'));
    const daily = await anon(
      'POST',
      `/api/public/rooms/${roomToken}/submissions`,
      { phone: '13912345678', code: lastCode('13912345678'), title: '又一个议题' },
      '10.2.0.4',
    );
    expect([daily.status, daily.body.message]).toEqual([429, '今日提交次数已达上限，请明天再试']);
  });

  it('the development sender logs the masked phone only', async () => {
    const lines: string[] = [];
    await logSmsSender({ warn: (obj, msg) => void lines.push(JSON.stringify(obj) + msg) }).send(
      '13912345678',
      '您的验证码是123456',
    );
    expect(lines[0]).toContain('139****5678');
    expect(lines[0]).not.toContain('13912345678');
  });
});
