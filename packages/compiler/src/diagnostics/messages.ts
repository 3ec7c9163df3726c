/**
 * The catalog of compiler diagnostics: every code, with the text it prints.
 * Codes are stable strings that tools match on; the text may improve.
 * Each area keeps its own block, in alphabetical order within it.
 */
type Params = Record<string, string | number>;

export const messages = {
  // ── workflow discovery ──────────────────────────────────────────────
  workflow_not_async: () => 'A workflow body must be an async function (`workflow(name, async (input) => { … })`).',

  // ── TypeScript itself ───────────────────────────────────────────────
  type_error: (p: Params) => `TypeScript reports: ${p.text}`,
} satisfies Record<string, (params: Params) => string>;

export type DiagnosticCode = keyof typeof messages;
