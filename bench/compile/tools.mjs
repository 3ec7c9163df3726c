// Both compilers behind one shape: `load()` imports the compiler, then
// `compileFiles(files)` → Map(name → ASL definition). A tool that cannot compile throws
// an Error whose message says why (typestep: its diagnostics, as printed for people).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Where ts2asl's deploy step would put a Lambda ARN; the bench substitutes it the same way. */
const TS2ASL_LAMBDA_PLACEHOLDER = /\[!lambda\[([A-Za-z0-9_$]+)\]arn\]/g;

/** @param {string} name */
export const lambdaArn = (name) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

export const tools = {
  typestep: {
    label: 'typestep',
    async load() {
      const compiler = await import('@typestep/compiler');
      if (typeof compiler.compile !== 'function') {
        throw new Error('@typestep/compiler does not export compile() yet (packages/compiler/src/index.ts)');
      }
      return {
        /** One `compile()` call for all files: what `typestep compile <files…>` does. */
        async compileFiles(files) {
          const result = await compiler.compile({ files });
          const errors = (result.diagnostics ?? []).filter((d) => (d.severity ?? 'error') === 'error');
          if (errors.length > 0) {
            const shown = errors.slice(0, 3).map((d) => String(d)).join('\n');
            throw new Error(`${errors.length} diagnostic(s):\n${shown}`);
          }
          const definitions = new Map();
          for (const compiled of result.workflows ?? []) definitions.set(compiled.name, compiled.definition);
          if (definitions.size === 0) throw new Error('compile() returned no workflow and no diagnostic');
          return definitions;
        },
      };
    },
  },
  ts2asl: {
    label: '@ts2asl/convert',
    async load() {
      const { Converter, createCompilerHostFromSource } = require('@ts2asl/convert');
      return {
        /**
         * ts2asl converts one file per compiler host. The in-memory host (its own copy of
         * asl-lib's declarations, TypeScript's default lib) is its faster path: the file host
         * would also load every `@types/*` package of this repository for each file.
         */
        async compileFiles(files) {
          const definitions = new Map();
          for (const file of files) {
            const host = createCompilerHostFromSource(readFileSync(file, 'utf8'));
            const converted = new Converter(host).convert({ skipVersionComment: true });
            for (const machine of converted.stateMachines) {
              if (!machine.asl) throw new Error(`${file}: no ASL for ${machine.name}`);
              definitions.set(machine.name, substituteLambdaArns(machine.asl));
            }
          }
          if (definitions.size === 0) throw new Error('no state machine found');
          return definitions;
        },
      };
    },
  },
};

/** ts2asl leaves `[!lambda[name]arn]` for its deploy step to fill in; do what a deployment does. */
function substituteLambdaArns(definition) {
  return JSON.parse(JSON.stringify(definition).replace(TS2ASL_LAMBDA_PLACEHOLDER, (_, name) => lambdaArn(name)));
}

/** Which workflow of a pair a tool compiles, by the name its output carries. */
export function workflowNameFor(toolName, pair) {
  return toolName === 'typestep' ? pair.typestep.workflow : pair.ts2asl.stateMachine;
}

/** @param {string} toolName @param {{ typestep: { file: string }, ts2asl: { file: string } }} pair */
export function sourceFileFor(toolName, pair) {
  return toolName === 'typestep' ? pair.typestep.file : pair.ts2asl.file;
}
