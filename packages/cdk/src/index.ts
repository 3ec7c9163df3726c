export { TypestepStateMachine, type TypestepStateMachineProps, type TypedStartExecutionProps } from './typestep-state-machine.js';
export type { DefinitionSourceProps } from './definition-source.js';
export type { PlaceholderValue } from './placeholder-value.js';
export { expression, type Expression, type TypedInput } from './typed-input.js';
