import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import addFormats from 'ajv-formats';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';

// The published HSDS 3.1 schemas (tests/data/hsds-3.1, unedited), checked with Ajv. They carry no
// $schema; HSDS's openapi.json declares JSON Schema 2020-12 as their dialect, hence Ajv's 2020 build.
const DIR = join(__dirname, '..', 'data', 'hsds-3.1');
// Where they are published: each file gets its URL as $id, so `"$ref": "unit.json"` resolves to the
// file beside it. Nothing is fetched.
const BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.1-dev/schema/';
// HSDS's own annotations for its tabular (CSV) form and its documentation: not validation keywords.
const HSDS_ANNOTATIONS = ['name', 'path', 'core', 'constraints', 'example', 'datapackage_metadata', 'datapackage_type', 'tabular_required'];

const read = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;

function hsdsAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addVocabulary(HSDS_ANNOTATIONS);
  for (const file of readdirSync(DIR).filter((name) => name.endsWith('.json') && name !== 'openapi.json')) {
    ajv.addSchema({ ...read(file), $id: `${BASE}${file}` });
  }
  return ajv;
}

type OpenApi = {
  components: { schemas: { Page: object } };
  paths: Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: object } } } } } }>;
};
const openapi = () => read('openapi.json') as unknown as OpenApi;
const errorsOf = (validate: ReturnType<Ajv2020['compile']>) => (data: unknown) => (validate(data) ? [] : (validate.errors ?? []));

/**
 * A validator for a page of fully nested services, as HSDS's API answers `GET /services?full=true`:
 * openapi.json's `Page` with `contents` made of service.json objects. Strict mode stays on, so a
 * schema keyword Ajv did not understand would fail the test rather than pass silently.
 */
export function servicesPageValidator(): (data: unknown) => ErrorObject[] {
  return errorsOf(
    hsdsAjv().compile({
      $id: `${BASE}services-page.json`,
      allOf: [openapi().components.schemas.Page],
      type: 'object',
      required: ['total_items', 'contents'],
      properties: { contents: { type: 'array', items: { $ref: 'service.json' } } },
    }),
  );
}

/** A validator for one fully nested service, as the API answers `GET /services/{id}`. */
export function serviceValidator(): (data: unknown) => ErrorObject[] {
  return errorsOf(hsdsAjv().compile({ $id: `${BASE}one-service.json`, $ref: 'service.json' }));
}

/** A validator for the API's root (`GET /`), from openapi.json's own answer schema, with `version` required. */
export function apiRootValidator(): (data: unknown) => ErrorObject[] {
  const schema = openapi().paths['/'].get.responses[200].content['application/json'].schema;
  return errorsOf(hsdsAjv().compile({ $id: `${BASE}api-root.json`, type: 'object', allOf: [schema], required: ['version'] }));
}
