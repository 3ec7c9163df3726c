/** A customer's order, as the shop receives it. */
interface Order {
  /** The order id, e.g. `o-42`. */
  id: string;
  /**
   * Total in cents.
   * @minimum 0
   */
  total: number;
}

/** Where the parcel goes. */
type Destination = 'home' | 'pickup-point';

export interface Subject {
  /** The order being processed. */
  order: Order;
  destination: Destination;
}
