import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { FormState } from '@/lib/forms';

// The app's entry points found from the source tree, so a new action or route handler without a test
// case fails the tests that enumerate them. Keys read "app/…/actions.ts#name" and "app/…/route.ts#GET".
const ROOT = join(__dirname, '..', '..');

function filesUnder(dir: string, keep: (path: string, name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(path, name) ? [path] : [];
  });
}

/** Every page.tsx and route.ts under app/ as the path it answers, route groups left out: "/shelters/[id]". */
export function routePatterns(): string[] {
  const app = join(ROOT, 'app');
  return filesUnder(app, (_path, name) => /^(page\.tsx|route\.ts)$/.test(name)).map((file) => {
    const segments = relative(app, dirname(file))
      .split(sep)
      .filter((s) => s && !/^\(.*\)$/.test(s));
    return `/${segments.join('/')}`;
  });
}

/** Every signed-in staff screen (each page.tsx under app/(staff)) as the path it answers: "/shelters/[id]/rooms". */
export function staffPagePatterns(): string[] {
  const staff = join(ROOT, 'app', '(staff)');
  return filesUnder(staff, (_path, name) => name === 'page.tsx')
    .map((file) => `/${relative(staff, dirname(file)).split(sep).join('/')}`)
    .sort();
}

export type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
export type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every exported function of every 'use server' module under app/. */
export async function serverActions(): Promise<Map<string, Action>> {
  const actions = new Map<string, Action>();
  const files = filesUnder(
    join(ROOT, 'app'),
    (path, name) => /\.tsx?$/.test(name) && /^\s*['"]use server['"]/.test(readFileSync(path, 'utf8')),
  );
  for (const file of files) {
    for (const [name, value] of Object.entries((await import(file)) as Record<string, unknown>)) {
      if (typeof value === 'function') actions.set(`${relative(ROOT, file)}#${name}`, value as Action);
    }
  }
  return actions;
}

/** Every exported HTTP method of every route.ts under app/, limited to `methods`. */
export async function routeHandlers(methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']): Promise<Map<string, Handler>> {
  const handlers = new Map<string, Handler>();
  for (const file of filesUnder(join(ROOT, 'app'), (_path, name) => name === 'route.ts')) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const method of methods) {
      if (typeof exported[method] === 'function') handlers.set(`${relative(ROOT, file)}#${method}`, exported[method] as Handler);
    }
  }
  return handlers;
}
