import { fileURLToPath } from 'node:url';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { expression, TypestepStateMachine } from '@typestep/cdk';
import type { Construct } from 'constructs';
import type { Order } from '../../typed-orders/workflow.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The typed-orders workflow deployed: its two Lambda functions, the receipts
 * topic, the state machine compiled from workflow.ts at synth time, and a
 * smoke-test machine that starts it with a typed input.
 */
export class OrdersStack extends Stack {
  readonly orders: TypestepStateMachine<Order>;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const handlerFunction = (name: string, dir: string) =>
      new lambda.Function(this, name, {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        // The .d.mts beside each handler types it for the test; it is not deployed.
        code: lambda.Code.fromAsset(here(dir), { exclude: ['*.d.mts'] }),
        timeout: Duration.seconds(10),
      });
    const receipts = new sns.Topic(this, 'Receipts');

    this.orders = new TypestepStateMachine<Order>(this, 'ProcessOrder', {
      workflow: here('../../typed-orders/workflow.ts'),
      placeholders: {
        PriceFunctionArn: handlerFunction('PriceOrder', '../lambda/price'),
        ChargeFunctionArn: handlerFunction('ChargeCard', '../lambda/charge'),
        ReceiptsTopicArn: receipts,
      },
      tracingEnabled: true,
    });

    // A second machine, built with CDK's own states, that runs ProcessOrder for a fixed test order.
    // Its input is checked against Order by the compiler: a missing field or a wrong type does not build.
    const start = this.orders.startExecutionTask(this, 'Run test order', {
      integrationPattern: sfn.IntegrationPattern.RUN_JOB,
      input: {
        id: expression<string>('{% "smoke-" & $states.context.Execution.Name %}'),
        customer: { email: 'orders-smoke-test@example.com' },
        items: [{ sku: 'tea', qty: 1, unitPrice: 4.5 }],
        shipping: { method: 'standard' },
      },
    });
    new sfn.StateMachine(this, 'SmokeTest', {
      queryLanguage: sfn.QueryLanguage.JSONATA,
      definitionBody: sfn.DefinitionBody.fromChainable(start),
    });
  }
}
