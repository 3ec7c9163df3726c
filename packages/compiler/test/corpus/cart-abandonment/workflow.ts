import { dynamodb, lambda, sleep, workflow } from '@typestep/dsl';

interface Cart { cartId: string; customerId: string; items: { sku: string; name: string; price: number; qty: number }[] }

const getCart = dynamodb.getItem({ name: 'Load cart' });
const sendReminder = lambda<{ customerId: string; subject: string; lines: string[]; discountCode?: string }, { sent: boolean }>('${ReminderArn}');

const HOUR = 60 * 60;
const REMINDERS = [
  { after: 1 * HOUR, subject: 'You left something behind', discount: 0 },
  { after: 24 * HOUR, subject: 'Still thinking about it?', discount: 10 },
];

export const cartAbandonment = workflow('CartAbandonment', async (cart: Cart) => {
  let waited = 0;
  let sent = 0;
  for (const reminder of REMINDERS) {
    await sleep(reminder.after - waited);
    waited = reminder.after;
    const { Item } = await getCart({ TableName: '${CartsTable}', Key: { cartId: { S: cart.cartId } } });
    if (!Item || (Item.status && 'S' in Item.status && Item.status.S === 'CHECKED_OUT')) {
      return { cartId: cart.cartId, outcome: 'converted', remindersSent: sent };
    }
    const lines = cart.items.map(({ name, price, qty }) => `${qty} × ${name} — $${(price * qty).toFixed(2)}`);
    const subtotal = cart.items.reduce((sum, i) => sum + i.price * i.qty, 0);
    if (reminder.discount > 0) lines.push(`Save ${reminder.discount}%: $${(subtotal * (1 - reminder.discount / 100)).toFixed(2)}`);
    const result = await sendReminder({
      customerId: cart.customerId,
      subject: reminder.subject,
      lines,
      discountCode: reminder.discount ? `COMEBACK${reminder.discount}` : undefined,
    });
    if (result.sent) sent++;
  }
  return { cartId: cart.cartId, outcome: 'abandoned', remindersSent: sent };
});
