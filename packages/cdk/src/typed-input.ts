declare const expressionType: unique symbol;

/**
 * A string the state machine evaluates at run time (a JSONata `{% … %}`
 * expression, or a JSONPath `$.field` in a JSONPath task), declared to yield
 * a `T`. Made by {@link expression}. At run time it is the string itself; its
 * type is not `string`, so an expression of a number cannot fill a string
 * field, and a plain string is never taken for an expression.
 */
export interface Expression<T> {
  readonly [expressionType]: T;
}

/**
 * An execution input of type `T` written in a task: each part is either its
 * value or an {@link Expression} of the part's type.
 *
 * @example
 * const input: TypedInput<{ id: string; qty: number }> = { id: 'o-1', qty: expression<number>('{% $count %}') };
 */
export type TypedInput<T> = Expression<T> | TypedParts<T>;

type TypedParts<T> = T extends readonly (infer Item)[]
  ? TypedInput<Item>[]
  : T extends object
    ? { [K in keyof T]: TypedInput<T[K]> }
    : T;

/**
 * Declares what an expression yields, so it can stand for a part of a typed
 * input. The text is not checked: it is JSONata (`{% $order.id %}`) or
 * JSONPath as the task's query language takes it.
 *
 * @example
 * orders.taskInput({ id: expression<string>('{% $states.input.orderId %}'), items: [] });
 */
export function expression<T>(text: string): Expression<T> {
  return text as unknown as Expression<T>;
}
