// Local stand-ins for the order workflow's Lambda functions and service calls.
// Keys are state names; typestep also accepts resource ARNs (with * wildcards).
let chargeAttempts = 0;

export default {
  // lambda:invoke hands the function its Payload; typestep wraps the result in Lambda's envelope.
  'Validate order': (order) => {
    if (!order.lines?.length) throw Object.assign(new Error('an order needs at least one line'), { name: 'Order.Empty' });
    return { valid: true };
  },
  // Other services get the whole request and answer with their response.
  'Reserve stock': (request) => ({ Attributes: { reserved: request.ExpressionAttributeValues[':lines'] } }),
  'Charge card': async ({ orderId, amount }) => {
    // The payment provider throttles the first call; the state's Retry absorbs it.
    if (chargeAttempts++ === 0) throw Object.assign(new Error('rate exceeded'), { name: 'Payment.Throttled' });
    if (amount > 5000) throw Object.assign(new Error('card limit exceeded'), { name: 'Payment.Declined' });
    return { chargeId: `ch_${orderId}`, amount };
  },
  'Pack line': ({ sku, quantity, position }) => ({ parcel: `${position}-${sku}`, items: quantity }),
  'Notify customer': () => ({ MessageId: 'local-1' }),
};
