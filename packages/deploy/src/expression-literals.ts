import jsonata from 'jsonata';

/** A value only known at run time, with the expression it comes from. */
export class Computed {
  constructor(readonly expression: string) {}
}

/**
 * What can be known before a run of the value of a JSONata expression: its
 * literals and the shape of its object and array constructors, with
 * `Computed` wherever a value needs evaluating. A block's value is its last
 * expression, so `($f := …; {"TableName": "orders", "Item": $f(…)})` gives
 * `{ TableName: 'orders', Item: Computed }` (typestep's compiler writes
 * Arguments that way when it needs helper functions).
 */
export function knownValue(expression: string): unknown {
  let ast: Node;
  try {
    ast = jsonata(expression).ast() as Node;
  } catch {
    return new Computed(expression);
  }
  return fromNode(ast, expression);
}

interface Node {
  type: string;
  value?: unknown;
  lhs?: unknown;
  expressions?: Node[];
}

function fromNode(node: Node, expression: string): unknown {
  if (node.type === 'string' || node.type === 'number' || node.type === 'value') return node.value;
  if (node.type === 'block' && node.expressions && node.expressions.length > 0) return fromNode(node.expressions.at(-1)!, expression);
  if (node.type === 'unary' && node.value === '{' && Array.isArray(node.lhs)) {
    const object: Record<string, unknown> = {};
    for (const [key, value] of node.lhs as Array<[Node, Node]>) {
      if (key.type === 'string') object[key.value as string] = fromNode(value, expression);
    }
    return object;
  }
  if (node.type === 'unary' && node.value === '[' && node.expressions) {
    // A nested array constructor flattens in JSONata: only a flat list of literals and objects is certain.
    if (node.expressions.some((item) => item.type === 'unary' && item.value === '[')) return new Computed(expression);
    return node.expressions.map((item) => fromNode(item, expression));
  }
  return new Computed(expression);
}
