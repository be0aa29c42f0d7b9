/**
 * Server-action bodies that Next's own decoding would throw on, which it answers with a 500: found
 * here first, on a copy, with the platform's parsers only, so the proxy can answer 400. Only posts
 * that Next would decode as an action pay for it: multipart posts (which Next tries as an action
 * without JavaScript) and posts carrying a `next-action` header. The body is at most 256 KB by
 * then (refusedBody), so a copy is cheap.
 *
 * Not caught (still a 500, nothing leaked): a well-formed body whose references name a part it
 * does not carry (`"$1"`, `"$Q5"`); telling those apart means following React's reply format,
 * which is React's parser to keep, not ours.
 */

/** Deeper than any of our actions' arguments (a form state and a FormData), far shallower than what overflows React's decoder. */
export const MAX_ARGUMENT_DEPTH = 64;

export async function malformedActionBody(request: Request): Promise<boolean> {
  if (request.method !== 'POST') return false;
  const fetchAction = request.headers.has('next-action');
  // Next's own test for an action's multipart body (server-action-request-meta.js), to the letter.
  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    if (!form) return true;
    // A fetch action's numbered fields are the rows of its arguments, JSON each (React's encodeReply).
    return (
      fetchAction &&
      [...form].some(([name, value]) => /^\d+$/.test(name) && typeof value === 'string' && !wellFormedRow(value, name === '0'))
    );
  }
  return fetchAction && !wellFormedRow(await request.clone().text(), true);
}

/** JSON no deeper than MAX_ARGUMENT_DEPTH; the first row is the list of arguments. */
function wellFormedRow(text: string, isArguments: boolean): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return (!isArguments || Array.isArray(value)) && !deeperThan(value, MAX_ARGUMENT_DEPTH);
}

/** Walked with a list rather than recursion, so a hostile nesting cannot overflow our own stack. */
function deeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (depth > limit) return true;
    if (item !== null && typeof item === 'object') for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}
