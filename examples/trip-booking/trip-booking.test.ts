import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mock, testWorkflow, type HandlersOf } from '@typestep/testing';
import * as trips from './workflow.js';

const trip: trips.Trip = { tripId: 't-1', from: 'BER', to: 'LIS', nights: 3, car: true };

const handlers = (overrides: HandlersOf<typeof trips> = {}): HandlersOf<typeof trips> => ({
  bookFlight: ({ tripId }) => ({ bookingId: `F-${tripId}` }),
  bookHotel: ({ tripId }) => ({ bookingId: `H-${tripId}` }),
  bookCar: ({ tripId }) => ({ bookingId: `C-${tripId}` }),
  cancelFlight: mock.succeed({ cancelled: true }),
  cancelHotel: mock.succeed({ cancelled: true }),
  cancelCar: mock.succeed({ cancelled: true }),
  ...overrides,
});

const cancellations = (run: { calls(task: string): Array<{ input: unknown; state: string }> }) =>
  ['cancelFlight', 'cancelHotel', 'cancelCar'].flatMap((task) => run.calls(task).map((call) => (call.input as { bookingId: string }).bookingId));

const s = suite('example: trip booking (saga)');

s('everything books: the itinerary, nothing cancelled', async () => {
  const run = await testWorkflow(trips.bookTrip, { input: trip, handlers: handlers() });
  assert.equal(run.output, { tripId: 't-1', flight: 'F-t-1', hotel: 'H-t-1', car: 'C-t-1' });
  assert.equal(run.path, ['Book flight', 'Book hotel', 'If trip.car', 'Book car', 'Return']);
  assert.equal(cancellations(run), []);
});

s('no car wanted: none booked', async () => {
  const run = await testWorkflow(trips.bookTrip, { input: { ...trip, car: false }, handlers: handlers() });
  assert.equal(run.output, { tripId: 't-1', flight: 'F-t-1', hotel: 'H-t-1', car: null });
  assert.is(run.calls('bookCar').length, 0);
});

s('the car fails: the hotel, then the flight are cancelled, in reverse order', async () => {
  const run = await testWorkflow(trips.bookTrip, { input: trip, handlers: handlers({ bookCar: mock.fail('Car.NoneAvailable', 'no cars in LIS') }) });
  assert.equal([run.status, run.error, run.cause], ['FAILED', 'TripNotBooked', 'Car.NoneAvailable; cancelled: hotel, flight']);
  const undo = run.path.filter((state) => state.startsWith('Cancel'));
  assert.equal(undo, ['Cancel hotel', 'Cancel flight']);
  assert.equal(run.calls('cancelHotel')[0]!.input, { bookingId: 'H-t-1' });
  assert.equal(run.calls('cancelFlight')[0]!.input, { bookingId: 'F-t-1' });
  assert.is(run.calls('cancelCar').length, 0);
});

s('the hotel fails: only the flight is cancelled', async () => {
  const run = await testWorkflow(trips.bookTrip, { input: trip, handlers: handlers({ bookHotel: mock.fail('Hotel.Full', 'fully booked') }) });
  assert.is(run.cause, 'Hotel.Full; cancelled: flight');
  assert.equal(cancellations(run), ['F-t-1']);
  assert.is(run.calls('bookCar').length, 0);
});

s('the flight fails: nothing to undo', async () => {
  const run = await testWorkflow(trips.bookTrip, { input: trip, handlers: handlers({ bookFlight: mock.fail('Flight.SoldOut', 'sold out') }) });
  assert.is(run.cause, 'Flight.SoldOut; cancelled: nothing');
  assert.equal(cancellations(run), []);
});

s('a cancellation that hiccups is retried until it goes through', async () => {
  const cancelFlight = mock.failTimes(2, 'Airline.Unavailable', { cancelled: true });
  const run = await testWorkflow(trips.bookTrip, { input: trip, handlers: handlers({ bookHotel: mock.fail('Hotel.Full', 'fully booked'), cancelFlight }) });
  assert.equal(run.calls('cancelFlight').map((call) => call.attempt), [1, 2, 3]);
  assert.is(run.elapsedSeconds, 1 + 2);
  assert.is(run.error, 'TripNotBooked');
});

s.run();
