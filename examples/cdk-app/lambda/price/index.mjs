// priceOrder: the order's total from its lines.
export const handler = async ({ items }) => ({ total: items.reduce((sum, item) => sum + item.qty * item.unitPrice, 0) });
