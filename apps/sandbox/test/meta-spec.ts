import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The subset of JSON Schema that Meta's OpenAPI description uses for these endpoints. */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
}

/** What the contract tests check against: schemas, response bodies and documented webhook examples. */
export interface MetaContract {
  $comment?: string;
  schemas: Record<string, Schema>;
  responses: Record<string, Schema>;
  webhookExamples: Record<string, unknown>;
}

interface OpenApi {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema> };
}

export const sharedSpecPath = fileURLToPath(
  new URL('../../../../shared/specs/whatsapp-business-messaging-api_v23.0.yaml', import.meta.url),
);
export const extractPath = fileURLToPath(
  new URL('./fixtures/meta-whatsapp-contract.json', import.meta.url),
);

/** Named schemas the tests validate against; their references come along. */
const rootSchemas = [
  'MessageResponsePayload',
  'MarkMessageResponsePayload',
  'GraphAPIError',
  'WebhookPayload',
];

/** Response bodies described inline on their operations. */
const operations: Record<string, [path: string, method: string]> = {
  uploadMedia: ['/{Version}/{Phone-Number-ID}/media', 'post'],
  retrieveMediaUrl: ['/{Version}/{Media-ID}', 'get'],
  deleteMedia: ['/{Version}/{Media-ID}', 'delete'],
  listTemplates: ['/{Version}/{WABA-ID}/message_templates', 'get'],
};

/** Inbound message webhooks as Meta documents them (the schema for these is the outbound one). */
const exampleNames = [
  'Text Message',
  'Text Message with Context (Product Inquiry)',
  'Reaction Message',
  'Image Message',
  'Location Message',
];

function referencedNames(schema: unknown): string[] {
  const names: string[] = [];
  JSON.stringify(schema, (key, value: unknown) => {
    if (key === '$ref' && typeof value === 'string') names.push(value.split('/').pop()!);
    return value;
  });
  return names;
}

/** The parts of the full description the tests use, so a clone without ../shared can run them. */
export function extractMetaContract(spec: OpenApi): MetaContract {
  const schemas: Record<string, Schema> = {};
  const pending = [...rootSchemas];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (schemas[name]) continue;
    const schema = spec.components.schemas[name];
    if (!schema) throw new Error(`the spec has no schema ${name}`);
    schemas[name] = schema;
    pending.push(...referencedNames(schema));
  }
  const responses = Object.fromEntries(
    Object.entries(operations).map(([name, [path, method]]) => {
      const schema = spec.paths[path]?.[method]?.responses?.['200']?.content?.['application/json']
        ?.schema as Schema | undefined;
      if (!schema) throw new Error(`the spec has no 200 response for ${method} ${path}`);
      return [name, schema];
    }),
  );
  const examples = spec.paths['/whatsapp/webhooks']?.post?.requestBody?.content?.[
    'application/json'
  ]?.examples as Record<string, { value: unknown }> | undefined;
  const webhookExamples = Object.fromEntries(
    exampleNames.map((name) => {
      const example = examples?.[name];
      if (!example) throw new Error(`the spec has no webhook example "${name}"`);
      return [name, example.value];
    }),
  );
  return {
    $comment:
      'Extract of whatsapp-business-messaging-api_v23.0.yaml (facebook/openapi, MIT): the schemas, response bodies and webhook examples the sandbox contract tests use. Regenerate with `npx tsx apps/sandbox/test/write-meta-contract.ts`.',
    schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    responses,
    webhookExamples,
  };
}

export function readSharedSpec(): OpenApi {
  return parse(readFileSync(sharedSpecPath, 'utf8')) as OpenApi;
}

// The full description sits next to the repository (../shared/specs); a clone without it uses
// the committed extract of the same parts.
export const metaContract: MetaContract = existsSync(sharedSpecPath)
  ? extractMetaContract(readSharedSpec())
  : (JSON.parse(readFileSync(extractPath, 'utf8')) as MetaContract);

const typeOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

function matchesType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  return typeOf(value) === type;
}

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const target = metaContract.schemas[schema.$ref.split('/').pop()!];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target);
}

/** Properties a schema declares, through allOf branches and references. */
function declaredProperties(schema: Schema): Set<string> {
  const resolved = resolve(schema);
  const names = new Set(Object.keys(resolved.properties ?? {}));
  for (const branch of resolved.allOf ?? [])
    for (const name of declaredProperties(branch)) names.add(name);
  return names;
}

/**
 * Every way `value` breaks `schema`: missing required properties, wrong types, values outside
 * an enum, and (strictly) properties the schema does not declare, except the `allowed` paths.
 */
export function schemaViolations(
  value: unknown,
  schema: Schema,
  path = '$',
  allowed: string[] = [],
  strict = true,
): string[] {
  const resolved = resolve(schema);
  const problems: string[] = [];
  if (resolved.type && !matchesType(value, resolved.type)) {
    return [`${path} is ${typeOf(value)}, not ${resolved.type}`];
  }
  if (resolved.enum && !resolved.enum.includes(value))
    problems.push(`${path} is not one of ${resolved.enum.join(', ')}`);
  for (const branch of resolved.allOf ?? []) {
    problems.push(...schemaViolations(value, branch, path, allowed, false));
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = resolved[key];
    if (!branches) continue;
    const outcomes = branches.map((branch) =>
      schemaViolations(value, branch, path, allowed, strict),
    );
    if (!outcomes.some((outcome) => outcome.length === 0)) {
      const closest = outcomes.reduce((best, outcome) =>
        outcome.length < best.length ? outcome : best,
      );
      problems.push(`${path} matches none of ${key}; closest: ${closest.join('; ')}`);
    }
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of resolved.required ?? []) {
      if (!(name in object)) problems.push(`${path}.${name} is missing`);
    }
    for (const [name, property] of Object.entries(resolved.properties ?? {})) {
      if (name in object)
        problems.push(...schemaViolations(object[name], property, `${path}.${name}`, allowed));
    }
    const declared = declaredProperties(resolved);
    if (strict && declared.size > 0) {
      for (const name of Object.keys(object)) {
        if (!declared.has(name) && !allowed.includes(`${path}.${name}`)) {
          problems.push(`${path}.${name} is not in the description`);
        }
      }
    }
  }
  if (Array.isArray(value) && resolved.items) {
    value.forEach((item, index) =>
      problems.push(...schemaViolations(item, resolved.items!, `${path}[${index}]`, allowed)),
    );
  }
  return problems;
}

/**
 * Where `actual` differs in shape from a documented example: keys it has that the example
 * lacks, keys the example has that it lacks (unless listed as optional), and value types.
 * Array items are compared with the example's first item; paths use `[]` for any index.
 */
export function exampleShapeViolations(
  actual: unknown,
  example: unknown,
  optional: string[] = [],
  path = '$',
): string[] {
  if (typeOf(actual) !== typeOf(example))
    return [`${path} is ${typeOf(actual)}, the example ${typeOf(example)}`];
  if (Array.isArray(actual)) {
    const model = (example as unknown[])[0];
    return actual.flatMap((item) => exampleShapeViolations(item, model, optional, `${path}[]`));
  }
  if (typeOf(actual) !== 'object') return [];
  const a = actual as Record<string, unknown>;
  const e = example as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(a)) {
    if (!(key in e)) problems.push(`${path}.${key} is not in the example`);
    else problems.push(...exampleShapeViolations(a[key], e[key], optional, `${path}.${key}`));
  }
  for (const key of Object.keys(e)) {
    if (!(key in a) && !optional.includes(`${path}.${key}`))
      problems.push(`${path}.${key} is missing`);
  }
  return problems;
}
