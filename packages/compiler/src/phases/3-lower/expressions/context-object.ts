/**
 * The dsl's `context()` as JSONata over `$states.context`, read where the
 * carrying state runs (so `state.name` is that state's name): for
 * `const ctx = context();` and for `context()` anywhere in an expression
 * (`` `${context().execution.name}-${id}` ``).
 */
export const CONTEXT_OBJECT =
  "{'execution': {'id': $states.context.Execution.Id, 'name': $states.context.Execution.Name, 'startTime': $states.context.Execution.StartTime}, " +
  "'state': {'name': $states.context.State.Name, 'enteredTime': $states.context.State.EnteredTime, 'retryCount': $states.context.State.RetryCount}}";

