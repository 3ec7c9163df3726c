/**
 * The catalog of compiler diagnostics: every code, with the text it prints.
 * Codes are stable strings that tools match on; the text may improve.
 * Each area keeps its own block, in alphabetical order within it.
 */
type Params = Record<string, string | number>;

export const messages = {
  // ── workflow discovery ──────────────────────────────────────────────
  task_declaration_invalid: (p: Params) => `This task declaration is rejected by @typestep/dsl: ${p.text}`,
  task_declaration_not_static: (p: Params) => `The arguments of \`${p.declaration}(…)\` must be known at compile time (literals, or consts of literals): they become fields of the ASL.`,
  workflow_name_duplicate: (p: Params) => `Two workflows are named \`${p.name}\`; state machine names (and output files) must be unique.`,
  workflow_name_not_static: () => 'A workflow name must be a string literal (it is the state machine\'s name and its file\'s).',
  workflow_not_async: () => 'A workflow body must be an async function (`workflow(name, async (input) => { … })`).',
  workflow_options_not_static: () => 'Workflow options must be an object literal of literals (they become fields of the definition).',
  workflow_parameters: () => 'A workflow body takes one parameter (the execution input) or none.',
  workflow_too_large: (p: Params) =>
    `This workflow's body is too large for TypeScript's type checker to follow (${p.statements} statements in one function ran it out of stack). Move parts of it into async helpers or nested workflows.`,

  // ── analysis and lowering ───────────────────────────────────────────
  await_in_condition: () => 'A `case` test cannot await (JavaScript evaluates the tests only until one matches): await the value into a `const` first, then test it.',
  await_in_declaration_list: () => 'Declare one variable per statement when its value is awaited (`const a = await f(); const b = …`).',
  closure_reads_reassigned: (p: Params) => `\`${p.fn}\` reads \`${p.name}\`, which is assigned again outside it: compiled, a local function sees the value \`${p.name}\` had when the function was made (JSONata binds values, not variables), while JavaScript reads the variable when it is called. Pass it as a parameter: \`${p.fn}(${p.name}, …)\`.`,
  call_options_not_static: (p: Params) => `Call options must be known at compile time (they become fields of the Task or Map state), but ${p.field ?? 'the value passed as options'} is computed at run time: write an object literal of constants, or choose between two with \`cond ? { … } : undefined\` (a Choice between two Task states). Only \`timeoutSeconds\` and \`heartbeatSeconds\` of a task call may be computed at run time.`,
  callback_input_not_function: () => 'A callback task is called with a function of the task token that returns the request: `cb((token) => ({ …, token }))`.',
  error_class_ambiguous: (p: Params) => `\`instanceof ${p.name}\` is decided by the error's name in the compiled workflow, and \`${p.other}\`, which does not extend \`${p.name}\`, also names its errors \`${p.error}\`; give each class its own name (\`super('…', message)\` or \`override name = '…'\`).`,
  error_class_unsupported: (p: Params) => `\`${p.name}\` cannot be compiled as an error class: ${p.why}. An error class names its errors and may carry fields set from its constructor's parameters: \`class ${p.name} extends Error { constructor(readonly sku: string) { super(\`no ${'${sku}'}\`); } }\` (or \`extends WorkflowError\`; a class may set \`this.name = '…'\` or \`override name = '…'\`); keep other data in the message.`,
  helper_not_awaited: (p: Params) => `\`${p.name}\` is an async helper: its tasks become states, which run where the call is awaited. Await the call where its value is needed: \`const ${p.result} = await ${p.call};\`.`,
  helper_recursion: (p: Params) => `\`${p.name}\` calls itself (${p.cycle}): ${p.kind} is inlined into the state graph at each call, so a recursive one would be infinite. Write the repetition as a loop.`,
  labeled_jump: () => 'This `break`/`continue` has no target here: it is outside any loop (or an async helper\'s loop), or `continue` names a label that is not a loop.',
  local_helper_not_inlined: (p: Params) => `\`${p.name}\` is an async helper declared inside the workflow. Such a helper is inlined at each call when it is never rebound and every local it closes over is a \`const\` (or a parameter never assigned) whose value is never changed in place; here ${p.reason}.`,
  map_s3_items_source: (p: Params) => `\`s3Items(…)\` takes an object literal \`{ bucket, key, inputType? }\`: ${p.why}.`,
  map_s3_items_outside_map: () => '`s3Items(…)` is read by a Distributed Map\'s ItemReader: pass it straight to `map(s3Items<Item>({ bucket, key }), async (item) => …)`; the workflow never holds the items as an array.',
  map_callback_not_function: () => 'A Map iteration is a function literal of the item: `map(items, async (item, index) => …)`, `Promise.all(items.map(async (item) => …))` or `Promise.all(items.map((item) => task(item)))`; a function passed by name cannot be inlined into the ItemProcessor.',
  function_outer_variable_assigned: (p: Params) => `\`${p.name}\` belongs to the workflow, outside this function: a function is lowered as a JSONata lambda, which cannot change the variables around it. Only the synchronous callbacks of \`forEach\`, \`filter\`, \`map\`, \`flatMap\`, \`some\`, \`every\`, \`find\`, \`findIndex\` and \`reduce\`, written in place, may (they become loops of the run; a \`sort\` comparator may not: JavaScript leaves the order of its calls to the engine). Return the new value instead.`,
  outer_variable_assigned: (p: Params) => `\`${p.name}\` belongs to the workflow, outside this callback: a Map iteration runs in its own variable scope and cannot assign the workflow's variables. Return a value and use the Map's result instead.`,
  parallel_not_task_list: () => '`Promise.all([...])` and `Promise.allSettled([...])` run one branch per element of an array literal: a task or workflow call, `sleep`, `map`, `Promise.all`, an async arrow called at once (`(async () => { … })()`) or a value. A spread, a hole, or an element that awaits inside a larger expression cannot be a branch: wrap it in `(async () => { … })()`.',
  throw_not_workflow_error: () => 'Only `throw new WorkflowError(name, cause?)`, `throw new Error(message?)`, `throw new` of an error class and re-throwing a caught error (`throw e`) can be compiled: an ASL failure is an error name and a cause.',
  task_in_function_value: (p: Params) => `\`${p.task}(…)\` is called inside a function kept as a value (\`${p.fn}\`) to be called later, in a way the compiler cannot follow: ASL variables hold data, not functions. Kept functions compile when they are pushed to a local list walked by \`for (const step of list) await step()\` (or \`list.reverse()\`), and every value they close over is a \`const\` that is not changed afterwards. Otherwise keep the task's input as data and await the task there: \`${p.list}.push(${p.request})\` … \`for (const request of ${p.list}) await ${p.task}(request)\`.`,
  task_table_unsupported: (p: Params) => `\`${p.callee}(…)\` calls a function looked up in a table. That compiles to a Choice on the key, one branch per entry, when the table is a \`const\` object literal of tasks or async helpers that is only ever called through (\`await table[key](input)\`) and the key is a name typed as a union of the table's keys; here ${p.reason}.`,
  unsupported_assignment_target: (p: Params) => `\`${p.text}\` cannot receive an awaited value; assign it to a local variable first.`,
  unsupported_await: (p: Params) => `\`await ${p.text}\` is not a task call, \`sleep\`/\`sleepUntil\`, \`map\`, \`Promise.all\` or a nested workflow: the compiler only knows how to wait for those.`,
  unsupported_binding_pattern: () => 'This pattern cannot receive the value here: a rest parameter of an async helper, or a default that reads a variable in a parameter or `for…of` pattern (defaults there may use constants only). Destructure in a separate statement.',
  unsupported_loop_update: () => 'This loop header is not supported: use `let i = …` declarations and `i++`, `i--`, `i += n`, `i = e` updates.',
  unsupported_statement: (p: Params) => `A ${p.kind} that awaits (or leaves the function) cannot be compiled.`,
  variable_name_unsupported: (p: Params) => `\`${p.name}\` cannot be an ASL variable name (letters, digits and underscores only); rename it.`,

  // ── schemas ─────────────────────────────────────────────────────────
  schema_bigint_type: (p: Params) => `\`${p.type}\` is a bigint, which JSON cannot carry (JSON.stringify throws on it); use \`number\` or a decimal \`string\`.`,
  schema_class_instance: (p: Params) => `\`${p.type}\` is a class instance with methods; JSON carries only its data, so the methods would be lost. Use an interface or type alias for the data.`,
  schema_date_type: (p: Params) => `\`${p.type}\` is a Date object, which JSON turns into a string; declare the field as \`string\` (an ISO 8601 timestamp) instead.`,
  schema_function_type: (p: Params) => `\`${p.type}\` is a function, which JSON cannot carry; an execution's input, output and task payloads are plain data.`,
  schema_non_json_type: (p: Params) => `\`${p.type}\` is not plain data (${p.reason}); JSON cannot carry it.`,
  schema_symbol_type: (p: Params) => `\`${p.type}\` is a symbol, which JSON cannot carry; use a string literal type.`,
  schema_task_types_unknown: (p: Params) => `The request and response types of task \`${p.task}\` are not known: give the declaration its type arguments (\`lambda<Request, Response>(…)\`).`,
  schema_type_parameter: (p: Params) => `\`${p.type}\` is a type parameter that is not instantiated here; a schema needs a concrete type.`,
  schema_unsupported_type: (p: Params) => `No JSON Schema for \`${p.type}\`: ${p.reason}.`,

  // ── expressions ─────────────────────────────────────────────────────
  expression_any_type: (p: Params) => `\`${p.text}\` has type \`${p.type}\`; the compiler picks JSONata by TypeScript type here (${p.why}), so give it a concrete type.`,
  expression_foreach_async: () => '`forEach` does not wait for an async callback (in JavaScript the workflow would go on before it finishes); use `for (const x of xs) { await … }`, or `await map(xs, async (x) => …)` to run the items in parallel.',
  expression_impure_helper: (p: Params) => `\`${p.name}\` cannot be inlined as JSONata: ${p.reason}.`,
  expression_loose_equality: (p: Params) => `\`${p.operator}\` between \`${p.left}\` and \`${p.right}\` may convert types as JavaScript does; use \`${p.strict}\`.`,
  expression_mutation: (p: Params) => `\`${p.text}\` changes a value in place; workflow values are immutable in ASL — build a new value (\`{ ...obj, key: v }\`, \`[...xs, x]\`) and assign it.`,
  promise_first_settled: (p: Params) => `\`Promise.${p.method}\` waits for the first of its promises to ${p.method === 'race' ? 'settle' : 'succeed'}; Step Functions has no such state: a Parallel ends when all its branches have, or one fails. Await them all (\`Promise.all\`, \`Promise.allSettled\`), or bound the slow task with \`timeoutSeconds\` and catch \`States.Timeout\`.`,
  expression_update_reordered: (p: Params) => `\`${p.text}\` cannot run before the expression that uses its value, where the compiler puts it: ${p.reason}.`,
  expression_mutation_aliased: (p: Params) => `\`${p.text}\` changes \`${p.name}\` in place, but \`${p.alias}\` (line ${p.line}:${p.column}) can reach the same value and is read after the change (or outlives the run); ASL values are copies, so it would not see the change. Make the copy explicit: \`${p.rewrite}\`.`,
  expression_reference_equality: (p: Params) => `\`${p.operator}\` compares objects or arrays by reference in JavaScript, which has no meaning for JSON values in ASL; compare fields, or \`JSON.stringify\` both sides.`,
  expression_nan_or_null: (p: Params) => `\`${p.text}\` may be NaN and may be null: a compiled NaN is null (JSON has no NaN; JSON.stringify writes it as null), so the two cannot be told apart here. Keep them in different variables, or test first: \`Number.isNaN(n) ? fallback : n\`.`,
  expression_not_json: (p: Params) => `\`${p.text}\` holds a ${p.kind}, which is not JSON: ${p.reason}.`,
  expression_unknown_identifier: (p: Params) => `\`${p.name}\` is neither a workflow value nor a local of this expression.`,
  expression_unsupported_call: (p: Params) => `\`${p.name}\` has no JSONata lowering${p.reason ? `: ${p.reason}` : ''}.`,
  expression_unsupported_operator: (p: Params) => `The operator \`${p.operator}\` is not supported in workflow expressions${p.reason ? `: ${p.reason}` : ''}.`,
  throw_in_callback: (p: Params) => `\`${p.text}\` can throw, but it stands in ${p.where}, which is lowered to a JSONata lambda: a lambda cannot fail the workflow or reach a \`catch\`. A \`throw\`, or a call of a plain helper that may throw, becomes states only in the workflow's body, in an async helper, in a plain helper called from those, or in a Map iteration. Rewrite it as a loop: \`${p.rewrite}\`.`,
  expression_unsupported_statement: (p: Params) => `A ${p.kind} cannot be part of an await-free run lowered to JSONata${p.reason ? `: ${p.reason}` : ''}.`,
  unsupported_expression: (p: Params) => `A ${p.kind} has no JSONata lowering${p.reason ? `: ${p.reason}` : ''}.`,

  // ── TypeScript itself ───────────────────────────────────────────────
  type_error: (p: Params) => `TypeScript reports: ${p.text}`,
} satisfies Record<string, (params: Params) => string>;

export type DiagnosticCode = keyof typeof messages;
