import { createHash } from 'node:crypto';

// Inline CSS for the arrival's page: one response, no other request before it can be read.
export const ARRIVAL_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#14213d;background:#f4f5f7}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0}
h2,h3{font-size:1.1rem;margin:0 0 .4rem}
.city>h2{font-size:1.3rem;margin:1.2rem 0 .5rem}
a{color:#0f5257}
section{background:#fff;border:1px solid #d6d9de;border-radius:10px;padding:.9rem 1rem;margin:0 0 .9rem}
p{margin:.3rem 0}
.status{border:2px solid #0f5257;font-weight:600}
.notice{border:2px solid #8a5a00;background:#fff4d6}
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
.offline-note,.needs-connection-note{display:none}
.offline-note{background:#fff4d6;color:#5a3b00;border:2px solid #8a5a00;font-weight:600}
.offline .offline-note,.saved .offline-note,.offline .needs-connection-note,.saved .needs-connection-note{display:block}
.needs-connection{min-width:0;margin:0}
.needs-connection-note{margin:0 0 .6rem;font-weight:600;color:#5a3b00}
button:disabled,input:disabled{background:#e5e7eb;color:#5c6370;border-color:#9aa0a6;cursor:not-allowed}
.needs-connection-note a{white-space:nowrap}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.cards{margin:0;padding:0;list-style:none}
.free{font-size:1.2rem;font-weight:700;color:#0f5257}
.full{font-size:1.2rem;font-weight:700;color:#b42318}
dl{margin:.4rem 0 0;display:grid;grid-template-columns:auto 1fr;gap:.1rem .7rem}
dt{color:#5c6370}
dd{margin:0}
label,legend{display:block;font-weight:600;margin:0 0 .2rem;padding:0}
fieldset{border:0;margin:0 0 .8rem;padding:0}
.field{margin:0 0 .9rem}
input,textarea,select{font:inherit;width:100%;min-height:48px;padding:.5rem .6rem;border:1px solid #6b7280;border-radius:8px;background:#fff;color:#14213d}
input[type=checkbox],input[type=radio]{width:24px;min-height:24px;height:24px;margin:0 .5rem 0 0;flex:none}
.check{display:flex;align-items:center;min-height:44px;font-weight:400;margin:0}
.counts .field{display:flex;align-items:center;flex-wrap:wrap;gap:0 1rem;margin:0 0 .5rem}
.counts label{flex:1;margin:0}
.counts input{width:6rem}
.counts .error{flex-basis:100%}
.range{display:flex;flex-wrap:wrap;gap:0 .6rem}
.range .field{flex:1 1 9rem;min-width:0}
.cta{display:flex;align-items:center;justify-content:center;min-height:52px;padding:.6rem 1rem;border-radius:8px;background:#0f5257;color:#fff;font-weight:700;font-size:1.1rem;text-decoration:none}
.langs{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:0 .6rem}
[aria-invalid=true]{border:2px solid #b42318}
.error{color:#b42318;font-weight:600;margin:.2rem 0 0}
.alert{border:2px solid #b42318;color:#7a1010;font-weight:600}
.hint{color:#5c6370;font-size:.92rem;margin:0 0 .3rem}
.hp{display:none}
button{font:inherit;font-weight:600;min-height:48px;padding:.5rem 1.1rem;border-radius:8px;border:1px solid #0f5257;background:#0f5257;color:#fff;cursor:pointer}
button.quiet{background:#fff;color:#b42318;border-color:#b42318}
summary{cursor:pointer;min-height:44px;padding:.6rem 0;color:#b42318;font-weight:600}
`.replace(/\n/g, '');

// The one inline script: makes the page available offline once loaded. Without it the saved copy
// still says so (lib/guest-link/saved-copy.ts); with it an open page that loses its connection says so
// and disables its forms too, and a saved copy opens the live page again when the connection is back
// (by a GET: reloading a copy shown for a failed post would post again).
export const ARRIVAL_SCRIPT =
  "(function(d,n){var h=d.documentElement,c=h.classList;function s(){c.toggle('offline',!n.onLine);" +
  "d.querySelectorAll('fieldset.needs-connection').forEach(function(f){f.disabled=!n.onLine||c.contains('saved')})}s();" +
  "addEventListener('online',function(){c.contains('saved')?location.replace(location.href):s()});addEventListener('offline',s);" +
  "if('serviceWorker'in n)addEventListener('load',function(){n.serviceWorker.register('/s/sw.js',{scope:'/s/'}).catch(function(){})})})(document,navigator)";

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Hashes rather than 'unsafe-inline': only this exact style and script may run. */
const csp = (formAction: string) =>
  [
    "default-src 'none'",
    `style-src ${sha256(ARRIVAL_CSS)}`,
    `script-src ${sha256(ARRIVAL_SCRIPT)}`,
    "worker-src 'self'",
    "connect-src 'self'",
    'img-src data:',
    "manifest-src 'none'",
    "base-uri 'none'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
  ].join('; ');

export const ARRIVAL_CSP = csp("'none'");
/** For the public pages with a form (the request, cancelling one): posts go to this site only. */
export const FORM_CSP = csp("'self'");

type DocumentProps = {
  lang: string;
  title: string;
  withScript: boolean;
  forms?: boolean;
  /** Seconds after which the page loads itself again, without JavaScript (a meta refresh). */
  refreshSeconds?: number;
  children: React.ReactNode;
};

/**
 * With a form on the page the referrer policy is same-origin, not no-referrer: under no-referrer a
 * browser sends "Origin: null" with a post, and the server could not tell it from a forged one.
 * Either way nothing is ever sent to another site.
 */
export const referrerPolicy = (forms: boolean) => (forms ? 'same-origin' : 'no-referrer');

export function ArrivalDocument({ lang, title, withScript, forms = false, refreshSeconds, children }: DocumentProps) {
  return (
    <html lang={lang}>
      {/* eslint-disable-next-line @next/next/no-head-element -- static HTML from a route handler, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex,nofollow" />
        <meta name="referrer" content={referrerPolicy(forms)} />
        <meta name="theme-color" content="#0f5257" />
        <meta name="description" content={title} />
        {refreshSeconds ? <meta httpEquiv="refresh" content={String(refreshSeconds)} /> : null}
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
