import vm from 'node:vm';

/**
 * Limits on one JSONata evaluation, so that no expression can keep an
 * execution from ending: a function that recurses forever, a tail-recursive
 * loop, or a regular expression that backtracks catastrophically. Past a
 * limit the evaluation fails with States.QueryEvaluationError, which Retry
 * and Catch see like any other evaluation error. The numbers may be changed
 * (tests lower `steps` to reach it quickly).
 */
export const JSONATA_LIMITS = {
  /** Expression nodes evaluated in one evaluation (a compiled loop of 100,000 iterations takes a few million). */
  steps: 10_000_000,
  /** Nesting of expression nodes (each function call adds its body's depth). */
  depth: 10_000,
  /** Milliseconds one regular-expression match may run. */
  regexMilliseconds: 1_000,
};

/** Raised inside JSONata when a limit is passed; turned into the evaluation's error. */
export class BudgetExceeded extends Error {}

/** Counts one evaluation's steps and depth. */
export class EvaluationBudget {
  steps = 0;
  depth = 0;
}

/** The binding that carries an evaluation's budget: a name no expression can spell (`$` names have no spaces). */
export const BUDGET_BINDING = 'typestep evaluation budget';
const CACHED = Symbol('typestep budget');

type Frame = { lookup(name: string | symbol): unknown; [CACHED]?: EvaluationBudget };

/** JSONata's evaluator hooks (`jsonata.__evaluate_entry` and friends) that enforce the budget. */
export const BUDGET_HOOKS: ReadonlyArray<[symbol, (...args: any[]) => void]> = [
  [
    Symbol.for('jsonata.__evaluate_entry'),
    (_expr: unknown, _input: unknown, frame: Frame) => {
      const budget = budgetOf(frame);
      if (!budget) return;
      if (++budget.steps > JSONATA_LIMITS.steps) {
        throw new BudgetExceeded(`The evaluation took more than ${JSONATA_LIMITS.steps} steps.`);
      }
      if (++budget.depth > JSONATA_LIMITS.depth) {
        throw new BudgetExceeded(`The evaluation nested deeper than ${JSONATA_LIMITS.depth} levels (a function that never stops calling itself?).`);
      }
    },
  ],
  [
    Symbol.for('jsonata.__evaluate_exit'),
    (_expr: unknown, _input: unknown, frame: Frame) => {
      const budget = budgetOf(frame);
      if (budget) budget.depth--;
    },
  ],
  [
    // A function call's frame inherits the budget, so finding it never walks the frame chain.
    Symbol.for('jsonata.__createFrame_push'),
    (enclosing: Frame, frame: Frame) => {
      if (enclosing[CACHED]) frame[CACHED] = enclosing[CACHED];
    },
  ],
];

function budgetOf(frame: Frame): EvaluationBudget | undefined {
  return (frame[CACHED] ??= frame.lookup(BUDGET_BINDING) as EvaluationBudget | undefined);
}

const regexContext = vm.createContext({ pattern: null as RegExp | null, text: '' });
const execScript = new vm.Script('pattern.exec(text)');

/**
 * The regular-expression engine JSONata is given: a RegExp whose matching
 * runs under a time limit. A backtracking RegExp cannot be stopped from the
 * same thread otherwise; V8 interrupts a script run with a timeout.
 */
export class BudgetedRegExp {
  private readonly pattern: RegExp;

  constructor(pattern: RegExp) {
    this.pattern = new RegExp(pattern.source, pattern.flags);
  }

  get lastIndex(): number {
    return this.pattern.lastIndex;
  }

  set lastIndex(value: number) {
    this.pattern.lastIndex = value;
  }

  exec(text: string): RegExpExecArray | null {
    regexContext.pattern = this.pattern;
    regexContext.text = text;
    try {
      return execScript.runInContext(regexContext, { timeout: JSONATA_LIMITS.regexMilliseconds }) as RegExpExecArray | null;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        throw new BudgetExceeded(
          `The regular expression /${this.pattern.source}/ ran longer than ${JSONATA_LIMITS.regexMilliseconds} ms (catastrophic backtracking?).`,
        );
      }
      throw error;
    } finally {
      regexContext.pattern = null;
      regexContext.text = '';
    }
  }
}
