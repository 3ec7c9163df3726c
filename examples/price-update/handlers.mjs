// Local stand-ins for the product table and the pricing team's topic, keyed by task name (the
// exports of workflow.ts).
export default {
  setPrice: ({ Key, ExpressionAttributeValues }) => {
    console.error(`${Key.sku.S}: ${ExpressionAttributeValues[':cents'].N} cents`);
    return {};
  },
  notifyPricing: ({ Message }) => {
    console.error(Message);
    return { MessageId: 'local-1' };
  },
};
