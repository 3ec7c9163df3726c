import { dynamodb, lambda, workflow } from '@typestep/dsl';

interface ReservationRequest { orderId: string; warehouse: string; items: { sku: string; qty: number }[] }

class OutOfStock extends Error {
  constructor(readonly sku: string, readonly available: number) {
    super(`${sku}: only ${available} left`);
  }
}

const getStock = dynamodb.getItem({ name: 'Read stock level' });
const decrementStock = dynamodb.updateItem({ name: 'Decrement stock' });
const restoreStock = lambda<{ warehouse: string; sku: string; qty: number }, void>('${RestoreStockArn}');

export const reserveInventory = workflow('ReserveInventory', async (req: ReservationRequest) => {
  const reserved: { sku: string; qty: number }[] = [];
  try {
    for (const { sku, qty } of req.items) {
      const { Item } = await getStock({ TableName: '${StockTable}', Key: { warehouse: { S: req.warehouse }, sku: { S: sku } } });
      const available = Item && 'N' in Item.onHand ? Number(Item.onHand.N) : 0;
      if (available < qty) throw new OutOfStock(sku, available);
      await decrementStock({
        TableName: '${StockTable}',
        Key: { warehouse: { S: req.warehouse }, sku: { S: sku } },
        UpdateExpression: 'SET onHand = onHand - :qty',
        ConditionExpression: 'onHand >= :qty',
        ExpressionAttributeValues: { ':qty': { N: `${qty}` } },
      });
      reserved.push({ sku, qty });
    }
    return { orderId: req.orderId, status: 'RESERVED', lines: reserved.length };
  } catch (error) {
    for (const line of reserved) await restoreStock({ warehouse: req.warehouse, ...line });
    if (error instanceof OutOfStock) {
      return { orderId: req.orderId, status: 'BACKORDERED', sku: error.sku, available: error.available, rolledBack: reserved.length };
    }
    throw error;
  }
});
