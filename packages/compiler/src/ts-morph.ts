// The ts-morph the compiler uses: required through the V8 code cache (startup/), never `import`ed.
import type * as TsMorph from 'ts-morph';
import { loadTsMorph } from './startup/load-ts-morph.js';

export type * from 'ts-morph';

const tsMorph = loadTsMorph() as typeof TsMorph;

/*
 * The values the compiler uses, each also declared as the type of the same name. Node loads
 * ts-morph (CommonJS) for an `import` only after compiling its 1 MB entry once more to detect its
 * format and scanning it for export names; `require` skips both.
 */
export const { Node, SyntaxKind, Project, VariableDeclarationKind, DiagnosticCategory, ts } = tsMorph;
export type Node<NodeType extends TsMorph.ts.Node = TsMorph.ts.Node> = TsMorph.Node<NodeType>;
export type SyntaxKind = TsMorph.SyntaxKind;
export type Project = TsMorph.Project;
export type VariableDeclarationKind = TsMorph.VariableDeclarationKind;
export type DiagnosticCategory = TsMorph.DiagnosticCategory;
/** TypeScript's own node under a ts-morph node (`compilerNode`): for walks that need no ts-morph wrapper per node. */
export type CompilerNode = TsMorph.ts.Node;
