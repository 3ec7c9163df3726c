// Local stand-ins for the booking services, keyed by task name (the exports of workflow.ts). The car
// rental has nothing in Lisbon, so the example run shows the saga undoing the hotel and the flight.
const booking = (prefix) => ({ tripId }) => ({ bookingId: `${prefix}-${tripId}` });
const cancel = (what) => ({ bookingId }) => {
  console.error(`cancelled ${what} ${bookingId}`);
  return { cancelled: true };
};

export default {
  bookFlight: booking('F'),
  bookHotel: booking('H'),
  bookCar: ({ city }) => {
    if (city === 'LIS') throw Object.assign(new Error(`no cars in ${city}`), { name: 'Car.NoneAvailable' });
    return { bookingId: `C-${city}` };
  },
  cancelFlight: cancel('flight'),
  cancelHotel: cancel('hotel'),
  cancelCar: cancel('car'),
};
