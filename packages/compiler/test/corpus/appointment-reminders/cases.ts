import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const appt = { appointmentId: 'a1', patientPhone: '+4917', startsAt: '2024-06-10T09:30:00Z', bookedAt: '2024-06-01T12:00:00Z', clinic: 'Dr. Jones' };
const statuses = (list: string[]) => {
  let n = 0;
  return () => ({ status: list[Math.min(n++, list.length - 1)] });
};

export const cases: CorpusCase[] = [
  { name: 'three reminders', input: appt, handlers: () => ({ '${SendSmsArn}': (i: any) => ({ sid: i.text.length }), '${AppointmentStatusArn}': statuses(['BOOKED']) }), expected: { output: { appointmentId: 'a1', sent: [48, 24, 2], stoppedBecause: null } } },
  { name: 'booked last minute', input: { ...appt, bookedAt: '2024-06-09T20:00:00Z' }, handlers: () => ({ '${SendSmsArn}': flaky(2, 'Twilio.RateLimit', () => ({ sid: 's' })), '${AppointmentStatusArn}': statuses(['BOOKED']) }), expected: { output: { appointmentId: 'a1', sent: [2], stoppedBecause: null } } },
  { name: 'cancelled after first reminder', input: appt, handlers: () => ({ '${SendSmsArn}': () => ({ sid: 's' }), '${AppointmentStatusArn}': statuses(['BOOKED', 'CANCELLED']) }), expected: { output: { appointmentId: 'a1', sent: [48], stoppedBecause: 'cancelled' } } },
  { name: 'invalid phone number', input: appt, handlers: () => ({ '${SendSmsArn}': () => { throw failure('Twilio.InvalidNumber', 'bad'); }, '${AppointmentStatusArn}': statuses(['BOOKED']) }), expected: { error: 'Twilio.InvalidNumber' } },
];
