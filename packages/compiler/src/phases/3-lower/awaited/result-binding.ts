import { Node, type BindingName, type Expression } from '../../../ts-morph.js';
import { mayBeUndefined } from '../../2-analyze/index.js';
import { lowerPatternBindings } from '../expressions/index.js';
import { scopeOf } from '../pending.js';
import type { LoweringContext } from '../context.js';

/** Where an awaited value goes. */
export type Sink = (
  | { kind: 'discard' }
  /** A declaration's name (identifier or pattern), or an assignment's target identifier. */
  | { kind: 'bind'; target: Node }
  | { kind: 'return' }
  /** A variable of the compiler's own (a return value kept while `finally` blocks run); `returned` marks a `return`'s value. */
  | { kind: 'variable'; variable: string; returned?: boolean }
) & {
  /** Property names to read from the value first (`(await t()).a.b`). */
  path?: string[];
};

/**
 * An output or task input that may be `undefined` (its type says so) as
 * `null`: JavaScript's `undefined` becomes JSON `null`, while an ASL field
 * that evaluates to nothing is an error.
 */
export function orNull(text: string, expression: Expression): string {
  return mayBeUndefined(expression.getType()) ? `($value := ${text}; $exists($value) ? $value : null)` : text;
}

/** A value read through a sink's path. */
export function throughPath(value: string, sink: Sink): string {
  return (sink.path ?? []).reduce((text, name) => `${text}.${fieldStep(name)}`, value);
}

/** A JSONata field step for a property name (back-quoted unless it is a plain name). */
function fieldStep(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '')}\``;
}

/**
 * The variables a `bind` (or `variable`) sink sets from a value, as (variable, JSONata)
 * pairs: one for a name, one per element of a destructuring pattern.
 *
 * @example
 * bindingsOf(`{ chargeId }`, '$states.result.Payload', ctx) // [['chargeId', '$states.result.Payload.chargeId']]
 */
export function sinkBindings(sink: Sink, value: string, ctx: LoweringContext): Array<[string, string, Node?]> {
  if (sink.kind === 'variable') return [[sink.variable, value]];
  if (sink.kind === 'bind') return bindingsOf(sink.target, value, ctx);
  return [];
}

export function bindingsOf(target: Node, value: string, ctx: LoweringContext): Array<[string, string, Node]> {
  if (Node.isVariableDeclaration(target) || Node.isBindingElement(target) || Node.isParameterDeclaration(target)) {
    const nameNode = target.getNameNode();
    if (Node.isIdentifier(nameNode)) {
      const variable = ctx.names.of(target);
      return variable === undefined ? [] : [[variable, value, target]];
    }
    return patternBindings(nameNode, value, ctx);
  }
  if (Node.isIdentifier(target)) {
    const variable = ctx.names.ofReference(target);
    if (variable === undefined) {
      ctx.diagnostics.report('unsupported_assignment_target', target, { text: target.getText() });
      return [];
    }
    return [[variable, value, target]];
  }
  ctx.diagnostics.report('unsupported_assignment_target', target, { text: target.getText() });
  return [];
}

/** True for a destructuring pattern with a default or a rest element anywhere in it. */
export function hasDefaultsOrRest(name: Node): boolean {
  if (!Node.isObjectBindingPattern(name) && !Node.isArrayBindingPattern(name)) return false;
  return name.getElements().some((element) => Node.isBindingElement(element) && (element.getInitializer() !== undefined || element.getDotDotDotToken() !== undefined || hasDefaultsOrRest(element.getNameNode())));
}

/**
 * A pattern with defaults or rest elements (a parameter, a `for…of`
 * variable), lowered by the expression lowering. Its bindings are carried
 * with other pending work, and a default that read a variable could read it
 * before that work set it: defaults may read constants only.
 */
function loweredPatternBindings(pattern: BindingName, value: string, ctx: LoweringContext): Array<[string, string, Node]> {
  const readsVariable = pattern.getDescendants().some((node) => Node.isIdentifier(node) && node.getFirstAncestor((a) => Node.isBindingElement(a) && a.getInitializer() !== undefined && node.getAncestors().includes(a.getInitializer()!)) !== undefined && ctx.names.ofReference(node) !== undefined);
  if (readsVariable) {
    ctx.diagnostics.report('unsupported_binding_pattern', pattern);
    return [];
  }
  const out: Array<[string, string, Node]> = [];
  for (const [declaration, text] of lowerPatternBindings(pattern, value, scopeOf((variable) => `$${variable}`, ctx.names, ctx.diagnostics))) {
    const variable = ctx.names.of(declaration);
    if (variable !== undefined) out.push([variable, text, declaration]);
  }
  return out;
}

function patternBindings(pattern: Node, value: string, ctx: LoweringContext): Array<[string, string, Node]> {
  if (hasDefaultsOrRest(pattern)) return loweredPatternBindings(pattern as BindingName, value, ctx);
  const out: Array<[string, string, Node]> = [];
  if (Node.isObjectBindingPattern(pattern)) {
    for (const element of pattern.getElements()) {
      if (element.getDotDotDotToken() || element.getInitializer()) {
        ctx.diagnostics.report('unsupported_binding_pattern', element);
        continue;
      }
      const property = element.getPropertyNameNode()?.getText() ?? element.getName();
      out.push(...bindingsOf(element, `${value}.${fieldStep(property.replace(/^['"]|['"]$/g, ''))}`, ctx));
    }
  } else if (Node.isArrayBindingPattern(pattern)) {
    pattern.getElements().forEach((element, index) => {
      if (!Node.isBindingElement(element)) return;
      if (element.getDotDotDotToken() || element.getInitializer()) {
        ctx.diagnostics.report('unsupported_binding_pattern', element);
        return;
      }
      out.push(...bindingsOf(element, `${value}[${index}]`, ctx));
    });
  }
  return out;
}
