// 首页 for members as plain HTML from the server (decision 0027): the greeting, the unread line, the 待办 and the tiles
// written into the build's web/home.html, so a phone's first screen needs no framework. Homes with a dashboard (leaders,
// offices, handling units: homeDashboardKind) keep the React app. The tiles come from the build's menu.json — the
// feature registry's menu data (web/app/menuJson.ts) — filtered by the same code as the app's menu (homeData.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { greeting, type MenuEntry, type MenuRoute, menuEntries, tileSections } from '../../web/app/homeData.ts';
import { textSizeKey } from '../../web/app/textSizes.ts';
import { homeDashboardKind } from '../../web/features/figures/roleFigures.ts';
import type { loadMe } from './auth/routes.ts';
import type { Actor } from './context.ts';
import { BEIJING_TZ, clockNow } from './dates.ts';
import { type Db, queryOne } from './db/client.ts';
import { todosOf } from './todos.ts';

type Me = Awaited<ReturnType<typeof loadMe>>;

/** True when this user's home is the plain page: no dashboard heads it (members, and others without one). */
export function plainHome(me: Me): boolean {
  return homeDashboardKind(me.account.roles, (a) => me.permissions.includes(a)) === null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe inside HTML text and quoted attributes. */
const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const beijingHour = new Intl.DateTimeFormat('en-GB', { timeZone: BEIJING_TZ, hour: 'numeric', hourCycle: 'h23' });

/** Each distinct icon once as a <symbol> (the tiles and the menu <use> them): [sprite, id of each <svg> string]. */
function iconSprite(entries: MenuEntry<string>[]): [string, Map<string, string>] {
  const ids = new Map<string, string>();
  let sprite = '';
  for (const e of entries) {
    if (!e.icon || ids.has(e.icon)) continue;
    const id = `m${ids.size}`;
    ids.set(e.icon, id);
    const viewBox = /viewBox="([^"]+)"/.exec(e.icon)?.[1] ?? '0 0 1024 1024';
    const inner = e.icon.slice(e.icon.indexOf('>') + 1, e.icon.lastIndexOf('</svg>'));
    sprite += `<symbol id="i-${id}" viewBox="${viewBox}">${inner}</symbol>`;
  }
  return [sprite, ids];
}

const use = (id: string, style = '') => `<svg class="ic"${style} aria-hidden="true"><use href="#i-${id}"/></svg>`;

function menuHtml(entries: MenuEntry<string>[], icon: (e: MenuEntry<string>) => string): string {
  const link = (e: MenuEntry<string>) =>
    `<li role="none"><a role="menuitem" href="${esc(e.path)}"${e.path === '/' ? ' aria-current="page"' : ''}>${icon(e)}${esc(e.label)}</a></li>`;
  const groups = new Map<string, MenuEntry<string>[]>();
  let html = '';
  for (const e of entries) {
    if (!e.group) html += link(e);
    else groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  }
  [...groups].forEach(([group, list], i) => {
    html += `<li role="none"><div class="gt" id="mg${i}" role="presentation">${esc(group)}</div><ul role="group" aria-labelledby="mg${i}">${list.map(link).join('')}</ul></li>`;
  });
  return `<ul role="menu" aria-label="功能菜单">${html}</ul>`;
}

/**
 * The member's home page: `template` (the build's home.html) with its {{slots}} filled for `me` (as loadMe answers),
 * `menu` (the build's menu.json) and the user's to-dos and unread count read from `db`. Every value is escaped.
 */
export async function renderHome(db: Db, actor: Actor, me: Me, template: string, menu: MenuRoute<string>[]) {
  const can = (a: string) => me.permissions.includes(a as never);
  const [todos, unreadRow] = await Promise.all([
    todosOf(db, actor),
    can('notification.read')
      ? queryOne<{ n: number }>(
          db,
          sql`select count(*)::int as n from notifications
            where committee_id = ${actor.committeeId} and account_id = ${actor.accountId} and read_at is null`,
        )
      : null,
  ]);
  const unread = unreadRow?.n ?? 0;
  const entries = menuEntries(menu, can);
  const [sprite, ids] = iconSprite(entries);
  const icon = (e: MenuEntry<string>, style = '') => use((e.icon && ids.get(e.icon)) || 'app', style);
  const sections = tileSections(entries);
  const roles = me.account.roleNames.join('、');
  const bell = can('notification.read')
    ? `<a class="ibtn" href="/notifications" data-testid="notification-bell" aria-label="${unread ? `通知中心，${unread} 条未读` : '通知中心，没有未读通知'}">${use('bell', ' style="font-size: 22px"')}${unread ? `<span class="badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` : ''}</a>`
    : '';
  const todoHtml = todos.length
    ? `<section class="card todos" aria-labelledby="todos-title"><h2 id="todos-title">待办事项</h2><ul aria-label="待办事项">${todos
        .map(
          (t) =>
            `<li><a href="${esc(t.link)}"><span>${esc(t.label)}</span><span class="n"><span class="cnt">${t.count > 999 ? '999+' : esc(t.count)}</span>${use('right')}</span></a></li>`,
        )
        .join('')}</ul></section>`
    : '';
  const tiles = sections.length
    ? sections
        .map(
          ([group, list]) =>
            `<section class="sec" aria-label="${esc(group)}"><h2>${esc(group)}</h2><ul class="tiles" aria-label="${esc(group)}">${list
              .map((e) => `<li><a class="card" href="${esc(e.path)}">${icon(e)}<span>${esc(e.label)}</span></a></li>`)
              .join('')}</ul></section>`,
        )
        .join('')
    : '<div class="card none">您的账号暂未开通其他功能，如有需要请联系系统管理员。</div>';
  const slots: Record<string, string> = {
    csrf: esc(me.csrfToken),
    textSizeKey: esc(textSizeKey(me.committee.id, me.account.id)),
    committee: esc(me.committee.name),
    name: esc(me.account.displayName),
    roles: esc(roles),
    greeting: esc(greeting(Number(beijingHour.format(clockNow())))),
    '{icons}': sprite,
    '{bell}': bell,
    '{menu}': menuHtml(entries, (e) => icon(e, ' style="font-size: 18px"')),
    '{roleTags}': me.account.roleNames.map((r) => `<span class="tag">${esc(r)}</span>`).join(''),
    '{unread}': unread
      ? `<a class="unread" href="/notifications?show=unread">${use('bell')} 您有 ${unread} 条未读通知，点击查看</a>`
      : '',
    '{todos}': todoHtml,
    '{tiles}': tiles,
  };
  return template.replace(/\{\{(\{?\w+\}?)\}\}/g, (m, k: string) => slots[k] ?? m);
}

/** Reads the build's home.html and menu.json (per request, like the other pages: a rebuild needs no restart). */
export async function homeFiles(webDist: string): Promise<[string, MenuRoute<string>[]]> {
  const [template, menu] = await Promise.all([
    fs.readFile(path.join(webDist, 'home.html'), 'utf8'),
    fs.readFile(path.join(webDist, 'menu.json'), 'utf8'),
  ]);
  return [template, JSON.parse(menu)];
}
