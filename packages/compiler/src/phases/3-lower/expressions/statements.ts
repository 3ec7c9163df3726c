import { Node, SyntaxKind, VariableDeclarationKind, type CallExpression, type Expression, type Statement } from '../../../ts-morph.js';
import { bindPattern } from './bindings.js';
import { isChangedInPlace } from './aliasing.js';
import { reportThrowInCallback } from './callback-throws.js';
import { assignmentTarget, hoistMutations, lowerEffect } from './effects.js';
import { asksForIndex } from './iteration-index.js';
import { isLocalAsyncHelper } from './local-helpers.js';
import { lookupTableOf } from './lookup-tables.js';
import { lowerNode, type LowerContext } from './lower-context.js';
import { sequence } from './text.js';
import { lowerConditionNode } from './truthiness.js';
import { kindsOf, onlyKinds } from './value-kinds.js';

/**
 * Where control goes from the statement being lowered. Statements are lowered
 * in continuation-passing style: every statement's text ends by producing the
 * final value, so the code after an `if` or a loop becomes a lambda over the
 * variables that may have changed (`mutable`), called in tail position — JSONata
 * evaluates tail calls without growing the stack, so a loop of any length runs.
 */
export interface Flow {
  /** JSONata variables that may be reassigned and are in scope here, passed to every continuation. */
  mutable: string[];
  /** The text when control falls off the end of the current block. */
  end: string;
  breakTo?: string;
  continueTo?: string;
  /** How `return value` finishes; undefined where `return` is not allowed (an await-free run). */
  returnWith?: (value: string) => string;
  /** `break label` / `continue label` targets of the labeled statements around (none across a `for…of`'s $reduce). */
  labels?: Record<string, { breakTo: string; continueTo?: string }>;
}

/**
 * A function's block body as one JSONata expression giving its return value
 * (undefined when it falls off the end, as in JavaScript).
 */
export function lowerFunctionBody(statements: Statement[], ctx: LowerContext): string {
  return lowerBlock(statements, 0, { mutable: [], end: '()', returnWith: (value) => value }, ctx);
}

