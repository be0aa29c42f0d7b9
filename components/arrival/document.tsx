import { createHash } from 'node:crypto';

// Inline CSS for the arrival's page: one response, no other request before it can be read.
export const ARRIVAL_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#14213d;background:#f4f5f7}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0}
h2{font-size:1.1rem;margin:0 0 .4rem}
a{color:#0f5257}
section{background:#fff;border:1px solid #d6d9de;border-radius:10px;padding:.9rem 1rem;margin:0 0 .9rem}
p{margin:.3rem 0}
.status{border:2px solid #0f5257;font-weight:600}
.status.ended{border-color:#b42318}
.status .muted{font-weight:400}
.muted{color:#5c6370;font-size:.92rem}
.address{font-size:1.15rem;font-weight:600}
.buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 0;padding:0;list-style:none}
.buttons a{display:inline-flex;align-items:center;min-height:48px;padding:.5rem .9rem;border:1px solid #0f5257;border-radius:8px;font-weight:600;text-decoration:none}
.buttons a.primary{background:#0f5257;color:#fff}
.text{white-space:pre-line}
nav ul{display:flex;flex-wrap:wrap;gap:0 .8rem;margin:0;padding:0;list-style:none;font-size:.95rem}
nav a{display:inline-block;min-height:44px;padding:.6rem .1rem}
nav a[aria-current]{font-weight:700;text-decoration:none;color:#14213d}
.offline-note{display:none;background:#fff4d6;color:#5a3b00;border-color:#8a5a00}
.offline .offline-note,.saved .offline-note{display:block}
a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
`.replace(/\n/g, '');

// The one inline script: makes the page available offline once loaded, and says so when offline.
export const ARRIVAL_SCRIPT =
  "(function(d,n){function s(){d.documentElement.classList.toggle('offline',!n.onLine)}s();addEventListener('online',s);addEventListener('offline',s);" +
  "if('serviceWorker'in n)addEventListener('load',function(){n.serviceWorker.register('/s/sw.js',{scope:'/s/'}).catch(function(){})})})(document,navigator)";

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Hashes rather than 'unsafe-inline': only this exact style and script may run. */
export const ARRIVAL_CSP = [
  "default-src 'none'",
  `style-src ${sha256(ARRIVAL_CSS)}`,
  `script-src ${sha256(ARRIVAL_SCRIPT)}`,
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src data:",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function ArrivalDocument({ lang, title, withScript, children }: { lang: string; title: string; withScript: boolean; children: React.ReactNode }) {
  return (
    <html lang={lang}>
      {/* eslint-disable-next-line @next/next/no-head-element -- static HTML from a route handler, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex,nofollow" />
        <meta name="referrer" content="no-referrer" />
        <meta name="theme-color" content="#0f5257" />
        <meta name="description" content={title} />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: ARRIVAL_CSS }} />
      </head>
      <body>
        <main>{children}</main>
        {withScript ? <script dangerouslySetInnerHTML={{ __html: ARRIVAL_SCRIPT }} /> : null}
      </body>
    </html>
  );
}
