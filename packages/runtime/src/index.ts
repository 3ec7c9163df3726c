export { StateMachine, Execution, DefinitionError, MapRunNotFoundError } from './state-machine.js';
export type { MapRunUpdate } from './states/distributed-map/map-run-controls.js';
export type { ChildExecution, ChildExecutionRequest, ExecutionResult, MapRunChild, StateMachineOptions, StartOptions } from './state-machine.js';
export { HandlerRegistry } from './handlers.js';
export { SchemaChecks, describeProblems, handlersForTasks, INPUT_VALIDATION_ERROR, OUTPUT_VALIDATION_ERROR } from './schema-validation.js';
export type { MachineSchema, TaskTypes, TypedHandlerMap } from './schema-validation.js';
export type { TaskHandler, TaskContext, HandlerMap } from './handlers.js';
export { StatesError } from './errors.js';
export { copyJson } from './json-copy.js';
export { stringifyJson, MAX_JSON_DEPTH } from './json-value.js';
export { prepareRetrier, matchesError, retryDelayMs } from './execution/error-handling.js';
export type { PreparedRetrier } from './execution/error-handling.js';
export type { HistoryEvent } from './execution/history.js';
export { ReplayMismatchError } from './execution/recorded-history.js';
export { ReplayRefusedError, type ReplayRefusalCode } from './execution/replay-plan.js';
export { describeFailureOrigin, EventThreadTracker, eventThreads, failureOrigin } from './execution/history-threads.js';
export type { EventThread, FailureOrigin, SourceLocation } from './execution/history-threads.js';
export { errorOf, StateVisitTracker, type HistoryStateVisit } from './execution/history-visits.js';
export type { ExecutionIdentity } from './execution/execution-run.js';
export { validateDefinition, parseDefinitionText } from './validation/index.js';
export { describeJsonSyntaxError } from './validation/json-syntax-error.js';
export type { ValidationProblem } from './validation/index.js';
export type { MachineDefinition, StateDefinition, QueryLanguage, RetrierDefinition } from './definition.js';
export { job, Job } from './integrations/jobs.js';
export type { JobOptions, JobFailure } from './integrations/jobs.js';
export { MockConfigError, validateMockConfig, parseMockConfigText } from './mocks/index.js';
export type { MockConfig, MockedResponse, MockOptions, MockConfigProblem, MockConfigCode, ParsedMockConfig } from './mocks/index.js';
export { LocalS3, S3Error } from './integrations/local-s3.js';
export type { LocalS3Options, S3ObjectSummary, S3ObjectWriter } from './integrations/local-s3.js';
export { TaskService, defaultTaskService, sendTaskSuccess, sendTaskFailure, sendTaskHeartbeat, getActivityTask } from './integrations/task-service.js';
export { TaskServiceError } from './integrations/task-registry.js';
export type { TaskServiceErrorCode, ActivityTask, GetActivityTaskOptions } from './integrations/task-registry.js';
export type { WaitingTaskInfo } from './integrations/waiting-task.js';
export { serviceHandlerInput, serviceResult, serviceError } from './integrations/service-semantics.js';
// For typestep's native runs (@typestep/dsl), which time tasks out as the interpreter does; not AWS API.
export { raceIdleDeadline } from './integrations/idle-deadlines.js';
export { DEFAULT_TASK_TIMEOUT_SECONDS } from './integrations/waiting-task.js';
export { readObjectItemList } from './states/distributed-map/item-reader.js';
export {
  AWS_TARGET_PREFIX,
  AWS_ERROR_NAMESPACE,
  AwsApiError,
  BodyTooLarge,
  readAwsJsonBody,
  replyAwsJson,
  awsErrorBody,
  allowedHosts,
  watchDisconnect,
  closeHttpServer,
} from './integrations/aws-json-protocol.js';
