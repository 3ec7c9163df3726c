import type { IrState } from '../3-lower/index.js';

/** AWS's limit on a state name. */
const MAX = 80;

/**
 * Unique, readable state names from the IR's hints, in the order states are
 * met (so the output is deterministic): `Charge card`, then `Charge card 2`…
 * Names are unique across nested machines too, as AWS requires.
 *
 * @example
 * const names = new StateNames(); names.nameOf(state) // 'Charge card'
 */
export class StateNames {
  private readonly byState = new Map<IrState, string>();
  private readonly used = new Set<string>();

  nameOf(state: IrState): string {
    const known = this.byState.get(state);
    if (known !== undefined) return known;
    const base = (state.hint.trim() || state.kind).slice(0, MAX);
    let name = base;
    for (let n = 2; this.used.has(name); n++) {
      const suffix = ` ${n}`;
      name = `${base.slice(0, MAX - suffix.length)}${suffix}`;
    }
    this.used.add(name);
    this.byState.set(state, name);
    return name;
  }
}
