// The types of index.mjs, for TypeScript callers (the test runs the handler locally).
export declare const handler: (request: { orderId: string; amount: number }) => Promise<{ chargeId: string; approved: boolean }>;
