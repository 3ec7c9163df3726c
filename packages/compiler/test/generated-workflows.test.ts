// Differential testing on generated workflows (see generated/program-source.ts for what they contain): each program is
// compiled, then run natively and in the runtime with the same handlers; output or error/cause must be identical.
// `npm run test:generated` (scripts/generated-workflows.mjs) runs any seed range over worker processes.
import { suite } from 'uvu';
import { ProgramChecker } from './generated/differential.js';

// `npm test` runs a handful; GENERATED_WORKFLOWS=300 GENERATED_FROM=1 explores more seeds.
const PROGRAMS = Number(process.env.GENERATED_WORKFLOWS ?? 12);
const FIRST = Number(process.env.GENERATED_FROM ?? 1);
// Programs that also read absent optional fields (the input's `bonus`, a result's `extra`): GENERATED_OPTIONAL=300 for more.
const OPTIONAL_PROGRAMS = Number(process.env.GENERATED_OPTIONAL ?? 6);

const s = suite('generated workflows');
const checker = new ProgramChecker();

const programs = [
  ...Array.from({ length: PROGRAMS }, (_, i) => checker.program(FIRST + i, { optional: false })),
  ...Array.from({ length: OPTIONAL_PROGRAMS }, (_, i) => checker.program(FIRST + i, { optional: true })),
];
for (const program of programs) s(`program ${program.name}`, () => checker.check(program));

s.run();
