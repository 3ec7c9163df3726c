import type { Node } from 'ts-morph';

/**
 * `chargeCard` → `Charge card`: a state name from a function name.
 *
 * @example
 * humanize('sendEmailToUser') // 'Send email to user'
 */
export function humanize(identifier: string): string {
  const words = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .split(' ');
  const text = words.map((word, index) => (index === 0 ? word : /^[A-Z0-9]+$/.test(word) ? word : word.toLowerCase())).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Source text made fit for a state name: one line, no characters that would
 * read as JSONata or a path, at most `max` characters.
 *
 * @example
 * sourceSnippet(`order.total >\n 1000`) // 'order.total > 1000'
 */
export function sourceSnippet(node: Node, max = 60): string {
  const text = node.getText().replace(/\s+/g, ' ').replace(/[{}$`"\\]/g, '').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
