/**
 * The keys a child machine given as `--state-machine KEY=FILE` is found
 * under, and its state machine name. A parent names its child in
 * `StateMachineArn` as a full ARN, a `${Placeholder}` or a bare name; a
 * workflow compiled from @typestep/dsl writes `${<Name>StateMachineArn}`.
 * So KEY may be any of those:
 * - an ARN `…:stateMachine:Child`: found under it, under `Child` (by the runtime) and under `${ChildStateMachineArn}`; named `Child`;
 * - `${ChildStateMachineArn}`: found under it; named `Child`;
 * - `Child`: found under it and under `${ChildStateMachineArn}`; named `Child`.
 *
 * @example
 * childMachineKeys('Notify') // { name: 'Notify', keys: ['Notify', '${NotifyStateMachineArn}'] }
 */
export function childMachineKeys(key: string): { name: string; keys: string[] } {
  if (key.startsWith('arn:')) {
    const name = key.split(':').pop()!;
    return { name, keys: [key, `\${${name}StateMachineArn}`] };
  }
  const placeholder = /^\$\{(.+)\}$/.exec(key)?.[1];
  if (placeholder !== undefined) return { name: placeholder.replace(/(.)StateMachineArn$/, '$1'), keys: [key] };
  return { name: key, keys: [key, `\${${key}StateMachineArn}`] };
}
