// Runs the CDK example app's test (examples/ is not under packages/*/test).
import '../../../examples/cdk-app/cdk-app.test.js';