/** Lowers `statements[index…]` under `flow`. */
export function lowerBlock(statements: Statement[], index: number, flow: Flow, ctx: LowerContext): string {
  if (index >= statements.length) return flow.end;
  let statement = statements[index];
  // `outer: for …`: the statement's own targets are registered under its labels.
  const labels: string[] = [];
  while (Node.isLabeledStatement(statement)) {
    labels.push(statement.getLabel().getText());
    statement = statement.getStatement();
  }
  const labeled = (targets: { breakTo: string; continueTo?: string }, outer = flow.labels) => (labels.length ? { ...outer, ...Object.fromEntries(labels.map((name) => [name, targets])) } : outer);
  const last = index === statements.length - 1;
  const rest = (next: Flow) => lowerBlock(statements, index + 1, next, ctx);
  // The code after a branching statement, as a lambda unless it is only the end of the block.
  const continuation = () => {
    if (last) return { define: [] as string[], call: flow.end };
    const name = `$__k${ctx.temporary().slice(4)}`;
    const params = flow.mutable.join(', ');
    return { define: [`${name} := function(${params}){ ${rest(flow)} }`], call: `${name}(${params})` };
  };
  const block = (definitions: string[], body: string) => (definitions.length ? `(${definitions.join('; ')}; ${body})` : body);

  if (Node.isVariableStatement(statement)) return hoistMutations(statement, flow, ctx, (flow) => {
    const mutable = [...flow.mutable];
    const bindings: string[] = [];
    const isLet = statement.getDeclarationKind() !== VariableDeclarationKind.Const;
    for (const declaration of statement.getDeclarations()) {
      const initializer = declaration.getInitializer();
      // A local async helper is inlined at its calls (which report it when it cannot be): its declaration holds no value.
      if (initializer && isLocalAsyncHelper(initializer)) continue;
      // So is a table of tasks: a call through it is a Choice on the key, any other use is reported where it is read.
      if (lookupTableOf(declaration)) continue;
      const value = initializer ? lowerNode(initializer, ctx) : '()';
      const name = declaration.getNameNode();
      const outer = Node.isIdentifier(name) ? ctx.runVariable(name.getText(), statement) : undefined;
      if (outer) {
        bindings.push(`${outer} := ${value}`);
        continue;
      }
      bindings.push(...bindPattern(name, value, ctx, (node, local) => {
        // A destructured name the run assigns sets that variable.
        const assigned = ctx.runVariable(local, statement);
        if (assigned) return assigned;
        const variable = ctx.declareLocal(node, local);
        // A const changed in place (push, o.k = v) is rebound too.
        if (isLet || isChangedInPlace(node)) mutable.push(variable);
        return variable;
      }));
    }
    return sequence(bindings, rest({ ...flow, mutable }));
  });
  if (Node.isExpressionStatement(statement)) {
    return lowerEffect(statement.getExpression(), flow, rest, ctx);
  }
  if (Node.isEmptyStatement(statement)) return rest(flow);
  if (Node.isBlock(statement)) {
    const k = continuation();
    return block(k.define, lowerBlock(statement.getStatements(), 0, { ...flow, end: k.call, labels: labeled({ breakTo: k.call }) }, ctx));
  }
  // A change in place whose value the statement's head uses (`if (stack.pop() === '(')`) runs first.
  if (Node.isIfStatement(statement)) return hoistMutations(statement.getExpression(), flow, ctx, (flow) => {
    const k = continuation();
    const inner = { ...flow, end: k.call, labels: labeled({ breakTo: k.call }) };
    const condition = lowerConditionNode(statement.getExpression(), ctx);
    const then = lowerBranch(statement.getThenStatement(), inner, ctx);
    const otherwise = statement.getElseStatement();
    return block(k.define, `(${condition} ? ${then} : ${otherwise ? lowerBranch(otherwise, inner, ctx) : k.call})`);
  });
  if (Node.isReturnStatement(statement)) {
    if (!flow.returnWith) return unsupported(statement, ctx, 'a `return` would leave the workflow body; it becomes its own state');
    const expression = statement.getExpression();
    return expression ? hoistMutations(expression, flow, ctx, (flow) => flow.returnWith!(lowerNode(expression, ctx))) : flow.returnWith('()');
  }
  if (Node.isBreakStatement(statement) || Node.isContinueStatement(statement)) {
    const name = statement.getLabel()?.getText();
    const targets = name === undefined ? flow : flow.labels?.[name];
    if (name !== undefined && !targets) return unsupported(statement, ctx, 'its label is outside this run, or across a `for…of` (lowered as one $reduce)');
    const target = Node.isBreakStatement(statement) ? targets?.breakTo : targets?.continueTo;
    return target ?? unsupported(statement, ctx, 'it is not inside a loop of this run');
  }
  if (Node.isWhileStatement(statement) || Node.isDoStatement(statement)) {
    const k = continuation();
    const loop = loopName(ctx);
    const params = flow.mutable.join(', ');
    const call = `${loop}(${params})`;
    // The test runs before each round, with the changes in place it makes (`while (queue.shift() !== 0)`).
    const test = (then: string) => hoistMutations(statement.getExpression(), flow, ctx, () => `${lowerConditionNode(statement.getExpression(), ctx)} ? ${then} : ${k.call}`);
    if (Node.isWhileStatement(statement)) {
      const body = lowerBranch(statement.getStatement(), { ...flow, end: call, continueTo: call, breakTo: k.call, labels: labeled({ breakTo: k.call, continueTo: call }) }, ctx);
      return block([...k.define, `${loop} := function(${params}){ ${test(body)} }`], call);
    }
    const next = `(${test(call)})`;
    const body = lowerBranch(statement.getStatement(), { ...flow, end: next, continueTo: next, breakTo: k.call, labels: labeled({ breakTo: k.call, continueTo: next }) }, ctx);
    return block([...k.define, `${loop} := function(${params}){ ${body} }`], call);
  }
  if (Node.isForStatement(statement)) {
    const k = continuation();
    const loop = loopName(ctx);
    const mutable = [...flow.mutable];
    const init: string[] = [];
    const initializer = statement.getInitializer();
    if (initializer && Node.isVariableDeclarationList(initializer)) {
      for (const declaration of initializer.getDeclarations()) {
        const value = declaration.getInitializer() ? lowerNode(declaration.getInitializerOrThrow(), ctx) : '()';
        init.push(...bindPattern(declaration.getNameNode(), value, ctx, (node, local) => {
          const variable = ctx.declareLocal(node, local);
          mutable.push(variable);
          return variable;
        }));
      }
    }
    const params = mutable.join(', ');
    const call = `${loop}(${params})`;
    const inner: Flow = { ...flow, mutable };
    const incrementor = statement.getIncrementor();
    const next = incrementor ? lowerEffect(incrementor, inner, () => call, ctx) : call;
    const condition = statement.getCondition() ? lowerConditionNode(statement.getConditionOrThrow(), ctx) : 'true';
    const body = lowerBranch(statement.getStatement(), { ...inner, end: next, continueTo: next, breakTo: k.call, labels: labeled({ breakTo: k.call, continueTo: next }) }, ctx);
    const start = initializer && !Node.isVariableDeclarationList(initializer) ? lowerEffect(initializer, flow, () => call, ctx) : call;
    return `(${[...k.define, ...init, `${loop} := function(${params}){ ${condition} ? ${body} : ${k.call} }`].join('; ')}; ${start})`;
  }
  if (Node.isForOfStatement(statement) || Node.isForInStatement(statement)) {
    return hoistMutations(statement.getExpression(), flow, ctx, (flow) => lowerForOf(statement, flow, rest, labels, ctx));
  }
  if (Node.isSwitchStatement(statement)) return hoistMutations(statement.getExpression(), flow, ctx, (flow) => {
    const k = continuation();
    return lowerSwitch(statement, { ...flow, labels: labeled({ breakTo: k.call }) }, k, ctx);
  });
  if (Node.isFunctionDeclaration(statement)) return rest(flow);
  if (Node.isThrowStatement(statement) && statement.getFirstAncestor((node) => Node.isArrowFunction(node) || Node.isFunctionExpression(node))) return reportThrowInCallback(statement, ctx);
  return unsupported(statement, ctx, Node.isThrowStatement(statement) || Node.isTryStatement(statement) ? 'throw and try become states of their own' : '');
}

