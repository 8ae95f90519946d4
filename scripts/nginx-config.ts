// nginx for several app processes: renders deploy/nginx.conf.template into a folder of its own and runs nginx in the
// foreground there (no root needed: pid, logs and temp files stay in that folder). Used by scripts/cluster.ts and
// by the cluster test.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const template = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../deploy/nginx.conf.template');

/** nginx's binary: $NGINX, then the PATH, then Debian's /usr/sbin/nginx; null when there is none. */
export function findNginx(): string | null {
  const candidates = [
    process.env.NGINX,
    ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'nginx')),
    '/usr/sbin/nginx',
  ];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  return null;
}

export const NGINX_MISSING =
  '找不到 nginx：请安装（Debian：apt-get install nginx-light）或用 NGINX=/路径/nginx 指定 (nginx not found: install nginx-light or set NGINX)';

export interface NginxOptions {
  /** The folder nginx owns: nginx.conf, pid, logs, temp files. */
  prefix: string;
  /** host:port or port nginx listens on. */
  listen: string;
  appPorts: number[];
  /** The app's upload limit in MB (UPLOAD_MAX_MB). */
  uploadMaxMb: number;
  workers?: number;
  /** Where the access log goes; 'off' by default (the app logs what it needs). */
  accessLog?: string;
}

/** Writes prefix/nginx.conf from the template and returns its path. */
export function renderNginxConfig(o: NginxOptions): string {
  for (const dir of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    fs.mkdirSync(path.join(o.prefix, dir), { recursive: true });
  // Run as root, nginx's workers switch to nobody: they must reach the temp folders inside the prefix.
  fs.chmodSync(o.prefix, 0o755);
  const values: Record<string, string> = {
    PREFIX: o.prefix,
    LISTEN: o.listen,
    WORKERS: String(o.workers ?? 1),
    ACCESS_LOG: o.accessLog ?? 'off',
    BODY_MAX: `${o.uploadMaxMb + 1}m`,
    UPSTREAMS: o.appPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n'),
  };
  const text = fs.readFileSync(template, 'utf8').replace(/\{\{([A-Z_]+)\}\}/g, (_, k: string) => {
    if (!(k in values)) throw new Error(`nginx template: unknown placeholder ${k}`);
    return values[k];
  });
  const file = path.join(o.prefix, 'nginx.conf');
  fs.writeFileSync(file, text);
  return file;
}

/** Starts nginx in the foreground on a rendered config; its errors go to the given stream (inherit by default). */
export function startNginx(bin: string, prefix: string, stdio: 'inherit' | 'pipe' = 'inherit'): ChildProcess {
  // -e: the error log from the first line on (before the config is read, nginx would open /var/log/nginx as root does).
  return spawn(bin, ['-p', prefix, '-e', path.join(prefix, 'error.log'), '-c', path.join(prefix, 'nginx.conf')], {
    stdio: ['ignore', stdio, stdio],
  });
}

/** Waits until GET url answers 200 (a process is up), or throws after timeoutMs. */
export async function waitForHealthy(url: string, timeoutMs: number, alive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!alive()) throw new Error(`进程已退出 (process exited) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${url} 未在 ${timeoutMs / 1000} 秒内就绪 (not ready in time)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
