/**
 * A JSON payload as the report embeds it: its text, cut at
 * {@link PAYLOAD_LIMIT} characters, and the length of the whole. The page
 * shows a short preview and a "show all" toggle for the rest of what is kept,
 * so one huge state output cannot make the report huge.
 */
export interface PayloadText {
  text: string;
  /** The length of the full text; more than `text.length` when it was cut. */
  length: number;
}

/** Characters of one payload kept in the report. */
export const PAYLOAD_LIMIT = 64 * 1024;

/**
 * `text` kept whole up to {@link PAYLOAD_LIMIT}, cut beyond it.
 *
 * @example
 * payloadText('{"a":1}') // { text: '{"a":1}', length: 7 }
 */
export function payloadText(text: string): PayloadText {
  return { text: text.length > PAYLOAD_LIMIT ? text.slice(0, PAYLOAD_LIMIT) : text, length: text.length };
}
