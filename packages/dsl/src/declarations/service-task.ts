import type { TaskOptions } from './options.js';
import { declareTask, type Task } from './task.js';

/** An optimized integration's task: `arn:aws:states:::<service>:<action>[.sync]`. */
export function serviceTask<In, Out>(service: string, action: string, pattern: 'request-response' | 'sync', options: TaskOptions | undefined): Task<In, Out> {
  const suffix = pattern === 'sync' ? '.sync' : '';
  return declareTask<In, Out>(
    { kind: 'service', resource: `arn:aws:states:::${service}:${action}${suffix}`, pattern, service, action },
    options,
    `${service}.${action}()`,
  );
}
