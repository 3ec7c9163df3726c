import { awsSdk, lambda, workflow } from '@typestep/dsl';

interface Delivery { deliveryId: string; stops: { lat: number; lng: number; serviceMinutes?: number }[]; departAt: string; driverShiftEnd: string }
interface RouteLeg { distanceMeters: number; durationSeconds: number }

const calculateRoute = awsSdk<{ CalculatorName: string; Waypoints: string }, { Payload: string }>('location', 'calculateRoute', { name: 'Calculate route' });
const publishEta = lambda<{ deliveryId: string; etas: string[] }, void>('${PublishEtaArn}');

export const estimateDelivery = workflow('EstimateDelivery', async (d: Delivery) => {
  if (d.stops.length === 0) return { deliveryId: d.deliveryId, etas: [], km: 0, overtime: false };
  const waypoints = JSON.stringify(d.stops.map(({ lat, lng }) => [lng, lat]));
  const { Payload } = await calculateRoute({ CalculatorName: '${RouteCalculator}', Waypoints: waypoints });
  const legs: RouteLeg[] = JSON.parse(Payload).legs;

  let clock = new Date(d.departAt).getTime();
  const etas: string[] = [];
  legs.forEach((leg, i) => {
    clock += leg.durationSeconds * 1000;
    etas.push(new Date(clock).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z'));
    clock += (d.stops[i].serviceMinutes ?? 5) * 60_000;
  });
  const km = Math.round(legs.reduce((m, l) => m + l.distanceMeters, 0) / 100) / 10;
  await publishEta({ deliveryId: d.deliveryId, etas });
  return { deliveryId: d.deliveryId, etas, km, overtime: clock > Date.parse(d.driverShiftEnd) };
});
