import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PropertySchema {
  type?: string;
  nullable?: boolean;
  pattern?: string;
  format?: string;
  enum?: string[];
  $ref?: string;
  properties?: Record<string, PropertySchema>;
}

interface OpenApi {
  components: { schemas: Record<string, PropertySchema> };
}

// The full spec sits next to the repository (../shared/specs); a clone without it uses the
// committed extract of the same schema.
const sharedSpec = fileURLToPath(
  new URL('../../../../shared/specs/twilio_api_v2010.json', import.meta.url),
);
const extract = fileURLToPath(new URL('./fixtures/twilio-message-schema.json', import.meta.url));

const spec = JSON.parse(
  readFileSync(existsSync(sharedSpec) ? sharedSpec : extract, 'utf8'),
) as OpenApi;

function resolve(property: PropertySchema): PropertySchema {
  if (!property.$ref) return property;
  const target = spec.components.schemas[property.$ref.replace('#/components/schemas/', '')];
  if (!target) throw new Error(`unresolved ${property.$ref}`);
  return target;
}

const rfc2822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

/** Every way a resource breaks the spec's Message schema: missing, type, null, enum, pattern, format. */
export function messageSchemaViolations(resource: Record<string, unknown>): string[] {
  const properties = spec.components.schemas['api.v2010.account.message']?.properties;
  if (!properties) throw new Error('the spec has no api.v2010.account.message schema');
  return Object.entries(properties).flatMap(([name, raw]) => {
    const property = resolve(raw);
    if (!(name in resource)) return [`${name} is missing`];
    const value = resource[name];
    if (value === null) return raw.nullable || property.nullable ? [] : [`${name} is null`];
    const problems: string[] = [];
    if (property.type === 'integer' && !Number.isInteger(value))
      problems.push(`${name} not integer`);
    if (property.type === 'string' && typeof value !== 'string')
      problems.push(`${name} not string`);
    if (property.type === 'object' && (typeof value !== 'object' || Array.isArray(value))) {
      problems.push(`${name} not object`);
    }
    if (property.enum && !property.enum.includes(value as string))
      problems.push(`${name} not in enum`);
    if (property.pattern && !new RegExp(property.pattern).test(value as string)) {
      problems.push(`${name} does not match ${property.pattern}`);
    }
    if (property.format === 'date-time-rfc-2822' && !rfc2822.test(value as string)) {
      problems.push(`${name} is not RFC 2822`);
    }
    return problems;
  });
}
