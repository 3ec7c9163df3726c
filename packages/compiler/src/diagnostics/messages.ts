/**
 * The catalog of compiler diagnostics: every code, with the text it prints.
 * Codes are stable strings that tools match on; the text may improve.
 * Each area keeps its own block, in alphabetical order within it.
 */
type Params = Record<string, string | number>;

export const messages = {
  // ── workflow discovery ──────────────────────────────────────────────
  workflow_not_async: () => 'A workflow body must be an async function (`workflow(name, async (input) => { … })`).',

  // ── expressions ─────────────────────────────────────────────────────
  expression_any_type: (p: Params) => `\`${p.text}\` has type \`${p.type}\`; the compiler picks JSONata by TypeScript type here (${p.why}), so give it a concrete type.`,
  expression_impure_helper: (p: Params) => `\`${p.name}\` cannot be inlined as JSONata: ${p.reason}.`,
  expression_loose_equality: (p: Params) => `\`${p.operator}\` between \`${p.left}\` and \`${p.right}\` may convert types as JavaScript does; use \`${p.strict}\`.`,
  expression_mutation: (p: Params) => `\`${p.text}\` changes a value in place; workflow values are immutable in ASL — build a new value (\`{ ...obj, key: v }\`, \`[...xs, x]\`) and assign it.`,
  expression_reference_equality: (p: Params) => `\`${p.operator}\` compares objects or arrays by reference in JavaScript, which has no meaning for JSON values in ASL; compare fields, or \`JSON.stringify\` both sides.`,
  expression_unknown_identifier: (p: Params) => `\`${p.name}\` is neither a workflow value nor a local of this expression.`,
  expression_unsupported_call: (p: Params) => `\`${p.name}\` has no JSONata lowering${p.reason ? `: ${p.reason}` : ''}.`,
  expression_unsupported_operator: (p: Params) => `The operator \`${p.operator}\` is not supported in workflow expressions${p.reason ? `: ${p.reason}` : ''}.`,
  expression_unsupported_statement: (p: Params) => `A ${p.kind} cannot be part of an await-free run lowered to JSONata${p.reason ? `: ${p.reason}` : ''}.`,
  unsupported_expression: (p: Params) => `A ${p.kind} has no JSONata lowering${p.reason ? `: ${p.reason}` : ''}.`,

  // ── schemas ─────────────────────────────────────────────────────────
  schema_bigint_type: (p: Params) => `\`${p.type}\` is a bigint, which JSON cannot carry (JSON.stringify throws on it); use \`number\` or a decimal \`string\`.`,
  schema_class_instance: (p: Params) => `\`${p.type}\` is a class instance with methods; JSON carries only its data, so the methods would be lost. Use an interface or type alias for the data.`,
  schema_date_type: (p: Params) => `\`${p.type}\` is a Date object, which JSON turns into a string; declare the field as \`string\` (an ISO 8601 timestamp) instead.`,
  schema_function_type: (p: Params) => `\`${p.type}\` is a function, which JSON cannot carry; an execution's input, output and task payloads are plain data.`,
  schema_non_json_type: (p: Params) => `\`${p.type}\` is not plain data (${p.reason}); JSON cannot carry it.`,
  schema_symbol_type: (p: Params) => `\`${p.type}\` is a symbol, which JSON cannot carry; use a string literal type.`,
  schema_task_types_unknown: (p: Params) => `The request and response types of task \`${p.task}\` are not known: give the declaration its type arguments (\`lambda<Request, Response>(…)\`).`,
  schema_type_parameter: (p: Params) => `\`${p.type}\` is a type parameter that is not instantiated here; a schema needs a concrete type.`,
  schema_unsupported_type: (p: Params) => `No JSON Schema for \`${p.type}\`: ${p.reason}.`,

  // ── TypeScript itself ───────────────────────────────────────────────
  type_error: (p: Params) => `TypeScript reports: ${p.text}`,
} satisfies Record<string, (params: Params) => string>;

export type DiagnosticCode = keyof typeof messages;
