import { lambda, workflow } from '@typestep/dsl';

interface Trip { tripId: string; traveller: string; flight: string; hotel: string; car?: string }
interface Booking { ref: string; price: number }

const bookFlight = lambda<{ tripId: string; flight: string }, Booking>('${BookFlightArn}');
const bookHotel = lambda<{ tripId: string; hotel: string }, Booking>('${BookHotelArn}');
const bookCar = lambda<{ tripId: string; car: string }, Booking>('${BookCarArn}');
const cancelBooking = lambda<{ kind: string; ref: string }, { cancelled: boolean }>('${CancelBookingArn}');
const writeAudit = lambda<{ tripId: string; booked: string[]; outcome: string }, void>('${AuditArn}', { name: 'Write audit record' });

export const bookTrip = workflow('BookTrip', async (trip: Trip) => {
  const booked: string[] = [];
  const refs: Record<string, string> = {};
  let outcome = 'failed';
  try {
    const flight = await bookFlight({ tripId: trip.tripId, flight: trip.flight });
    booked.push('flight');
    refs.flight = flight.ref;
    const hotel = await bookHotel({ tripId: trip.tripId, hotel: trip.hotel });
    booked.push('hotel');
    refs.hotel = hotel.ref;
    let total = flight.price + hotel.price;
    if (trip.car) {
      const car = await bookCar({ tripId: trip.tripId, car: trip.car });
      booked.push('car');
      refs.car = car.ref;
      total += car.price;
    }
    outcome = 'booked';
    return { tripId: trip.tripId, refs, total: `${total.toFixed(2)} EUR` };
  } catch (e) {
    const cancelled: string[] = [];
    while (booked.length > 0) {
      const kind = booked.pop()!;
      const { cancelled: ok } = await cancelBooking({ kind, ref: refs[kind] });
      if (ok) cancelled.push(kind);
    }
    return { tripId: trip.tripId, failed: (e as Error).name, cancelled };
  } finally {
    await writeAudit({ tripId: trip.tripId, booked, outcome });
  }
});
