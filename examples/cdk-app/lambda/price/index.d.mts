// The types of index.mjs, for TypeScript callers (the test runs the handler locally).
export declare const handler: (request: { items: Array<{ sku: string; qty: number; unitPrice: number }> }) => Promise<{ total: number }>;