function loopName(ctx: LowerContext): string {
  return `$__loop${ctx.temporary().slice(4)}`;
}

/** A branch (a block or one statement) of an if or a loop. */
function lowerBranch(statement: Statement, flow: Flow, ctx: LowerContext): string {
  if (Node.isBlock(statement)) return lowerBlock(statement.getStatements(), 0, flow, ctx);
  return lowerBlock([statement], 0, flow, ctx);
}

function unsupported(statement: Node, ctx: LowerContext, reason: string): string {
  return ctx.report('expression_unsupported_statement', statement, { kind: statement.getKindName(), reason });
}

/**
 * `for (const x of xs)` as one $reduce over xs with the loop's variables in a
 * state record: $reduce walks the array in O(n), where indexing an array in
 * a recursive lambda would cost O(n) per item. `break` and `return` set a flag
 * that makes the remaining items pass the state through.
 */
function lowerForOf(statement: Node & (import('ts-morph').ForOfStatement | import('ts-morph').ForInStatement), flow: Flow, rest: (flow: Flow) => string, labels: string[], ctx: LowerContext): string {
  const iterated = statement.getExpression();
  const kinds = kindsOf(iterated);
  let items: string;
  if (Node.isForInStatement(statement)) {
    if (!onlyKinds(kinds, 'object')) return unsupported(statement, ctx, '`for…in` is supported over objects only');
    items = `[$keys(${lowerNode(iterated, ctx)})]`;
  } else if (onlyKinds(kinds, 'array')) items = lowerNode(iterated, ctx);
  else if (onlyKinds(kinds, 'string')) items = `[$split(${ctx.helper('bmp')}(${lowerNode(iterated, ctx)}), "")]`;
  else return unsupported(statement, ctx, 'only arrays and strings can be iterated');
  if (statement.isKind(SyntaxKind.ForOfStatement) && statement.isAwaited()) return unsupported(statement, ctx, '`for await` needs states');

  const state = ctx.temporary();
  const item = ctx.temporary();
  const initializer = statement.getInitializer();
  const binding: string[] = [];
  const changed: string[] = [];
  if (Node.isVariableDeclarationList(initializer)) {
    for (const declaration of initializer.getDeclarations()) {
      binding.push(...bindPattern(declaration.getNameNode(), item, ctx, (node, local) => {
        const variable = ctx.declareLocal(node, local);
        if (isChangedInPlace(node)) changed.push(variable);
        return variable;
      }));
    }
  } else {
    const target = assignmentTarget(initializer as Expression, flow, ctx);
    if (target) binding.push(`${target} := ${item}`);
  }
  const returns = statement.getFirstDescendantByKind(SyntaxKind.ReturnStatement) !== undefined && flow.returnWith !== undefined;
  // `xs.indexOf(x)` of this loop's own item is the round's index (iteration-index.ts): $reduce hands it over.
  const index = Node.isForOfStatement(statement) && asksForIndex(statement) ? ctx.temporary() : undefined;
  if (index) ctx.substitutions.set(statement, index);
  return reduceLoop(items, state, item, index, binding, changed, returns, labels, flow, rest, ctx, (inner) => lowerBranch(statement.getStatement(), inner, ctx));
}

