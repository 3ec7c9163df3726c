import { Project, ts, type CompilerOptions } from '../ts-morph.js';
import { HOST_GLOBALS_FILE, HOST_GLOBALS_SOURCE } from './host-globals.js';

/**
 * The TypeScript options of a compile without a tsconfig.
 *
 * @example
 * const project = new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS });
 */
export const DEFAULT_COMPILER_OPTIONS = {
  // ES2023 for the array methods the lowering supports (findLast, toSorted, with…); Node 20 has them natively.
  target: ts.ScriptTarget.ES2023,
  // Not the default lib of ES2023, which adds the DOM: see host-globals.ts for the globals that stay.
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * A project with the options of a compile without a tsconfig and the host
 * globals a workflow may use (`console`, `structuredClone`, timers).
 *
 * @example
 * const project = createDefaultProject();
 * project.addSourceFilesAtPaths(['src/workflows/*.ts']);
 * const { workflows } = await compile({ project });
 */
export function createDefaultProject(): Project {
  const project = new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS });
  project.createSourceFile(HOST_GLOBALS_FILE, HOST_GLOBALS_SOURCE);
  return project;
}

/**
 * An empty project with the given TypeScript options: for a host that has
 * its own options, such as an editor's tsserver project (`@typestep/ts-plugin`),
 * so it need not load ts-morph itself.
 *
 * @example
 * const project = createProject(info.project.getCompilerOptions());
 */
export function createProject(compilerOptions: CompilerOptions): Project {
  return new Project({ compilerOptions });
}
