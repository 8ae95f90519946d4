// The plain login page's only script (web/login.html, decision 0023): checks the two fields, posts to the same API as
// the app, shows the server's Chinese message (wrong password, lockout), then opens the app — the forced password
// change on a first login, else the page the user came from (?next, through the app's one normaliser). No framework:
// the app's code is fetched (not run) after load by the service worker's precache (registerSW.js, vite.config.ts).
import { safeNext } from '../app/next.ts';
import { readTextSize, TEXT_SIZE_LAST, textScale } from '../app/textSizes.ts';

const TIMEOUT_MS = 15_000;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('login-form');
const username = $<HTMLInputElement>('username');
const password = $<HTMLInputElement>('password');
const button = form.querySelector('button') as HTMLButtonElement;
const params = new URLSearchParams(window.location.search);
const next = safeNext(params.get('next'));

// The 字号 last chosen on this device in the app (web/app/textSize.tsx) also applies here.
const size = readTextSize(TEXT_SIZE_LAST);
const scale = textScale(size);
if (scale !== 1) document.documentElement.style.setProperty('--zx-scale', String(scale));

function fieldError(input: HTMLInputElement, text: string): boolean {
  $(`${input.id}-explain`).textContent = text;
  const box = input.parentElement as HTMLElement;
  if (text) {
    input.setAttribute('aria-invalid', 'true');
    box.dataset.invalid = '';
  } else {
    input.removeAttribute('aria-invalid');
    delete box.dataset.invalid;
  }
  return !text;
}

function showError(text: string, locked: boolean) {
  const alert = $('login-error');
  alert.className = `alert ${locked ? 'warning' : 'error'}`;
  $('login-error-title').textContent = locked ? '账号已锁定' : '登录失败';
  $('login-error-text').textContent = text;
  $('next-notice').hidden = true;
  alert.hidden = false;
}

async function signIn(): Promise<void> {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: username.value.trim(), password: password.value }),
    credentials: 'same-origin',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    showError(data?.message ?? `请求失败 (${res.status})`, res.status === 423);
    return;
  }
  window.location.replace(data?.account?.mustChangePassword ? '/password' : next);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-busy') === 'true') return;
  const okName = fieldError(username, username.value.trim() ? '' : '请输入用户名或手机号');
  const okPassword = fieldError(password, password.value ? '' : '请输入密码');
  if (!okName || !okPassword) return (okName ? password : username).focus();
  button.setAttribute('aria-busy', 'true');
  $('login-error').hidden = true;
  try {
    await signIn();
  } catch (err) {
    showError(
      err instanceof DOMException && err.name === 'TimeoutError'
        ? `网络较慢，${TIMEOUT_MS / 1000} 秒内没有收到服务器响应。请检查网络后重试`
        : '无法连接服务器，请检查网络后重试',
      false,
    );
  } finally {
    button.setAttribute('aria-busy', 'false');
  }
});
for (const input of [username, password]) input.addEventListener('input', () => fieldError(input, ''));
// As the app's form did (autoFocus): the first field takes the keyboard, unless the user is already typing elsewhere.
if (document.activeElement === document.body) username.focus();
