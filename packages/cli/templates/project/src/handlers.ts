// Local stand-ins for the workflow's Lambda functions, keyed by task name and typed by the tasks.
// `npm start` runs the compiled workflow with them: typestep run … --handlers src/handlers.ts
import type { HandlersOf } from '@typestep/testing';
import type * as orders from './workflow.js';

const PRICES: Record<string, number> = { mug: 8, tea: 4 };

export const handlers: HandlersOf<typeof orders> = {
  reserveStock: ({ items }) => ({
    reserved: items.every((item) => item.sku in PRICES),
    total: items.reduce((sum, item) => sum + (PRICES[item.sku] ?? 0) * item.qty, 0),
  }),
  chargeCard: ({ orderId }) => ({ chargeId: `ch-${orderId}` }),
  shipOrder: ({ orderId }) => ({ trackingId: `track-${orderId}` }),
};

export default handlers;
