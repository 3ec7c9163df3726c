import { lambda, workflow } from '@typestep/dsl';

interface CartItem { sku: string; qty: number }
interface Cart { cartId: string; items: CartItem[]; promoCodes?: string[]; shippingCountry: string }
interface Promo { code: string; kind: 'percent' | 'fixed' | 'freeShipping'; value: number; minTotal?: number }

const price = lambda<{ sku: string }, { amount: number; currency: 'EUR' }>('${PriceLookupArn}');
const lookupPromo = lambda<{ code: string }, { promo: Promo | null }>('${PromoLookupArn}');
const shippingRate = lambda<{ country: string; items: number }, { amount: number }>('${ShippingRateArn}');

export const priceCart = workflow('PriceCart', async (cart: Cart) => {
  let total = 0;
  for (const item of cart.items) total += (await price({ sku: item.sku })).amount * item.qty;
  let shipping = cart.items.length ? (await shippingRate({ country: cart.shippingCountry, items: cart.items.length })).amount : 0;

  const applied: string[] = [];
  let discount = 0;
  for (const code of cart.promoCodes ?? []) {
    const { promo } = await lookupPromo({ code: code.toUpperCase() });
    if (!promo || total < (promo.minTotal ?? 0)) continue;
    if (promo.kind === 'percent') discount += (total * promo.value) / 100;
    else if (promo.kind === 'fixed') discount += promo.value;
    else shipping = 0;
    applied.push(promo.code);
  }
  discount = Math.min(discount, total);
  const grandTotal = Math.round((total - discount + shipping) * 100) / 100;
  return { cartId: cart.cartId, subtotal: total, discount: +discount.toFixed(2), shipping, grandTotal, applied };
});
