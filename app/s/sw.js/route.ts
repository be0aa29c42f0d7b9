import { markSaved } from '@/lib/guest-link/saved-copy';

// The service worker behind the arrival's page: network first, and the last good copy of each link
// when offline. A link that stops working (404) is dropped from the copy at once. The saved copy is
// marked by markSaved (class "saved", forms disabled) so the page says it is one even where
// navigator.onLine cannot be trusted and where JavaScript is off. A form posted with no connection
// gets the saved copy back instead of the browser's error page.
const WORKER = `const C='waystation-arrival-v1';const mark=(${markSaved.toString()});
const key=u=>{u=new URL(u);return u.origin+u.pathname};
const saved=k=>caches.match(k).then(m=>m?m.text().then(t=>new Response(mark(t),{headers:{'content-type':m.headers.get('content-type'),'content-security-policy':m.headers.get('content-security-policy')||''}})):Response.error());
self.addEventListener('install',()=>self.skipWaiting());
self.addEventListener('activate',e=>e.waitUntil(self.clients.claim().then(()=>self.clients.matchAll({type:'window'})).then(cs=>caches.open(C).then(c=>Promise.all(cs.filter(w=>new URL(w.url).pathname.startsWith('/s/')).map(w=>fetch(w.url,{credentials:'same-origin'}).then(r=>r.status===200?c.put(key(w.url),r):0).catch(()=>0)))))));
self.addEventListener('fetch',e=>{const r=e.request;if(r.mode!=='navigate')return;const k=key(r.url);
if(r.method==='POST')return e.respondWith(fetch(r).catch(()=>saved(k)));if(r.method!=='GET')return;
e.respondWith(fetch(r).then(res=>{const copy=res.clone();caches.open(C).then(c=>res.status===200?c.put(k,copy):res.status===404?c.delete(k):0);return res}).catch(()=>saved(k)))});`;

export const dynamic = 'force-static';

export function GET() {
  return new Response(WORKER, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    },
  });
}
