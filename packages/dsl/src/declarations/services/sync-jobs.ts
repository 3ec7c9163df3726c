import type { TaskOptions } from '../options.js';
import type { Task } from '../task.js';
import { serviceTask } from '../service-task.js';

/**
 * `.sync` jobs: the Task starts the job and waits until it ends; its result
 * is the job's final description. Natively (as in the runtime) a handler
 * returns that description, or a `job({ seconds, output | failure })` from
 * `@typestep/runtime` for a job that takes virtual time or fails; a job that
 * outlives `timeoutSeconds` fails with `States.Timeout`.
 */

/**
 * ECS RunTask's request (the fields Step Functions users set most).
 *
 * @example
 * const request: EcsRunTaskInput = { Cluster: '${ClusterArn}', TaskDefinition: 'resize:3', LaunchType: 'FARGATE' };
 */
export interface EcsRunTaskInput {
  Cluster?: string;
  TaskDefinition: string;
  LaunchType?: 'EC2' | 'FARGATE' | 'EXTERNAL';
  Count?: number;
  Group?: string;
  PlatformVersion?: string;
  NetworkConfiguration?: {
    AwsvpcConfiguration: { Subnets: string[]; SecurityGroups?: string[]; AssignPublicIp?: 'ENABLED' | 'DISABLED' };
  };
  Overrides?: {
    ContainerOverrides?: Array<{ Name: string; Command?: string[]; Environment?: Array<{ Name: string; Value: string }> }>;
    Cpu?: string;
    Memory?: string;
  };
  Tags?: Array<{ Key: string; Value: string }>;
}

/**
 * The stopped ECS task, as `ecs:runTask.sync` returns it.
 *
 * @example
 * const { StopCode, Containers } = await runResize({ TaskDefinition: 'resize:3' });
 */
export interface EcsTaskDescription {
  TaskArn?: string;
  LastStatus?: string;
  StopCode?: string;
  StoppedReason?: string;
  Containers?: Array<{ Name?: string; ExitCode?: number; Reason?: string; LastStatus?: string }>;
  [field: string]: unknown;
}

/**
 * Glue StartJobRun's request.
 *
 * @example
 * const request: GlueStartJobRunInput = { JobName: 'nightly-import', Arguments: { '--date': '2025-01-01' } };
 */
export interface GlueStartJobRunInput {
  JobName: string;
  Arguments?: Record<string, string>;
  Timeout?: number;
  WorkerType?: string;
  NumberOfWorkers?: number;
}

/**
 * The finished Glue job run, as `glue:startJobRun.sync` returns it.
 *
 * @example
 * const { JobRunState } = await runImport({ JobName: 'nightly-import' });
 */
export interface GlueJobRun {
  Id?: string;
  JobName?: string;
  JobRunState?: 'STARTING' | 'RUNNING' | 'STOPPING' | 'STOPPED' | 'SUCCEEDED' | 'FAILED' | 'TIMEOUT' | 'ERROR' | 'WAITING' | 'EXPIRED';
  ErrorMessage?: string;
  ExecutionTime?: number;
  [field: string]: unknown;
}

/**
 * Batch SubmitJob's request.
 *
 * @example
 * const request: BatchSubmitJobInput = { JobName: 'render', JobQueue: '${RenderQueueArn}', JobDefinition: 'render:7' };
 */
export interface BatchSubmitJobInput {
  JobName: string;
  JobQueue: string;
  JobDefinition: string;
  Parameters?: Record<string, string>;
  ArrayProperties?: { Size: number };
  ContainerOverrides?: { Command?: string[]; Environment?: Array<{ Name: string; Value: string }> };
  RetryStrategy?: { Attempts: number };
  Timeout?: { AttemptDurationSeconds: number };
}

/**
 * The finished Batch job, as `batch:submitJob.sync` returns it.
 *
 * @example
 * const { Status, StatusReason } = await render({ JobName: 'render', JobQueue, JobDefinition: 'render:7' });
 */
export interface BatchJobDescription {
  JobId?: string;
  JobName?: string;
  Status?: 'SUBMITTED' | 'PENDING' | 'RUNNABLE' | 'STARTING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  StatusReason?: string;
  [field: string]: unknown;
}

