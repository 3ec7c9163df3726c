import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget } from 'ts-morph';

/** A project with the compiler options workflows are written under (strict, NodeNext). */
export function fixtureProject(): Project {
  return new Project({
    compilerOptions: {
      strict: true,
      target: ScriptTarget.ES2022,
      module: ModuleKind.NodeNext,
      moduleResolution: ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: [],
    },
    skipAddingFilesFromTsConfig: true,
  });
}
