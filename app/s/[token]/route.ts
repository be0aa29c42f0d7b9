import { getDb } from '@/db';
import { stayByLink } from '@/lib/placement/link-lookup';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(status: number, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>Waystation</title><style>body{font-family:system-ui,sans-serif;margin:1.5rem;line-height:1.5;max-width:32rem}</style></head><body>${body}</body></html>`;
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
}

// A plain stand-in until the full arrival page (address, directions, offline) lands.
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = stayByLink(getDb(), token, new Date());
  if (!found) {
    return page(404, '<h1>This link does not work</h1><p>Please contact the volunteer who sent it to you.</p>');
  }
  const held = found.stay.status === 'reserved';
  return page(
    200,
    `<h1>${escape(found.shelterName)}</h1><p>${escape(found.district)}</p><p>${held ? 'Beds are held for you.' : 'You are checked in.'} The volunteer who sent this link will tell you the way.</p>`,
  );
}
