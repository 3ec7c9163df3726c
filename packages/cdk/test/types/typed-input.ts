// Type-level test (typed-input.test.ts runs tsc on this folder): what a typed start-execution input
// accepts. Each @ts-expect-error line must fail to type-check; an unused one is itself an error.
import { App, Stack } from 'aws-cdk-lib';
import { expression, TypestepStateMachine, type TypedInput } from '@typestep/cdk';

interface Order {
  id: string;
  items: { sku: string; qty: number }[];
  shipping: { method: 'standard' } | { method: 'pickup'; pointId: string };
  note?: string;
}

const stack = new Stack(new App(), 'Types');
const orders = new TypestepStateMachine<Order>(stack, 'Orders', { definition: {} });

// Values, expressions in place of any part, and the whole input as one expression.
orders.taskInput({ id: 'o-1', items: [{ sku: 'tea', qty: 2 }], shipping: { method: 'standard' } });
orders.taskInput({ id: expression<string>('{% $id %}'), items: expression<Order['items']>('{% $items %}'), shipping: { method: 'pickup', pointId: 'P-7' } });
orders.taskInput({ id: 'o-1', items: [{ sku: 'tea', qty: expression<number>('{% $qty %}') }], shipping: { method: 'standard' }, note: 'gift' });
orders.taskInput(expression<Order>('{% $states.input.order %}'));
orders.startExecutionTask(stack, 'Start', { input: { id: 'o-1', items: [], shipping: { method: 'standard' } } });

// @ts-expect-error a required field is missing
orders.taskInput({ id: 'o-1', shipping: { method: 'standard' } });
// @ts-expect-error a field of the wrong type
orders.taskInput({ id: 1, items: [], shipping: { method: 'standard' } });
// @ts-expect-error an expression of the wrong type
orders.taskInput({ id: expression<number>('{% 1 %}'), items: [], shipping: { method: 'standard' } });
// @ts-expect-error a plain string is not an expression of a number
orders.taskInput({ id: 'o-1', items: [{ sku: 'tea', qty: '{% $qty %}' }], shipping: { method: 'standard' } });
// @ts-expect-error the union's other member needs pointId
orders.taskInput({ id: 'o-1', items: [], shipping: { method: 'pickup' } });
// @ts-expect-error a field the input does not have
orders.startExecutionTask(stack, 'Start again', { input: { id: 'o-1', items: [], shipping: { method: 'standard' }, rush: true } });

// TypedInput is usable on its own, e.g. to build an input in a helper.
const input: TypedInput<Order> = { id: 'o-2', items: [], shipping: { method: 'standard' } };
orders.taskInput(input);
