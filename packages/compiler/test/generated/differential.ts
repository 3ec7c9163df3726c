// One generated program, compiled and then run natively and in the runtime with the same handlers over four inputs:
// the outputs (or error and cause) must be identical. Used by generated-workflows.test.ts (`npm test`) and by the
// worker processes of `npm run test:generated`, so both check a program the same way.
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';
import * as assert from 'uvu/assert';
import * as dsl from '@typestep/dsl';
import { StateMachine } from '@typestep/runtime';
import { compile } from '../../src/index.js';
import { createDefaultProject, DEFAULT_COMPILER_OPTIONS } from '../../src/program/index.js';
import { failure } from '../fixture-cases.js';
import { moduleSource, type ProgramOptions } from './program-source.js';

/** One generated program: its name (the seed, `optional-<seed>` with optional fields), file path and source. */
export interface GeneratedProgram {
  name: string;
  seed: number;
  options: ProgramOptions;
  file: string;
  source: string;
}

/** The inputs each program runs with: a start value and the residue of `n` at which the handler fails. */
const RUNS = [
  [0, 9],
  [3, 2],
  [5, 4],
  [8, 0],
] as const;

/**
 * Compiles and runs generated programs, many in one process. One ts-morph project serves every program:
 * `compile({ files })` would create a project and parse the libraries and the dsl again for each (most of its time).
 * A program's file is added, compiled alone and removed, so it sees only its own declarations (error classes are
 * looked up project-wide, and every program declares `Oops`) and a diagnostic fails only that program. The options
 * are those `compile({ files })` uses.
 *
 * @example
 * const checker = new ProgramChecker();
 * await checker.check(checker.program(7, { optional: false })); // throws an assertion on any difference
 */
export class ProgramChecker {
  private readonly root = linkedDslFolder();
  private readonly project = createDefaultProject();

  /** The program of `seed`, as the generator writes it. */
  program(seed: number, options: ProgramOptions): GeneratedProgram {
    const name = options.optional ? `optional-${seed}` : `${seed}`;
    return { name, seed, options, file: join(this.root, `program-${name}.ts`), source: moduleSource(seed, options) };
  }

  /** Compiles the program and checks both runs agree; throws (an uvu assertion for a difference) otherwise. */
  async check(program: GeneratedProgram): Promise<void> {
    await this.compare(program, await this.compile(program));
  }

  /** The program's definition; fails (an assertion listing them) on any diagnostic, type errors included. */
  async compile(program: GeneratedProgram): Promise<Record<string, unknown>> {
    // In memory: the file's folder only has to hold the node_modules through which `@typestep/dsl` resolves.
    const file = this.project.createSourceFile(program.file, program.source, { overwrite: true });
    try {
      this.project.resolveSourceFileDependencies();
      const { workflows, diagnostics } = await compile({ project: this.project });
      assert.equal(diagnostics.map(String), [], `seed ${program.name} compiles:\n${program.source}`);
      return workflows[0]!.definition;
    } finally {
      this.project.removeSourceFile(file);
    }
  }

  /** Runs `definition` and the program natively over the same inputs and handlers; asserts equal outcomes. */
  async compare(program: GeneratedProgram, definition: Record<string, unknown>): Promise<void> {
    const { name, source, options } = program;
    // Validated (a DefinitionError lists every problem) and prepared once; each run brings its own handlers.
    const machine = new StateMachine(definition as never);
    const { main } = evaluateNatively(source);
    for (const [start, failAt] of RUNS) {
      // Half the inputs carry the optional `bonus`.
      const input = options.optional && start % 2 === 1 ? { start, bonus: start } : { start };
      let native: unknown;
      try {
        native = { status: 'SUCCEEDED', output: await main.run(input, { handlers: handlers(failAt, options.optional) }) };
      } catch (error) {
        if (!(error instanceof dsl.WorkflowError)) throw error;
        native = { status: 'FAILED', error: error.name, cause: error.cause };
      }
      const result = await machine.run(input, { handlers: handlers(failAt, options.optional) });
      const compiled = result.status === 'SUCCEEDED' ? { status: 'SUCCEEDED', output: result.output } : { status: 'FAILED', error: result.error, cause: result.cause };
      assert.equal(compiled, native, `seed ${name}, start ${start}, failAt ${failAt}:\n${source}`);
    }
  }
}

/** A fresh temporary folder whose node_modules links `@typestep/dsl` to this checkout's dsl package. */
function linkedDslFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'typestep-generated-'));
  mkdirSync(join(root, 'node_modules', '@typestep'), { recursive: true });
  symlinkSync(fileURLToPath(new URL('../../../dsl', import.meta.url)), join(root, 'node_modules', '@typestep', 'dsl'));
  return root;
}

interface NativeModule {
  main: { run(input: unknown, options: unknown): Promise<unknown> };
}

/**
 * The program as JavaScript, evaluated with the dsl this process has loaded (so its WorkflowError is ours). One
 * `transpileModule` (no type-check: the compile did that) instead of an `import()` per program, which would keep
 * every program in the module cache of a long-lived process.
 */
function evaluateNatively(source: string): NativeModule {
  const { outputText } = ts.transpileModule(source, { compilerOptions: { target: DEFAULT_COMPILER_OPTIONS.target, module: ts.ModuleKind.CommonJS } });
  const exports = {} as NativeModule;
  const require = (id: string) => {
    if (id !== '@typestep/dsl') throw new Error(`a generated program imports only @typestep/dsl, not ${id}`);
    return dsl;
  };
  new Function('exports', 'require', outputText)(exports, require);
  return exports;
}

/** Deterministic handlers: v depends on n; some n fail (retried once by the declaration, then fatal); with `optional`, `extra` is there for some n. */
function handlers(failAt: number, optional: boolean) {
  const seen = new Map<number, number>();
  return {
    '${StepArn}': (input: { n: number }) => {
      const attempts = (seen.get(input.n) ?? 0) + 1;
      seen.set(input.n, attempts);
      if (input.n % 7 === failAt && attempts === 1) throw failure('Flaky', `n ${input.n}`);
      if (input.n % 11 === failAt) throw failure('Broken', `n ${input.n}`);
      if (input.n % 13 === failAt) throw failure('Oops', `n ${input.n}`);
      const value = { v: (input.n % 5) + 1, ...(input.n % 3 === 0 ? { w: input.n % 4 } : {}) };
      return optional && input.n % 3 !== 0 ? { ...value, extra: input.n % 4 } : value;
    },
    // Named cleanups (`Cleanup <id>`): found by name natively and, for every copy of a finally block, compiled.
    ...Object.fromEntries(Array.from({ length: 400 }, (_, id) => [`Cleanup ${id}`, (input: { n: number }) => ({ v: 10 + (input.n % 3) })])),
  };
}