/**
 * `xs.forEach((x, i) => { … })` without `await`: a loop over the array, like
 * `for…of`; a `return` in the callback ends that item, as `continue` would.
 */
export function lowerForEach(call: CallExpression, flow: Flow, rest: (flow: Flow) => string, ctx: LowerContext): string {
  const callback = call.getArguments()[0];
  if (!callback || !(Node.isArrowFunction(callback) || Node.isFunctionExpression(callback)) || call.getArguments().length > 1) {
    return ctx.report('expression_unsupported_call', call, { name: '.forEach', reason: 'pass the callback as an arrow function written in place' });
  }
  // An async callback was reported by the analysis (reportAsyncForEach).
  if (callback.isAsync()) return rest(flow);
  const receiver = call.getExpression() as import('ts-morph').PropertyAccessExpression;
  const state = ctx.temporary();
  const item = ctx.temporary();
  const index = ctx.temporary();
  const binding: string[] = [];
  const changed: string[] = [];
  const [first, second] = callback.getParameters();
  const declare = (node: Node, local: string) => {
    const variable = ctx.declareLocal(node, local);
    if (isChangedInPlace(node)) changed.push(variable);
    return variable;
  };
  if (first) binding.push(...bindPattern(first.getNameNode(), item, ctx, declare));
  if (second) binding.push(...bindPattern(second.getNameNode(), index, ctx, declare));
  const body = callback.getBody();
  return reduceLoop(lowerNode(receiver.getExpression(), ctx), state, item, index, binding, changed, false, [], flow, rest, ctx, (inner) => {
    const itemFlow = { ...inner, returnWith: () => inner.end };
    if (Node.isBlock(body)) return lowerBlock(body.getStatements(), 0, itemFlow, ctx);
    return lowerEffect(body as Expression, itemFlow, (f) => f.end, ctx);
  });
}

