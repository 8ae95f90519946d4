// The one normaliser for `?next=`: only a path of this site comes back, anything else (other hosts, `//evil`,
// `/\evil`, `/%5Cevil`, `https://…`, control characters, the login page itself) goes home.
const BASE = 'https://this-site.invalid';

export function safeNext(next: string | null | undefined): string {
  if (!next) return '/';
  let text = next;
  // Decoded as often as a browser or server along the way might (`/%255C` → `/%5C` → `/\`).
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(text); i++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return '/';
    }
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (!text.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(text) || text.startsWith('//')) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || url.pathname === '/login' || url.pathname.startsWith('/login/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
