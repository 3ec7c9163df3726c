import type { ts } from 'ts-morph';
import { createLanguageServiceProxy } from './language-service-proxy.js';
import { loadCheckerModules } from './load-modules.js';
import { WorkflowChecker } from './workflow-checker.js';

/**
 * The plugin's factory, as tsserver loads it: tsserver `require`s the
 * package and calls its export (which must be the function itself, hence
 * `export =` rather than a named export) with the TypeScript it runs. The
 * plugin never loads `typescript` itself: it works with the editor's (its
 * types are the TypeScript 6 declarations ts-morph ships).
 *
 * Enable it in `tsconfig.json`:
 * @example
 * { "compilerOptions": { "plugins": [{ "name": "@typestep/ts-plugin" }] } }
 */
function init(modules: { typescript: typeof ts }): ts.server.PluginModule {
  const typescript = modules.typescript;
  const plugin: ts.server.PluginModule = {
    create(info) {
      const log = (message: string) => info.project.projectService.logger.info(message);
      try {
        const checker = new WorkflowChecker(info.languageServiceHost, () => info.project.getCompilerOptions(), loadCheckerModules, {
          // For the tests of the editor's side of a crash: a file whose path contains this makes the check throw.
          crashOn: process.env.TYPESTEP_TS_PLUGIN_SIMULATE_CRASH || undefined,
        });
        log(`typestep: plugin enabled for ${info.project.getProjectName()} (TypeScript ${typescript.version})`);
        return createLanguageServiceProxy({ languageService: info.languageService, typescript, checker, log });
      } catch (error) {
        log(`typestep: plugin not enabled for ${info.project.getProjectName()}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return info.languageService;
      }
    },
  };
  return plugin;
}

export = init;
