/**
 * `text` made safe as SVG or HTML text and inside quoted attributes: state
 * names, conditions and payloads come from definitions and runs, and are
 * never trusted as markup.
 *
 * @example
 * escapeMarkup('<b onclick="x">') // '&lt;b onclick=&quot;x&quot;&gt;'
 */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