/**
 * A loop over `items` as one $reduce, the loop's variables in a state record:
 * $reduce walks the array in O(n), where indexing an array in a recursive
 * lambda would cost O(n) per item. `break` and `return` set a flag that makes
 * the remaining items pass the state through. `changed` are item variables the
 * body rebinds (changed in place); `labels` name this loop for labeled jumps.
 */
export function reduceLoop(items: string, state: string, item: string, index: string | undefined, binding: string[], changed: string[], returns: boolean, labels: string[], flow: Flow, rest: (flow: Flow) => string, ctx: LowerContext, lowerBody: (inner: Flow) => string): string {
  const record = (extra = '') => `{${[...flow.mutable.map((v) => `"${v.slice(1)}": ${v}`), extra].filter(Boolean).join(', ')}}`;
  const restore = (from: string) => flow.mutable.map((v) => `${v} := $lookup(${from}, "${v.slice(1)}")`);
  const body = lowerBody({
    mutable: [...flow.mutable, ...changed],
    end: record(),
    continueTo: record(),
    breakTo: record('"__done": true'),
    // Only this loop's own labels: a jump to an outer statement would have to leave the $reduce.
    labels: Object.fromEntries(labels.map((name) => [name, { breakTo: record('"__done": true'), continueTo: record() }])),
    returnWith: returns ? (value) => record(`"__done": true, "__return": true, "__value": ${value}`) : undefined,
  });
  const reducer = `function(${state}, ${item}${index ? `, ${index}` : ''}){ $lookup(${state}, "__done") ? ${state} : (${[...restore(state), ...binding].join('; ')}; ${body}) }`;
  const after = rest(flow);
  const finish = returns && flow.returnWith ? `($lookup(${state}, "__return") ? ${flow.returnWith(`$lookup(${state}, "__value")`)} : ${after})` : after;
  return `(${[`${state} := $reduce(${items}, ${reducer}, ${record()})`, ...restore(state)].join('; ')}; ${finish})`;
}

/** A switch: each clause a lambda that falls through to the next; the cases compare with ===. */
function lowerSwitch(statement: import('ts-morph').SwitchStatement, flow: Flow, k: { define: string[]; call: string }, ctx: LowerContext): string {
  const clauses = statement.getClauses();
  const discriminant = ctx.temporary();
  const subject = statement.getExpression();
  const subjectKinds = kindsOf(subject);
  if (!onlyKinds(subjectKinds, 'string', 'number', 'boolean', 'null', 'undefined')) {
    return unsupported(statement, ctx, 'switch compares with ===, which compares objects by reference');
  }
  const params = flow.mutable.join(', ');
  const names = clauses.map(() => `$__case${ctx.temporary().slice(4)}`);
  const definitions: string[] = [...k.define, `${discriminant} := ${lowerNode(subject, ctx)}`];
  for (let i = clauses.length - 1; i >= 0; i--) {
    const fallthrough = i + 1 < clauses.length ? `${names[i + 1]}(${params})` : k.call;
    const body = lowerBlock(clauses[i].getStatements(), 0, { ...flow, end: fallthrough, breakTo: k.call }, ctx);
    definitions.push(`${names[i]} := function(${params}){ ${body} }`);
  }
  const may = subjectKinds.has('undefined');
  let dispatch = k.call;
  const defaultIndex = clauses.findIndex((clause) => Node.isDefaultClause(clause));
  if (defaultIndex >= 0) dispatch = `${names[defaultIndex]}(${params})`;
  for (let i = clauses.length - 1; i >= 0; i--) {
    const clause = clauses[i];
    if (!Node.isCaseClause(clause)) continue;
    const test = lowerNode(clause.getExpression(), ctx);
    const equal = may ? `${ctx.helper('equal')}(${discriminant}, ${test})` : `(${discriminant} = ${test})`;
    dispatch = `(${equal} ? ${names[i]}(${params}) : ${dispatch})`;
  }
  return `(${definitions.join('; ')}; ${dispatch})`;
}

