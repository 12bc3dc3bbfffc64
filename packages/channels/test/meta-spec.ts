import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The part of JSON Schema that Meta's description of the messages endpoint uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  pattern?: string;
}

/** What the tests check requests against, taken from Meta's OpenAPI description. */
export interface MessagesApiExtract {
  /** requestBody schema of POST /{Version}/{Phone-Number-ID}/messages. */
  sendMessage: Schema;
  /** The spec's "Send typing indicator and read receipt" example, the only read-receipt shape it gives. */
  readReceiptExample: Record<string, unknown>;
  /** multipart/form-data schema of POST /{Version}/{Phone-Number-ID}/media. */
  uploadMedia: Schema;
  /** Properties of one template in the GET /{Version}/{WABA-ID}/message_templates answer. */
  templateFields: string[];
  /** Every component schema the above refer to, directly or not. */
  schemas: Record<string, Schema>;
}

const sharedSpec = fileURLToPath(
  new URL('../../../../shared/specs/whatsapp-business-messaging-api_v23.0.yaml', import.meta.url),
);
const extractFile = fileURLToPath(
  new URL('./fixtures/meta-messages-api-extract.json', import.meta.url),
);

/** True when the full spec sits next to the repository (../shared/specs). */
export const hasSharedSpec = existsSync(sharedSpec);

/** The committed extract, which a clone without ../shared uses. */
export const committedExtract = (): MessagesApiExtract =>
  JSON.parse(readFileSync(extractFile, 'utf8')) as MessagesApiExtract;

/** The same extract taken from the full spec now. */
export const freshExtract = (): MessagesApiExtract =>
  extractMessagesApi(parse(readFileSync(sharedSpec, 'utf8')) as OpenApiDocument);

const spec: MessagesApiExtract = hasSharedSpec ? freshExtract() : committedExtract();
export const messagesApi = spec;

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}
interface OpenApiOperation {
  requestBody?: {
    content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }>;
  };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

export function extractMessagesApi(document: OpenApiDocument): MessagesApiExtract {
  const messages = document.paths['/{Version}/{Phone-Number-ID}/messages']!.post!;
  const json = messages.requestBody!.content['application/json']!;
  const media = document.paths['/{Version}/{Phone-Number-ID}/media']!.post!;
  const templates = document.paths['/{Version}/{WABA-ID}/message_templates']!.get!;
  const templateList = templates.responses['200']!.content!['application/json']!.schema;
  const extract = {
    sendMessage: json.schema,
    readReceiptExample: json.examples!['Send typing indicator and read receipt']!.value as Record<
      string,
      unknown
    >,
    uploadMedia: media.requestBody!.content['multipart/form-data']!.schema,
    templateFields: Object.keys(templateList.properties!.data!.items!.properties!).sort(),
  };
  const schemas: Record<string, Schema> = {};
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const refs =
        key === '$ref' ? [value] : key === 'mapping' ? Object.values(value as object) : [];
      for (const ref of refs as string[]) {
        const name = ref.replace('#/components/schemas/', '');
        if (schemas[name]) continue;
        schemas[name] = document.components.schemas[name]!;
        visit(schemas[name]);
      }
      visit(value);
    }
  };
  visit(extract);
  return { ...extract, schemas: Object.fromEntries(Object.entries(schemas).sort()) };
}

/**
 * Every way `value` breaks `schema`. `allOf` parts describe one object together, so a part's
 * `additionalProperties: false` allows the properties its sibling parts declare (as the spec
 * means it: BaseMessageProperties carries `to`, TextMessage carries `text`). A discriminator
 * picks the alternative named by its property.
 */
export function schemaViolations(schema: Schema, value: unknown, path = '$'): string[] {
  return check(schema, value, path, new Set(), new Set());
}

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const target = spec.schemas[schema.$ref.replace('#/components/schemas/', '')];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(target);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function declaredProperties(schema: Schema): string[] {
  const resolved = resolve(schema);
  return [
    ...Object.keys(resolved.properties ?? {}),
    ...(resolved.allOf ?? []).flatMap(declaredProperties),
  ];
}

function check(
  raw: Schema,
  value: unknown,
  path: string,
  siblings: Set<string>,
  dispatched: Set<Schema>,
): string[] {
  const schema = resolve(raw);
  if (schema.discriminator && !dispatched.has(schema) && isObject(value)) {
    const { propertyName, mapping = {} } = schema.discriminator;
    const tag = value[propertyName];
    const target = typeof tag === 'string' ? mapping[tag] : undefined;
    if (!target)
      return [
        `${path}.${propertyName} ${JSON.stringify(tag)} is not one of ${Object.keys(mapping).join(', ')}`,
      ];
    return check({ $ref: target }, value, path, siblings, new Set([...dispatched, schema]));
  }
  const problems: string[] = [];
  let together = siblings;
  if (schema.allOf) {
    together = new Set([...siblings, ...schema.allOf.flatMap(declaredProperties)]);
    for (const part of schema.allOf)
      problems.push(...check(part, value, path, together, dispatched));
  }
  if (schema.oneOf) {
    const matching = schema.oneOf.filter(
      (branch) => check(branch, value, path, together, dispatched).length === 0,
    );
    if (matching.length !== 1)
      problems.push(`${path} matches ${matching.length} of ${schema.oneOf.length} alternatives`);
  }
  if (schema.const !== undefined && value !== schema.const)
    problems.push(`${path} is not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value))
    problems.push(`${path} ${JSON.stringify(value)} not in enum`);
  const typeProblem = wrongType(schema.type, value);
  if (typeProblem) return [...problems, `${path} ${typeProblem}`];

  if (isObject(value)) {
    for (const name of schema.required ?? []) {
      if (!(name in value)) problems.push(`${path}.${name} is missing`);
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (name in value)
        problems.push(...check(property, value[name], `${path}.${name}`, new Set(), new Set()));
    }
    if (schema.additionalProperties === false) {
      for (const name of Object.keys(value)) {
        if (!(name in (schema.properties ?? {})) && !together.has(name))
          problems.push(`${path}.${name} is not allowed`);
      }
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${path} has fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      problems.push(`${path} has more than ${schema.maxItems} items`);
    if (schema.items) {
      value.forEach((item, index) =>
        problems.push(...check(schema.items!, item, `${path}[${index}]`, new Set(), new Set())),
      );
    }
  }
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength)
      problems.push(`${path} is longer than ${schema.maxLength}`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
      problems.push(`${path} does not match ${schema.pattern}`);
  }
  return problems;
}

function wrongType(type: string | undefined, value: unknown): string | null {
  switch (type) {
    case undefined:
      return null;
    case 'object':
      return isObject(value) ? null : 'is not an object';
    case 'array':
      return Array.isArray(value) ? null : 'is not an array';
    case 'integer':
      return Number.isInteger(value) ? null : 'is not an integer';
    case 'number':
      return typeof value === 'number' ? null : 'is not a number';
    default:
      return typeof value === type ? null : `is not a ${type}`;
  }
}
