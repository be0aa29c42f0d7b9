/**
 * The saved copy of a link's page as the service worker serves it when the network fails: marked
 * "saved", so the page says "no connection" at its top, and with every form that needs the server
 * disabled, so a tap cannot lead to the browser's error page. The worker runs this very function (its
 * source is written into /s/sw.js): the page itself needs no script to know it is a saved copy.
 * Self-contained on purpose: nothing outside its body exists in the worker.
 */
export function markSaved(html: string): string {
  return html
    .replace('<html', '<html class="saved"')
    .split('<fieldset class="needs-connection"')
    .join('<fieldset disabled="" class="needs-connection"');
}
