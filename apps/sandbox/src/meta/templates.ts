import { z } from 'zod';
import { fillPlaceholders, placeholdersOf, templateSeeds } from '../template-seeds';
import { metaErrors } from './errors';
import { graphObjectId } from './ids';

export type TemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';

/** A message template of one WhatsApp Business Account, as Meta's template endpoints show it. */
export interface MetaTemplate {
  id: string;
  name: string;
  language: string;
  status: TemplateStatus;
  category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
  components: Array<{
    type: 'HEADER' | 'BODY' | 'FOOTER';
    text: string;
    example?: { body_text: string[][] };
  }>;
}

/** A template as a test or the demo describes it to `PUT /sandbox/meta/templates`. */
export const templateInputSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'must be lower-case letters, digits and _'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a code such as en_US or es'),
  status: z.enum(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED']).default('APPROVED'),
  category: z.enum(['UTILITY', 'MARKETING', 'AUTHENTICATION']).default('UTILITY'),
  body: z.string().min(1).max(1024),
  header: z.string().min(1).max(60).optional(),
  footer: z.string().min(1).max(60).optional(),
});

export type TemplateInput = z.input<typeof templateInputSchema>;

export function newTemplate(input: z.output<typeof templateInputSchema>): MetaTemplate {
  const example = placeholdersOf(input.body).map((_, index) => `sample ${index + 1}`);
  return {
    id: graphObjectId(),
    name: input.name,
    language: input.language,
    status: input.status,
    category: input.category,
    components: [
      ...(input.header ? [{ type: 'HEADER' as const, text: input.header }] : []),
      {
        type: 'BODY',
        text: input.body,
        ...(example.length > 0 ? { example: { body_text: [example] } } : {}),
      },
      ...(input.footer ? [{ type: 'FOOTER' as const, text: input.footer }] : []),
    ],
  };
}

/** Every WhatsApp Business Account starts with the shared seed templates, one per language. */
export function seedTemplates(): MetaTemplate[] {
  return templateSeeds.flatMap((seed) =>
    Object.entries(seed.bodies).map(([language, body]) => ({
      id: graphObjectId(),
      name: seed.name,
      language,
      status: seed.status,
      category: seed.category,
      components: [{ type: 'BODY' as const, text: body, example: { body_text: [seed.example] } }],
    })),
  );
}

export const bodyTextOf = (template: MetaTemplate) =>
  template.components.find((component) => component.type === 'BODY')?.text ?? '';

interface SendParameter {
  type?: unknown;
  text?: unknown;
  parameter_name?: unknown;
  currency?: { fallback_value?: unknown };
  date_time?: { fallback_value?: unknown };
}

/** What a parameter shows the customer: its text, or the fallback of currency / date_time. */
function parameterText(parameter: SendParameter): string {
  const value =
    parameter.text ?? parameter.currency?.fallback_value ?? parameter.date_time?.fallback_value;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw metaErrors.invalidParameter(
      `Param template['components'][0]['parameters'] must have a text value for type ${String(parameter.type)}`,
    );
  }
  return String(value);
}

/**
 * The body text the customer sees: the template's placeholders filled from the `body`
 * component's parameters. Meta refuses a send whose parameter count differs (132000).
 */
export function renderTemplate(template: MetaTemplate, components: unknown): string {
  const text = bodyTextOf(template);
  const placeholders = placeholdersOf(text);
  const list = Array.isArray(components) ? (components as Array<Record<string, unknown>>) : [];
  const body = list.find((component) => String(component.type).toLowerCase() === 'body');
  const parameters = Array.isArray(body?.parameters) ? (body.parameters as SendParameter[]) : [];
  if (parameters.length !== placeholders.length) {
    throw metaErrors.templateParameterCount('body', parameters.length, placeholders.length);
  }
  const values: Record<string, string> = {};
  parameters.forEach((parameter, index) => {
    const key =
      typeof parameter.parameter_name === 'string' ? parameter.parameter_name : String(index + 1);
    values[key] = parameterText(parameter);
  });
  return fillPlaceholders(text, values);
}
