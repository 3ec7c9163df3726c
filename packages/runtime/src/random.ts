import { createHash } from 'node:crypto';

/**
 * Random sources. Executions draw from a seedable generator so a run can be
 * replayed exactly (`start(input, { seed })`); jitter, `States.UUID`,
 * `States.MathRandom` and JSONata's `$random`/`$uuid` all use it.
 */
export function seededRandom(seed: number): () => number {
  // mulberry32: tiny, fast and well distributed for non-cryptographic use.
  let state = (Math.floor(seed) >>> 0) ^ 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `seededRandom(seedOf())`, with the seed worked out at the first draw: most
 * executions draw nothing, and the default seed of one (`executionSeed`) is a
 * SHA-256. The numbers drawn are the same as `seededRandom`'s.
 *
 * @example
 * const random = lazySeededRandom(() => executionSeed(executionArn, startTime));
 * random(); // computes the seed, then draws
 */
export function lazySeededRandom(seedOf: () => number): () => number {
  let draw: (() => number) | undefined;
  return () => (draw ??= seededRandom(seedOf()))();
}

/** A version-4 UUID whose random bits come from `random`. */
export function formatUuid(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 32; i++) {
    let nibble = Math.floor(random() * 16);
    if (i === 12) nibble = 4;
    if (i === 16) nibble = (nibble & 0x3) | 0x8;
    hex += nibble.toString(16);
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The seed of an execution started without one: from its ARN and start time,
 * which a resumed or redriven execution has again, so that its replay draws
 * the same random numbers (jitter, `States.UUID`, `$random`…). Executions
 * differ in ARN (their names are unique), so their draws differ.
 */
export function executionSeed(executionArn: string, startTime: number): number {
  return createHash('sha256').update(`${executionArn}\u0000${startTime}`).digest().readUInt32LE(0);
}
