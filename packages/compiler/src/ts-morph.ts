// The ts-morph the compiler uses: required through the V8 code cache (startup/), never `import`ed,
// and only when a compile needs it (`loadTypeScript()`): a compile the build cache answers never
// loads TypeScript's 9 MB.
import type * as TsMorph from 'ts-morph';
import { loadTsMorph } from './startup/load-ts-morph.js';

export type * from 'ts-morph';

/*
 * The values the compiler uses, each also declared as the type of the same name. They are set by
 * `loadTypeScript()`, which every entry point that works on TypeScript calls first; no module reads
 * them at its top level. Node loads ts-morph (CommonJS) for an `import` only after compiling its
 * 1 MB entry once more to detect its format and scanning it for export names; `require` skips both.
 */
export let Node: typeof TsMorph.Node;
export let SyntaxKind: typeof TsMorph.SyntaxKind;
export let Project: typeof TsMorph.Project;
export let VariableDeclarationKind: typeof TsMorph.VariableDeclarationKind;
export let DiagnosticCategory: typeof TsMorph.DiagnosticCategory;
export let ts: typeof TsMorph.ts;
export type Node<NodeType extends TsMorph.ts.Node = TsMorph.ts.Node> = TsMorph.Node<NodeType>;
export type SyntaxKind = TsMorph.SyntaxKind;
export type Project = TsMorph.Project;
export type VariableDeclarationKind = TsMorph.VariableDeclarationKind;
export type DiagnosticCategory = TsMorph.DiagnosticCategory;
/** TypeScript's own node under a ts-morph node (`compilerNode`): for walks that need no ts-morph wrapper per node. */
export type CompilerNode = TsMorph.ts.Node;

/**
 * Loads ts-morph and TypeScript, once per process, and sets the values above.
 *
 * @example
 * loadTypeScript();
 * const project = new Project({ compilerOptions });
 */
export function loadTypeScript(): void {
  if (ts) return;
  ({ Node, SyntaxKind, Project, VariableDeclarationKind, DiagnosticCategory, ts } = loadTsMorph() as typeof TsMorph);
}

/**
 * A table built from the values above on its first use: a module's top level
 * runs before `loadTypeScript()`, so it cannot read `SyntaxKind` there.
 *
 * @example
 * const branching = onFirstUse(() => new Set([SyntaxKind.BarBarToken, SyntaxKind.AmpersandAmpersandToken]));
 * branching().has(kind);
 */
export function onFirstUse<T>(build: () => T): () => T {
  let value: { built: T } | undefined;
  return () => (value ??= { built: build() }).built;
}
