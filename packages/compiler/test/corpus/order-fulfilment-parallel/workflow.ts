import { lambda, sqs, workflow } from '@typestep/dsl';

interface PaidOrder { orderId: string; customer: { id: string; email: string; vip?: boolean }; items: { sku: string; qty: number }[]; giftNote?: string }

const pickItems = lambda<{ orderId: string; items: { sku: string; qty: number }[] }, { pickListId: string; bins: string[] }>('${PickItemsArn}');
const printInvoice = lambda<{ orderId: string }, { invoiceUrl: string }>('${PrintInvoiceArn}');
const reserveCourier = lambda<{ orderId: string; priority: boolean }, { courier: string; pickupAt: string }>('${ReserveCourierArn}');
const printGiftCard = lambda<{ orderId: string; note: string }, { cardId: string }>('${PrintGiftCardArn}');
const notifyWarehouse = sqs.sendMessage({ name: 'Notify warehouse' });

export const fulfilOrder = workflow('FulfilOrder', async (order: PaidOrder) => {
  const [{ pickListId, bins }, { invoiceUrl }, courier] = await Promise.all([
    pickItems({ orderId: order.orderId, items: order.items }),
    printInvoice({ orderId: order.orderId }),
    reserveCourier({ orderId: order.orderId, priority: order.customer.vip === true }),
  ]);
  const giftCard = order.giftNote ? await printGiftCard({ orderId: order.orderId, note: order.giftNote.slice(0, 200) }) : null;
  const units = order.items.reduce((n, i) => n + i.qty, 0);
  await notifyWarehouse({
    QueueUrl: '${WarehouseQueueUrl}',
    MessageBody: { pickListId, bins: [...new Set(bins)], courier: courier.courier, pickupAt: courier.pickupAt, giftCardId: giftCard?.cardId },
  });
  return { orderId: order.orderId, pickListId, invoiceUrl, ...courier, units, gift: giftCard !== null };
});
