// chargeCard: a stand-in payment provider that declines charges of 100 or more.
export const handler = async ({ orderId, amount }) => ({ chargeId: `ch-${orderId}`, approved: amount < 100 });
