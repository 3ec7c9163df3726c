import { Project, loadTypeScript, type CompilerOptions, type ModuleKind, type ModuleResolutionKind, type ScriptTarget } from '../ts-morph.js';
import { HOST_GLOBALS_FILE, HOST_GLOBALS_SOURCE } from './host-globals.js';

/**
 * The TypeScript options of a compile without a tsconfig.
 *
 * @example
 * const project = new Project({ compilerOptions: DEFAULT_COMPILER_OPTIONS });
 */
export const DEFAULT_COMPILER_OPTIONS = {
  // TypeScript's enum values are written out, so reading these options loads no TypeScript (program.test.ts compares them).
  // ES2023 for the array methods the lowering supports (findLast, toSorted, with…); Node 20 has them natively.
  target: 10 satisfies ScriptTarget.ES2023 as ScriptTarget,
  // Not the default lib of ES2023, which adds the DOM: see host-globals.ts for the globals that stay.
  lib: ['lib.es2023.d.ts'],
  module: 199 satisfies ModuleKind.NodeNext as ModuleKind,
  moduleResolution: 99 satisfies ModuleResolutionKind.NodeNext as ModuleResolutionKind,
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
  loadTypeScript();
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
  loadTypeScript();
  return new Project({ compilerOptions });
}
