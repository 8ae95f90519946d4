import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const web = (file: string) => fileURLToPath(new URL(`web/${file}`, import.meta.url));

// See codeSplitting below. FormContext holds the one thing the shell uses from the form package (FormProvider).
const OUT_OF_SHELL = /\/node_modules\/(antd\/es\/collapse\/|@rc-component\/(collapse|form|async-validator)\/)/;
const isOutOfShell = (id: string) => OUT_OF_SHELL.test(id) && !id.endsWith('/form/es/FormContext.js');

// The member's plain home (decision 0027) draws its tiles on the server from the feature registry's menu data: written
// at build time into dist/menu.json (web/app/menuJson.ts renders each icon to an <svg>), so the server needs no React.
function menuJsonPlugin(): Plugin {
  return {
    name: 'zx-menu-json',
    apply: 'build',
    async generateBundle() {
      const { tsImport } = await import('tsx/esm/api');
      const { menuJson } = await tsImport(web('app/menuJson.ts'), import.meta.url);
      this.emitFile({ type: 'asset', fileName: 'menu.json', source: JSON.stringify(menuJson()) });
    },
  };
}

// The head every page shares (the app's index.html, the plain login.html and home.html): charset, viewport, theme
// colour, description and icons, written once here and put where a page has `<!-- zx:shared-head -->` (before Vite
// reads the page, so it is the same as if written in the file).
const SHARED_HEAD = [
  '<meta charset="UTF-8" />',
  '<meta name="viewport" content="width=device-width, initial-scale=1.0" />',
  '<meta name="theme-color" content="#a8071a" />',
  '<meta name="description" content="数字政协履职平台：委员履职、提案、社情民意与会议活动" />',
  '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />',
  '<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />',
].join('\n    ');

function sharedHeadPlugin(): Plugin {
  return {
    name: 'zx-shared-head',
    transformIndexHtml: { order: 'pre', handler: (html) => html.replace('<!-- zx:shared-head -->', SHARED_HEAD) },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [
    react(),
    sharedHeadPlugin(),
    menuJsonPlugin(),
    // Installable web app (issue 12): manifest, icons (scripts/make-icons.ts) and a service worker. The worker
    // precaches the shell (index.html, the entry, the login page and the signed-in frame) and keeps each page's code
    // once visited, so the shell and the last-read pages open offline under the offline banner. It never caches /api/
    // answers: one phone may be used by several accounts, and data must come from the server.
    VitePWA({
      registerType: 'autoUpdate',
      // Deferred: a plain script in the head would hold the first paint until it is fetched (Lighthouse).
      injectRegister: 'script-defer',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: '数字政协履职平台',
        short_name: '数字政协',
        description: '政协委员履职、提案、社情民意与会议活动',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f5f5f5',
        theme_color: '#a8071a',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: [
          'index.html',
          'favicon.svg',
          'icons/*.png',
          'assets/index-*.{js,css}',
          'assets/rolldown-runtime-*.js',
          'assets/login-shared-*.js',
          'assets/home-*.js',
        ],
        navigateFallback: '/index.html',
        // Nor through the precache: '/' would otherwise match the precached index.html as its directory index.
        directoryIndex: '',
        // The login page is the server's plain HTML (web/login.html, decision 0023), never the app's index.html; so is
        // a member's home (web/home.html, decision 0027), which the server writes per user: / is never the fallback.
        navigateFallbackDenylist: [/^\/api\//, /^\/login(\/|\?|$)/, /^\/(\?|$)/],
        runtimeCaching: [
          {
            // / from the network (the server decides: a member's plain home or the app), its last copy offline. The
            // copy holds the user's name and to-dos: signing out deletes it (web/home/home.ts, web/app/session.tsx).
            urlPattern: ({ request, url, sameOrigin }) =>
              sameOrigin && request.mode === 'navigate' && url.pathname === '/',
            handler: 'NetworkFirst',
            options: { cacheName: 'zx-home', networkTimeoutSeconds: 10, expiration: { maxEntries: 1 } },
          },
          {
            // Hashed page chunks never change under their name: cache-first once visited.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'zx-assets', expiration: { maxEntries: 400, maxAgeSeconds: 60 * 60 * 24 * 60 } },
          },
        ],
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest lets bench/bundle.ts sum what each first page loads.
    manifest: true,
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // Two pages: the app, and the plain login page the server sends for /login (decision 0023).
      // And the member's plain home (decision 0027).
      input: { index: web('index.html'), login: web('login.html'), home: web('home.html') },
      // Shared components (web/components) have no side effects: a page importing one of them from the index does
      // not pull in the others (the login page would otherwise load the table, tree and select code). Nor have the
      // form and collapse packages below (they do not say so in their package.json).
      treeshake: { moduleSideEffects: (id: string) => !/\/web\/components\//.test(id) && !OUT_OF_SHELL.test(id) },
      output: {
        codeSplitting: {
          groups: [
            // Modules the shell's own code does not run, though antd's files import them from files the shell needs
            // (Button's style imports the colour picker, which imports Collapse; Tooltip imports the form package
            // for one context): they would otherwise land in the entry, since pages use them.
            { name: 'antd-forms', priority: 10, includeDependenciesRecursively: false, test: isOutOfShell },
            // What the entry loads before anything renders goes into one file (compresses better than many small ones).
            // What the plain login page shares with the app (decision 0023) goes in a small file of its own, so the
            // login page does not load the shell.
            {
              name: 'login-shared',
              priority: 20,
              test: /\/web\/app\/(next|textSizes)\.ts|\/web\/components\/networkTexts\.ts|modulepreload-polyfill/,
            },
            { name: 'shell', tags: ['$initial'], test: (id: string) => !/\/web\/(login|home)[/.]/.test(id) },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
