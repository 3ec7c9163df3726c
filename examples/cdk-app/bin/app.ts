// The CDK app: `npx cdk synth` from this folder (cdk.json runs this file through tsx).
import { App } from 'aws-cdk-lib';
import { OrdersStack } from '../lib/orders-stack.js';

const app = new App();
// No env: the stack is environment-agnostic, so synth needs no account lookups and no credentials.
new OrdersStack(app, 'TypedOrders');
app.synth();
