import { Computed } from './expression-literals.js';
import { SDK_PLACEHOLDER_KINDS } from './integrations.js';
import { resolveExpression } from './payload-field.js';
import { PLACEHOLDER_KIND_DESCRIPTIONS, type PlaceholderKind } from './placeholder-kind.js';
import { classifyResource } from './service-calls.js';
import { walkStates } from './walk-states.js';

/** One place a placeholder is used. */
export interface PlaceholderUse {
  /** The state's path: `Charge`, `Fan out/Resize`. */
  state: string;
  /** Where in the state: `Arguments.FunctionName`, `ItemReader.Arguments.Bucket`, `Arguments.Entries[0].EventBusName`. */
  field: string;
  /** What this use alone says the value must be. */
  kind: PlaceholderKind;
}

/** A `${Name}` of a definition: what it must be and where it is used. */
export interface Placeholder {
  name: string;
  /** What every use agrees it must be; `string` when they disagree or say nothing more. */
  kind: PlaceholderKind;
  description: string;
  uses: PlaceholderUse[];
}

const PLACEHOLDER = /\$\{([^}\s]+)\}/g;

/**
 * Every `${Name}` placeholder of `definition` (what CloudFormation's and the
 * Step Functions API's DefinitionSubstitutions replace), in order of first use,
 * with what it must be, inferred from the field it fills.
 *
 * @example
 * placeholders(definition)
 * // [{ name: 'ChargeArn', kind: 'lambda-function-arn', description: 'ARN (or name) of a Lambda function',
 * //    uses: [{ state: 'Charge', field: 'Arguments.FunctionName', kind: 'lambda-function-arn' }] }]
 */
export function placeholders(definition: object): Placeholder[] {
  const byName = new Map<string, Placeholder>();
  walkStates(definition, ({ path, state }) => {
    const use = (name: string, field: string, kind: PlaceholderKind) => {
      let entry = byName.get(name);
      if (!entry) byName.set(name, (entry = { name, kind, description: '', uses: [] }));
      entry.uses.push({ state: path, field, kind });
    };
    visitStrings(state, '', (value, field) => {
      // In a JSONata expression, literals of its object constructors are fields too: {% {"TableName": "${Orders}", …} %}.
      const known = value.includes('${') ? resolveExpression(value, 'JSONata') : value;
      const literals: Array<[string, string]> = [];
      if (known !== value && !(known instanceof Computed)) visitStrings(known, field, (text, subfield) => literals.push([text, subfield]));
      const leftover = new Map<string, number>();
      for (const match of value.matchAll(PLACEHOLDER)) leftover.set(match[1]!, (leftover.get(match[1]!) ?? 0) + 1);
      for (const [text, subfield] of literals) {
        for (const match of text.matchAll(PLACEHOLDER)) {
          use(match[1]!, subfield, text === match[0] ? kindOf(state, subfield) : 'string');
          leftover.set(match[1]!, leftover.get(match[1]!)! - 1);
        }
      }
      for (const [name, count] of leftover) for (let n = 0; n < count; n++) use(name, field, value === `\${${name}}` ? kindOf(state, field) : 'string');
    });
  });
  for (const entry of byName.values()) {
    const kinds = [...new Set(entry.uses.map((use) => use.kind).filter((kind) => kind !== 'string'))];
    entry.kind = kinds.length === 1 ? kinds[0]! : 'string';
    const where = entry.uses.map((use) => `${use.state}: ${use.field}`);
    const shown = where.length > 3 ? `${where.slice(0, 3).join('; ')}; and ${where.length - 3} more` : where.join('; ');
    entry.description = `${PLACEHOLDER_KIND_DESCRIPTIONS[entry.kind]}${kinds.length > 1 ? ` (its uses disagree: ${kinds.join(', ')})` : ''}. Used by ${shown}`;
  }
  return [...byName.values()];
}

/** Every string in a state, with its field path; nested machines are skipped (walkStates visits their states). */
function visitStrings(value: unknown, field: string, visit: (value: string, field: string) => void): void {
  if (typeof value === 'string') visit(value, field);
  else if (value instanceof Computed) return;
  else if (Array.isArray(value)) value.forEach((item, index) => visitStrings(item, `${field}[${index}]`, visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (field === '' && (key === 'Branches' || key === 'ItemProcessor' || key === 'Iterator')) continue;
      visitStrings(item, field ? `${field}.${key}` : key, visit);
    }
  }
}

/** What a placeholder filling `field` of `state` by itself must be. */
function kindOf(state: Record<string, unknown>, field: string): PlaceholderKind {
  const [head, ...rest] = field.split('.');
  let where: 'Task' | 'ItemReader' | 'ResultWriter' = 'Task';
  let holder: Record<string, unknown> = state;
  let inPayload = rest;
  if (head === 'ItemReader' || head === 'ResultWriter') {
    where = head;
    holder = (state[head] ?? {}) as Record<string, unknown>;
    inPayload = rest.slice(1);
    if (rest[0] !== 'Arguments' && rest[0] !== 'Parameters') return 'string';
  } else if (state.Type !== 'Task' || (head !== 'Arguments' && head !== 'Parameters')) {
    return head === 'Resource' && typeof state.Resource === 'string' && /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(state.Resource) ? 'activity-arn' : 'string';
  }
  if (typeof holder.Resource !== 'string') return 'string';
  const classified = classifyResource(holder.Resource, where);
  if (!classified) return 'string';
  const key = inPayload.join('.').replace(/\[\d+\]/g, '[]');
  const kinds = classified.key === 'aws-sdk' ? SDK_PLACEHOLDER_KINDS[classified.service] : classified.integration?.placeholderKinds;
  return kinds?.[key] ?? 'string';
}
