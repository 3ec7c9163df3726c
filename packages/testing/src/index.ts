// @typestep/testing: test a workflow natively, compiled, or both with one typed handlers object.
export { testWorkflow, startWorkflow } from './test-workflow.js';
export type { TestOptions, TestMode, HandlersOf, AslMachine, RunningTest } from './test-workflow.js';
export { TestRun, comparableOutcome } from './test-run.js';
export type { Outcome, StateVisit, SourceLocation } from './test-run.js';
export { mock, taskError } from './mocks.js';
export type { TaskMock } from './mocks.js';
export type { TaskCall } from './task-calls.js';
export type { CallbackHandle } from './callbacks.js';
export { StateTestConfigError, testState } from './test-state.js';
export type { StateTestResult, StateTestOptions } from './test-state.js';
