// The member's plain home's only script (web/home.html, decision 0027): the phone's menu drawer, the account menu
// (字号 remembered per account as the app does, 修改密码, 退出登录), the offline banner. No framework: the app's code
// is fetched (not run) by the service worker's precache (registerSW.js), so each link opens it quickly.
import { readTextSize, TEXT_SIZE_LAST, type TextSize, textScale } from '../app/textSizes.ts';
import { OFFLINE_TEXT, ONLINE_AGAIN_TEXT } from '../components/networkTexts.ts';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
const root = document.documentElement;

// 字号: this account's choice on this device, else the last one made here (web/app/textSize.tsx reads the same keys).
const sizeKey = meta('zx-text-size-key');
function applySize(size: TextSize) {
  const scale = textScale(size);
  root.style.setProperty('--s', String(scale));
  root.style.setProperty('--zx-font-size', `${16 * scale}px`);
  root.dataset.textSize = size;
  for (const b of document.querySelectorAll<HTMLElement>('[data-size]'))
    b.querySelector('svg')?.classList.toggle('off', b.dataset.size !== size);
}
applySize(readTextSize(sizeKey));

// A popup (the account menu, the phone's drawer): Escape or a tap outside closes it, focus returns to its button.
function popup(button: HTMLElement, panel: HTMLElement, open: (on: boolean) => void) {
  const set = (on: boolean, refocus = false) => {
    open(on);
    button.setAttribute('aria-expanded', String(on));
    if (on) panel.querySelector<HTMLElement>('button:not([aria-disabled]), a')?.focus();
    else if (refocus) button.focus();
  };
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    set(button.getAttribute('aria-expanded') !== 'true');
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') set(false, true);
  });
  document.addEventListener('click', (e) => {
    if (button.getAttribute('aria-expanded') === 'true' && !panel.contains(e.target as Node)) set(false);
  });
  return set;
}

const accountMenu = $('account-menu');
const setAccount = popup($('account-button'), accountMenu, (on) => {
  accountMenu.hidden = !on;
});
for (const b of accountMenu.querySelectorAll<HTMLElement>('[data-size]'))
  b.addEventListener('click', () => {
    const size = b.dataset.size as TextSize;
    applySize(size);
    try {
      localStorage.setItem(sizeKey, size);
      localStorage.setItem(TEXT_SIZE_LAST, size);
    } catch {
      // Not remembered (storage disabled); the choice still applies on this page.
    }
    setAccount(false, true);
  });

// 退出登录: the server ends the session, the worker forgets this account's home, then the server's login page.
$('logout').addEventListener('click', async () => {
  await fetch('/api/auth/logout', {
    method: 'POST',
    headers: { 'x-csrf-token': meta('zx-csrf') },
    credentials: 'same-origin',
  }).catch(() => {});
  await globalThis.caches?.delete('zx-home').catch(() => {});
  window.location.assign('/login');
});

// The phone's menu: the sider becomes a modal drawer.
const menu = $('menu');
const mask = $('menu-mask');
const setMenu = popup($('menu-button'), menu, (on) => {
  menu.toggleAttribute('data-open', on);
  mask.hidden = !on;
  if (on) {
    menu.setAttribute('role', 'dialog');
    menu.setAttribute('aria-modal', 'true');
  } else {
    menu.removeAttribute('role');
    menu.removeAttribute('aria-modal');
  }
});
$('menu-close').addEventListener('click', () => setMenu(false, true));

// The network banner, as the app's NetworkBanner: while offline, and for 5 s once back.
const banner = $('network-banner');
let backTimer: ReturnType<typeof setTimeout> | undefined;
function network(online: boolean) {
  clearTimeout(backTimer);
  banner.hidden = false;
  banner.classList.toggle('back', online);
  banner.textContent = online ? ONLINE_AGAIN_TEXT : OFFLINE_TEXT;
  if (online) backTimer = setTimeout(() => (banner.hidden = true), 5000);
}
window.addEventListener('offline', () => network(false));
window.addEventListener('online', () => network(true));
if (!navigator.onLine) network(false);
