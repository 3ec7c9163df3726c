// Local stand-ins for the shop's Lambda functions and the receipts topic, keyed by task name
// (the `const` in workflow.ts); `typestep run --schema ProcessOrder.schema.json` maps each name to
// its task's resource. The README's main command runs the compiled workflow with them.
export default {
  priceOrder: ({ items }) => ({ total: items.reduce((sum, item) => sum + item.qty * item.unitPrice, 0) }),
  chargeCard: ({ orderId, amount }) => ({ chargeId: `ch-${orderId}`, approved: amount < 100 }),
  sendReceipt: ({ Message }) => {
    console.error(`receipt for ${Message.email}: ${Message.total}`);
    return { MessageId: 'm-1' };
  },
};
