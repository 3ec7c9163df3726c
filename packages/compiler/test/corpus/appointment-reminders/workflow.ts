import { lambda, sleep, workflow } from '@typestep/dsl';

interface Appointment { appointmentId: string; patientPhone: string; startsAt: string; bookedAt: string; clinic: string }

const REMINDERS_HOURS_BEFORE = [48, 24, 2];

const sendSms = lambda<{ to: string; text: string }, { sid: string }>('${SendSmsArn}', { retry: { errors: ['Twilio.RateLimit'], maxAttempts: 3, intervalSeconds: 2 } });
const stillBooked = lambda<{ appointmentId: string }, { status: 'BOOKED' | 'CANCELLED' | 'RESCHEDULED' }>('${AppointmentStatusArn}');

export const remindPatient = workflow('RemindPatient', async (appt: Appointment) => {
  const start = new Date(appt.startsAt).getTime();
  let now = new Date(appt.bookedAt).getTime();
  const sent: number[] = [];
  for (const hours of REMINDERS_HOURS_BEFORE) {
    const at = start - hours * 3600_000;
    if (at <= now) continue;
    await sleep(Math.round((at - now) / 1000));
    now = at;
    const { status } = await stillBooked({ appointmentId: appt.appointmentId });
    if (status !== 'BOOKED') return { appointmentId: appt.appointmentId, sent, stoppedBecause: status.toLowerCase() };
    const when = new Date(start).toISOString().slice(11, 16);
    const text = hours >= 24 ? `Reminder: ${appt.clinic} on ${appt.startsAt.slice(0, 10)} at ${when} UTC` : `See you at ${when} UTC at ${appt.clinic}!`;
    await sendSms({ to: appt.patientPhone, text });
    sent.push(hours);
  }
  return { appointmentId: appt.appointmentId, sent, stoppedBecause: null };
});
