import { AwsApiError } from '@typestep/runtime';

/** A request body, as the operation receives it. */
export type RequestBody = Record<string, unknown>;

/** AWS's limit on inputs, outputs and other payloads: 256 KiB. */
export const PAYLOAD_LIMIT_BYTES = 256 * 1024;

/** AWS's validation message for one field, e.g. "Member must not be null". */
export function fieldError(field: string, value: unknown, constraint: string): AwsApiError {
  const shown = value === undefined || value === null ? 'null' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  return new AwsApiError('ValidationException', `1 validation error detected: Value ${shown} at '${field}' failed to satisfy constraint: ${constraint}`);
}

export function requiredString(body: RequestBody, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) throw fieldError(field, value, 'Member must not be null');
  if (typeof value !== 'string') throw new AwsApiError('SerializationException', `'${field}' must be a string`);
  return value;
}

export function optionalString(body: RequestBody, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new AwsApiError('SerializationException', `'${field}' must be a string`);
  return value;
}

export function optionalBoolean(body: RequestBody, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new AwsApiError('SerializationException', `'${field}' must be a boolean`);
  return value;
}

export function optionalObject(body: RequestBody, field: string): Record<string, unknown> | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new AwsApiError('SerializationException', `'${field}' must be an object`);
  return value as Record<string, unknown>;
}

export function optionalArray(body: RequestBody, field: string): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new AwsApiError('SerializationException', `'${field}' must be a list`);
  return value;
}

/** An optional string of at most `max` characters (AWS's length constraint). */
export function boundedString(body: RequestBody, field: string, max: number): string | undefined {
  const value = optionalString(body, field);
  if (value !== undefined && value.length > max) throw fieldError(field, `${value.slice(0, 32)}…`, `Member must have length less than or equal to ${max}`);
  return value;
}

/** A payload field (JSON text no larger than 256 KiB). */
export function payloadField(body: RequestBody, field: string): string | undefined {
  const value = optionalString(body, field);
  if (value !== undefined && Buffer.byteLength(value) > PAYLOAD_LIMIT_BYTES) {
    throw fieldError(field, '<payload>', `Member must have length less than or equal to ${PAYLOAD_LIMIT_BYTES}`);
  }
  return value;
}

/**
 * AWS's rule for names of state machines, executions, activities and
 * aliases: 1–80 characters, none of whitespace, `< > { } [ ] ? * " # % \ ^ | ~ \` $ & , ; : /`
 * or control characters.
 */
export function checkName(name: string, max = 80): void {
  // eslint-disable-next-line no-control-regex
  if (name.length === 0 || name.length > max || /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u.test(name)) {
    throw new AwsApiError('InvalidName', `Invalid Name: '${name}'`);
  }
}

/** `maxResults`: 0 or absent means the default (100); at most 1000. */
export function pageSize(body: RequestBody, fallback = 100): number {
  const value = body.maxResults;
  if (value === undefined || value === null || value === 0) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new AwsApiError('SerializationException', `'maxResults' must be an integer`);
  if (value < 0) throw fieldError('maxResults', String(value), 'Member must have value greater than or equal to 0');
  if (value > 1000) throw fieldError('maxResults', String(value), 'Member must have value less than or equal to 1000');
  return value;
}

/**
 * Where a listing continues. A `nextToken` is opaque to clients; here it
 * carries the offset and the listing it belongs to, so a token given to
 * another listing is refused as AWS refuses it (`InvalidToken`).
 */
export function pageOffset(body: RequestBody, listing: string): number {
  const token = optionalString(body, 'nextToken');
  if (token === undefined) return 0;
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { l?: unknown; o?: unknown };
    if (decoded.l === listing && Number.isInteger(decoded.o) && (decoded.o as number) >= 0) return decoded.o as number;
  } catch {
    // Falls through to the refusal.
  }
  throw new AwsApiError('InvalidToken', `Invalid Token: '${token}'`);
}

/** The token of the page after one that read `count` of at most `size` rows from `offset`. */
export function nextPageToken(listing: string, offset: number, size: number, count: number): string | undefined {
  if (count < size) return undefined;
  return Buffer.from(JSON.stringify({ l: listing, o: offset + size })).toString('base64url');
}

/**
 * One page of `rows(limit, offset)`: one row more than asked is read to
 * know whether there is a next page.
 */
export function readPage<T>(body: RequestBody, listing: string, rows: (limit: number, offset: number) => T[]): { items: T[]; nextToken?: string } {
  const size = pageSize(body);
  const offset = pageOffset(body, listing);
  const read = rows(size + 1, offset);
  const items = read.slice(0, size);
  return read.length > size ? { items, nextToken: nextPageToken(listing, offset, size, size) } : { items };
}

/** AWS JSON 1.0 writes timestamps as epoch seconds. */
export function epochSeconds(milliseconds: number): number {
  return milliseconds / 1000;
}

/** Drops absent fields, as AWS leaves them out of its answers. */
export function defined<T extends Record<string, unknown>>(shape: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(shape)) if (value !== undefined && value !== null) out[key] = value;
  return out as Partial<T>;
}
