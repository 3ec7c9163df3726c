import { StateMachine, type HandlerMap } from '../src/index.js';

/**
 * Definitions the resume tests run to completion, then resume from every
 * prefix of their history. Each has handlers built fresh per run (they count
 * their calls) and an input.
 */
export interface ResumeCase {
  name: string;
  definition: object;
  input: unknown;
  /** Handlers whose calls the history does not show (a Distributed Map's children): not counted. */
  uncounted?: string[];
  /** Handlers by state name; `calls` counts calls per state. */
  handlers(calls: Map<string, number>): HandlerMap;
  /** Child state machines that `states:startExecution` tasks start. */
  children?(calls: Map<string, number>): StateMachine[];
}

const count = (calls: Map<string, number>, name: string) => {
  const n = (calls.get(name) ?? 0) + 1;
  calls.set(name, n);
  return n;
};

export const resumeCases: ResumeCase[] = [
  {
    name: 'Task with Retry and Catch',
    input: { order: 7 },
    definition: {
      StartAt: 'Reserve',
      States: {
        Reserve: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:reserve', ResultPath: '$.reserved', Next: 'Charge' },
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
          Retry: [{ ErrorEquals: ['Flaky'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2, JitterStrategy: 'FULL' }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }],
          Next: 'Done',
        },
        Recover: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'recover' }, Next: 'Done' },
        Done: { Type: 'Succeed' },
      },
    },
    handlers: (calls) => ({
      Reserve: () => (count(calls, 'Reserve'), { id: 1 }),
      Charge: async (_input, context) => {
        count(calls, 'Charge');
        await context.sleep(1);
        if ((context.context.State as { RetryCount: number }).RetryCount <= 1) throw Object.assign(new Error('try again'), { name: 'Flaky' });
        throw Object.assign(new Error('card declined'), { name: 'Declined' });
      },
      Recover: () => (count(calls, 'Recover'), { recovered: true }),
    }),
  },
  {
    name: 'Wait and Choice loop',
    input: { n: 0 },
    definition: {
      StartAt: 'Step',
      States: {
        Step: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:step', Next: 'Pause' },
        Pause: { Type: 'Wait', Seconds: 30, Next: 'More?' },
        'More?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: 3, Next: 'Step' }], Default: 'End' },
        End: { Type: 'Pass', End: true },
      },
    },
    handlers: (calls) => ({ Step: (input) => (count(calls, 'Step'), { n: (input as { n: number }).n + 1 }) }),
  },
  {
    name: 'Parallel branches',
    input: { x: 2 },
    definition: {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Left', States: { Left: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:left', End: true } } },
            {
              StartAt: 'RightWait',
              States: {
                RightWait: { Type: 'Wait', Seconds: 5, Next: 'Right' },
                Right: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:right', End: true },
              },
            },
          ],
          Next: 'Sum',
        },
        Sum: { Type: 'Pass', Parameters: { 'left.$': '$[0]', 'right.$': '$[1]' }, End: true },
      },
    },
    handlers: (calls) => ({
      Left: async (_input, context) => {
        await context.sleep(3);
        count(calls, 'Left');
        return { left: 1 };
      },
      Right: async (_input, context) => {
        await context.sleep(1);
        count(calls, 'Right');
        return { right: 2 };
      },
    }),
  },
  {
    name: 'inline Map with MaxConcurrency',
    input: { items: [1, 2, 3, 4, 5] },
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 2,
          ItemProcessor: {
            StartAt: 'Square',
            States: {
              Square: {
                Type: 'Task',
                Resource: 'arn:aws:lambda:us-east-1:123456789012:function:square',
                Retry: [{ ErrorEquals: ['Odd'], IntervalSeconds: 1, MaxAttempts: 1 }],
                End: true,
              },
            },
          },
          End: true,
        },
      },
    },
    handlers: (calls) => ({
      Square: async (input, context) => {
        const n = input as number;
        count(calls, 'Square');
        await context.sleep(n % 3);
        if (n === 3 && (context.context.State as { RetryCount: number }).RetryCount === 0) throw Object.assign(new Error('odd'), { name: 'Odd' });
        return n * n;
      },
    }),
  },
  {
    name: 'Distributed Map',
    uncounted: ['Work'],
    input: { items: [{ v: 1 }, { v: 2 }, { v: 3 }] },
    definition: {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Work',
            States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work', End: true } },
          },
          Next: 'After',
        },
        After: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:after', End: true },
      },
    },
    handlers: (calls) => ({
      Work: (input) => (count(calls, 'Work'), { doubled: (input as { v: number }).v * 2 }),
      After: (input) => (count(calls, 'After'), { total: (input as unknown[]).length }),
    }),
  },
  {
    name: 'JSONata with Assign',
    input: { price: 10 },
    definition: {
      QueryLanguage: 'JSONata',
      StartAt: 'Quote',
      States: {
        Quote: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:quote',
          Arguments: { price: '{% $states.input.price %}' },
          Assign: { quoted: '{% $states.result.quote %}', id: '{% $uuid() %}' },
          Output: '{% $states.input %}',
          Next: 'Wait',
        },
        Wait: { Type: 'Wait', Seconds: '{% $quoted %}', Next: 'Total' },
        Total: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:total',
          Arguments: { quoted: '{% $quoted %}', id: '{% $id %}', at: '{% $states.context.State.EnteredTime %}' },
          Output: '{% $merge([$states.result, { "random": $random() < 2 }]) %}',
          End: true,
        },
      },
    },
    handlers: (calls) => ({
      Quote: (input) => (count(calls, 'Quote'), { quote: (input as { price: number }).price * 3 }),
      Total: (input) => (count(calls, 'Total'), { ...(input as object) }),
    }),
  },
  {
    name: 'JSONPath data flow with intrinsics',
    input: { a: { b: [1, 2, 3] } },
    definition: {
      StartAt: 'Shape',
      States: {
        Shape: {
          Type: 'Pass',
          Parameters: { 'sum.$': 'States.MathAdd(1, 2)', 'id.$': 'States.UUID()', 'list.$': '$.a.b', 'start.$': '$$.Execution.StartTime' },
          ResultPath: '$.shaped',
          Next: 'Call',
        },
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish',
          Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', 'Message.$': '$.shaped.id' },
          ResultSelector: { 'id.$': '$.MessageId' },
          ResultPath: '$.published',
          OutputPath: '$.published',
          End: true,
        },
      },
    },
    handlers: (calls) => ({ Call: () => (count(calls, 'Call'), {}) }),
  },

  {
    name: 'child execution (startExecution.sync:2)',
    input: { order: 5 },
    uncounted: ['Pack'],
    definition: {
      StartAt: 'Before',
      States: {
        Before: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:before', ResultPath: null, Next: 'Child' },
        Child: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: {
            StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:packer',
            'Input.$': '$',
            'Name.$': "States.Format('{}-pack', $$.Execution.Name)",
          },
          ResultSelector: { 'packed.$': '$.Output' },
          End: true,
        },
      },
    },
    handlers: (calls) => ({ Before: () => (count(calls, 'Before'), {}) }),
    children: (calls) => [
      new StateMachine(
        {
          StartAt: 'Pack',
          States: {
            Pause: { Type: 'Wait', Seconds: 60, End: true },
            Pack: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:pack', Next: 'Pause' },
          },
        },
        { name: 'packer', handlers: { Pack: (input) => (count(calls, 'Pack'), { box: input }) } },
      ),
    ],
  },
];
