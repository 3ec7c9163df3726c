import type { CommandModule } from 'yargs';
export function initCommand(setExit: (code: number) => void): CommandModule<object, { dir: string }> {
  return { command: 'init [dir]', describe: 'x', handler: () => setExit(0) };
}