/**
 * SageMaker CreateTrainingJob's request (the required fields and the common ones).
 *
 * @example
 * const request: SageMakerCreateTrainingJobInput = {
 *   TrainingJobName: `churn-${date}`, RoleArn: '${TrainingRoleArn}',
 *   AlgorithmSpecification: { TrainingImage: '${ImageUri}', TrainingInputMode: 'File' },
 *   OutputDataConfig: { S3OutputPath: 's3://models/churn/' },
 *   ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 10 },
 *   StoppingCondition: { MaxRuntimeInSeconds: 3600 },
 * };
 */
export interface SageMakerCreateTrainingJobInput {
  TrainingJobName: string;
  RoleArn: string;
  AlgorithmSpecification: { TrainingImage?: string; AlgorithmName?: string; TrainingInputMode: 'File' | 'Pipe' | 'FastFile' };
  OutputDataConfig: { S3OutputPath: string; KmsKeyId?: string };
  ResourceConfig: { InstanceType: string; InstanceCount: number; VolumeSizeInGB: number };
  StoppingCondition: { MaxRuntimeInSeconds?: number; MaxWaitTimeInSeconds?: number };
  InputDataConfig?: Array<{ ChannelName: string; DataSource: { S3DataSource: { S3DataType: string; S3Uri: string } } }>;
  HyperParameters?: Record<string, string>;
  Tags?: Array<{ Key: string; Value: string }>;
}

/**
 * The finished training job, as `sagemaker:createTrainingJob.sync` returns it.
 *
 * @example
 * const { ModelArtifacts } = await train(request);
 */
export interface SageMakerTrainingJobDescription {
  TrainingJobName?: string;
  TrainingJobArn?: string;
  TrainingJobStatus?: 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';
  FailureReason?: string;
  ModelArtifacts?: { S3ModelArtifacts: string };
  [field: string]: unknown;
}

/**
 * Amazon ECS, `.sync` integration.
 *
 * @example
 * const resize = ecs.runTask({ timeoutSeconds: 900 });
 * const stopped = await resize({ Cluster: '${ClusterArn}', TaskDefinition: 'resize:3', LaunchType: 'FARGATE' });
 */
export const ecs = {
  /**
   * `arn:aws:states:::ecs:runTask.sync`: runs the task and waits until it stops.
   *
   * @example
   * const resize = ecs.runTask();
   * await resize({ TaskDefinition: 'resize:3' });
   */
  runTask(options?: TaskOptions): Task<EcsRunTaskInput, EcsTaskDescription> {
    return serviceTask('ecs', 'runTask', 'sync', options);
  },
};

/**
 * AWS Glue, `.sync` integration.
 *
 * @example
 * const runImport = glue.startJobRun({ name: 'Run import', timeoutSeconds: 7200 });
 * const { JobRunState } = await runImport({ JobName: 'nightly-import' });
 */
export const glue = {
  /**
   * `arn:aws:states:::glue:startJobRun.sync`: starts the job run and waits until it ends.
   *
   * @example
   * const runImport = glue.startJobRun();
   * await runImport({ JobName: 'nightly-import' });
   */
  startJobRun(options?: TaskOptions): Task<GlueStartJobRunInput, GlueJobRun> {
    return serviceTask('glue', 'startJobRun', 'sync', options);
  },
};

/**
 * AWS Batch, `.sync` integration.
 *
 * @example
 * const render = batch.submitJob();
 * const { Status } = await render({ JobName: 'render', JobQueue: '${RenderQueueArn}', JobDefinition: 'render:7' });
 */
export const batch = {
  /**
   * `arn:aws:states:::batch:submitJob.sync`: submits the job and waits until it ends.
   *
   * @example
   * const render = batch.submitJob();
   * await render({ JobName: 'render', JobQueue: '${RenderQueueArn}', JobDefinition: 'render:7' });
   */
  submitJob(options?: TaskOptions): Task<BatchSubmitJobInput, BatchJobDescription> {
    return serviceTask('batch', 'submitJob', 'sync', options);
  },
};

/**
 * Amazon SageMaker, `.sync` integration.
 *
 * @example
 * const train = sagemaker.createTrainingJob({ timeoutSeconds: 86400 });
 * const { ModelArtifacts } = await train(request);
 */
export const sagemaker = {
  /**
   * `arn:aws:states:::sagemaker:createTrainingJob.sync`: creates the training job and waits until it ends.
   *
   * @example
   * const train = sagemaker.createTrainingJob();
   * const { TrainingJobStatus } = await train(request);
   */
  createTrainingJob(options?: TaskOptions): Task<SageMakerCreateTrainingJobInput, SageMakerTrainingJobDescription> {
    return serviceTask('sagemaker', 'createTrainingJob', 'sync', options);
  },
};
