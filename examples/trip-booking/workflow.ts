// A saga: book a flight, a hotel and (if asked) a car. When a booking fails, the ones already made
// are cancelled in reverse order, then the trip fails with what went wrong.
import { lambda, workflow, WorkflowError } from '@typestep/dsl';

export interface Trip {
  tripId: string;
  from: string;
  to: string;
  nights: number;
  car: boolean;
}

export interface Itinerary {
  tripId: string;
  flight: string;
  hotel: string;
  car: string | null;
}

export const bookFlight = lambda<{ tripId: string; from: string; to: string }, { bookingId: string }>('${BookFlightArn}', { name: 'Book flight' });
export const bookHotel = lambda<{ tripId: string; city: string; nights: number }, { bookingId: string }>('${BookHotelArn}', { name: 'Book hotel' });
export const bookCar = lambda<{ tripId: string; city: string }, { bookingId: string }>('${BookCarArn}', { name: 'Book car' });

// An undo must not give up on a passing hiccup: a booking left behind costs the customer money.
const UNDO_RETRY = { intervalSeconds: 1, maxAttempts: 5, backoffRate: 2 };
export const cancelFlight = lambda<{ bookingId: string }, { cancelled: boolean }>('${CancelFlightArn}', { name: 'Cancel flight', retry: UNDO_RETRY });
export const cancelHotel = lambda<{ bookingId: string }, { cancelled: boolean }>('${CancelHotelArn}', { name: 'Cancel hotel', retry: UNDO_RETRY });
export const cancelCar = lambda<{ bookingId: string }, { cancelled: boolean }>('${CancelCarArn}', { name: 'Cancel car', retry: UNDO_RETRY });

/** The trip could not be booked; whatever was booked has been cancelled. */
export class TripNotBooked extends WorkflowError {}

export const bookTrip = workflow('BookTrip', async (trip: Trip): Promise<Itinerary> => {
  // What to run to undo each booking made so far, in the order they were made.
  const compensations: Array<() => Promise<unknown>> = [];
  const undone: string[] = [];
  try {
    const flight = await bookFlight({ tripId: trip.tripId, from: trip.from, to: trip.to });
    compensations.push(() => cancelFlight({ bookingId: flight.bookingId }));
    undone.push('flight');
    const hotel = await bookHotel({ tripId: trip.tripId, city: trip.to, nights: trip.nights });
    compensations.push(() => cancelHotel({ bookingId: hotel.bookingId }));
    undone.push('hotel');
    let car: string | null = null;
    if (trip.car) {
      const rental = await bookCar({ tripId: trip.tripId, city: trip.to });
      compensations.push(() => cancelCar({ bookingId: rental.bookingId }));
      undone.push('car');
      car = rental.bookingId;
    }
    return { tripId: trip.tripId, flight: flight.bookingId, hotel: hotel.bookingId, car };
  } catch (e) {
    // Undo in reverse: the last booking made is the first cancelled.
    for (const undo of compensations.reverse()) await undo();
    const cancelled = undone.reverse().join(', ') || 'nothing';
    throw new TripNotBooked(`${(e as WorkflowError).name}; cancelled: ${cancelled}`);
  }
});
