import { format } from 'prettier';

/**
 * JSON text as prettier prints it (the form written to `.asl.json` files),
 * with a final newline.
 *
 * @example
 * await formatJson({ StartAt: 'A' }) // '{ "StartAt": "A" }\n'
 */
export function formatJson(value: unknown): Promise<string> {
  return format(JSON.stringify(value), { parser: 'json' });
}
