// Local stand-ins for the shop's Lambda functions, the inventory table and the orders topic, keyed by
// task name (the exports of workflow.ts); `typestep run --schema FulfilOrder.schema.json` maps each
// name to its task's resource.
let chargeAttempts = 0;

export default {
  validateOrder: (order) => {
    if (order.lines.length === 0) throw Object.assign(new Error('an order needs at least one line'), { name: 'Order.Empty' });
    return { valid: true };
  },
  reserveStock: (request) => ({ Attributes: { reserved: request.ExpressionAttributeValues[':skus'] } }),
  chargeCard: ({ orderId, amount }) => {
    // The payment provider throttles the first call; the task's retry absorbs it.
    if (chargeAttempts++ === 0) throw Object.assign(new Error('rate exceeded'), { name: 'Payment.Throttled' });
    if (amount > 5000) throw Object.assign(new Error('card limit exceeded'), { name: 'Payment.Declined' });
    return { chargeId: `ch_${orderId}`, amount };
  },
  packLine: ({ sku, quantity, position }) => ({ parcel: `${position}-${sku}`, items: quantity }),
  notifyCustomer: ({ Message }) => {
    console.error(Message);
    return { MessageId: 'local-1' };
  },
};
