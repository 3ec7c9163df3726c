import { Node, loadTypeScript, ts, type Symbol as MorphSymbol, type Type } from '../ts-morph.js';
import type { DiagnosticCollector } from '../diagnostics/index.js';
import { definitionName } from './definition-name.js';
import { describeSymbol } from './jsdoc-description.js';
import type { JsonSchema } from './json-schema.js';
import { nonJsonProblem } from './non-json-types.js';
import { schemaForUnion } from './union-schema.js';

/** TypeScript's own type under a ts-morph type (`compilerType`). */
type CompilerType = import('ts-morph').ts.Type;

/**
 * Turns TypeScript types into JSON Schemas, sharing one `$defs` table between
 * every type it is asked about (a workflow's input, output and task payloads
 * refer to the same `Order`). Named types — interfaces, type aliases, enums,
 * instantiated generics — become `$defs` entries referenced with
 * `#/$defs/<Name>`, which is also what makes recursive types finite.
 *
 * Problems (types JSON cannot carry) go to the collector with the span of the
 * declaration that introduced them; the offending part becomes `{}` so one run
 * reports every problem.
 *
 * @example
 * const builder = new SchemaBuilder(diagnostics);
 * const input = builder.schemaFor(parameter.getType(), parameter); // { $ref: '#/$defs/Order' }
 * builder.defs; // { Order: { type: 'object', … } }
 */
export class SchemaBuilder {
  /** The shared definitions, by name. */
  readonly defs: Record<string, JsonSchema> = {};
  private readonly namesByType = new Map<CompilerType, string>();
  /** Anonymous types being converted, to name them if they turn out recursive. */
  private readonly inProgress = new Map<CompilerType, { recursiveName?: string }>();

  /**
   * `strict`: objects without an index signature get `additionalProperties:
   * false`. Off by default: TypeScript's object types are open (a value with
   * more properties is assignable), so a schema that rejects extra fields
   * would reject inputs the types accept.
   */
  constructor(
    private readonly diagnostics: DiagnosticCollector,
    private readonly options: { strict?: boolean } = {},
  ) {
    // Its nodes may come from a project the caller made with its own ts-morph.
    loadTypeScript();
  }

  /** The schema of `type`; `node` is where problems are reported when no declaration is closer. */
  schemaFor(type: Type, node: Node): JsonSchema {
    // Checked before naming, so a class with methods is reported at each use and gets no empty `$defs` entry.
    const problem = nonJsonProblem(type);
    if (problem) return this.report(problem.code, node, { type: type.getText(node), reason: problem.reason });
    const named = this.namedDefinition(type, node);
    if (named) return named;
    const pending = this.inProgress.get(type.compilerType);
    if (pending) {
      pending.recursiveName ??= this.reserveName('Recursive', type);
      return { $ref: `#/$defs/${pending.recursiveName}` };
    }
    this.inProgress.set(type.compilerType, {});
    try {
      const schema = this.structuralSchema(type, node);
      const recursiveName = this.inProgress.get(type.compilerType)?.recursiveName;
      if (!recursiveName) return schema;
      this.defs[recursiveName] = schema;
      return { $ref: `#/$defs/${recursiveName}` };
    } finally {
      this.inProgress.delete(type.compilerType);
    }
  }

  /** Named types are converted once, into `$defs`; every use is a `$ref`. */
  private namedDefinition(type: Type, node: Node): JsonSchema | undefined {
    const existing = this.namesByType.get(type.compilerType);
    if (existing) return { $ref: `#/$defs/${existing}` };
    const naming = definitionName(type);
    if (!naming) return undefined;
    const name = this.reserveName(naming.name, type);
    const schema = this.structuralSchema(type, node);
    const description = describeSymbol(naming.symbol, node);
    this.defs[name] = description && !schema.$ref ? { description, ...schema } : schema;
    return { $ref: `#/$defs/${name}` };
  }

  private reserveName(base: string, type: Type): string {
    let name = base;
    for (let n = 2; name in this.defs || [...this.namesByType.values()].includes(name); n++) name = `${base}${n}`;
    this.namesByType.set(type.compilerType, name);
    // A placeholder, so a recursive reference finds the name taken while the body is built.
    this.defs[name] = {};
    return name;
  }

  private structuralSchema(type: Type, node: Node): JsonSchema {
    const flags = type.getFlags();
    if (type.isAny() || type.isUnknown()) return {};
    // `void` and `undefined` alone: a workflow that returns nothing has no particular output.
    if (type.isVoid() || type.isUndefined()) return {};
    if (type.isNever()) return { not: {} };
    if (type.isNull()) return { type: 'null' };
    if (type.isBooleanLiteral()) return { const: type.getText() === 'true' };
    if (type.isStringLiteral() || type.isNumberLiteral()) return { const: type.getLiteralValue() as string | number };
    if (type.isString() || flags & (ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return { type: 'string' };
    if (type.isNumber()) return { type: 'number' };
    if (type.isBoolean()) return { type: 'boolean' };
    if (type.isUnion()) return schemaForUnion(type, (member) => this.schemaFor(member, node));
    if (type.isIntersection()) return this.intersectionSchema(type, node);
    if (type.isTypeParameter()) return this.report('schema_type_parameter', node, { type: type.getText(node) });
    if (type.isTuple()) return this.tupleSchema(type, node);
    const element = type.getArrayElementType() ?? (type.isReadonlyArray() ? type.getTypeArguments()[0] : undefined);
    if (element) return { type: 'array', items: this.schemaFor(element, node) };
    if (type.isObject()) return this.objectSchema(type, node);
    // `object`: any JSON object or array.
    if (flags & ts.TypeFlags.NonPrimitive) return { type: ['object', 'array'] };
    return this.report('schema_unsupported_type', node, { type: type.getText(node), reason: 'typestep does not know how JSON carries it' });
  }

  /** Objects: properties (optional ones not `required`) and index signatures as `additionalProperties`. */
  private objectSchema(type: Type, node: Node): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of type.getProperties()) {
      const name = property.getName();
      const declaration = property.getValueDeclaration() ?? property.getDeclarations()[0];
      const where = declaration && !declaration.getSourceFile().isFromExternalLibrary() ? declaration : node;
      if (name.startsWith('__@')) {
        this.report('schema_symbol_type', where, { type: `[${name.slice(3).replace(/@\d+$/, '')}]` });
        continue;
      }
      let propertyType = property.getTypeAtLocation(node);
      // `x: T | undefined` is absent from JSON when undefined (JSON.stringify drops it): optional too.
      const optional = property.isOptional() || (propertyType.isUnion() && propertyType.getUnionTypes().some((member) => member.isUndefined()));
      if (optional) propertyType = declaredOptionalType(property, propertyType);
      // `k?: never` or `k?: undefined` (as in `{ S: string; N?: never }`): JSON can only leave it out.
      let schema = optional && propertyType.isUndefined() ? { not: {} } : this.schemaFor(propertyType, where);
      const description = describeSymbol(property, node);
      if (description) schema = { description, ...schema };
      if (isReadonlyProperty(property)) schema = { ...schema, readOnly: true };
      properties[name] = schema;
      if (!optional) required.push(name);
    }
    const index = type.getStringIndexType() ?? type.getNumberIndexType();
    const schema: JsonSchema = { type: 'object' };
    if (Object.keys(properties).length > 0) schema.properties = properties;
    if (required.length > 0) schema.required = required;
    if (index) schema.additionalProperties = this.schemaFor(index, node);
    else if (this.options.strict) schema.additionalProperties = false;
    return schema;
  }

  /** `[string, number?, ...boolean[]]`: `prefixItems`, with lengths from the element flags. */
  private tupleSchema(type: Type, node: Node): JsonSchema {
    const target = type.getTargetType()?.compilerType as import('ts-morph').ts.TupleType | undefined;
    const flags = target?.elementFlags ?? [];
    const elements = type.getTupleElements();
    const prefixItems: JsonSchema[] = [];
    let rest: JsonSchema | undefined;
    let minItems = 0;
    elements.forEach((element, index) => {
      const flag = flags[index] ?? ts.ElementFlags.Required;
      if (flag & ts.ElementFlags.Variable) {
        rest = this.schemaFor(element.getArrayElementType() ?? element, node);
        return;
      }
      prefixItems.push(this.schemaFor(element, node));
      if (flag & ts.ElementFlags.Required) minItems = prefixItems.length;
    });
    const schema: JsonSchema = { type: 'array' };
    if (prefixItems.length > 0) schema.prefixItems = prefixItems;
    schema.items = rest ?? false;
    if (minItems > 0) schema.minItems = minItems;
    if (!rest) schema.maxItems = prefixItems.length;
    return schema;
  }

  /** `A & B` of objects is one object; `string & { brand }` is the primitive. */
  private intersectionSchema(type: Type, node: Node): JsonSchema {
    const primitive = type.getIntersectionTypes().find((member) => !member.isObject());
    if (primitive) return this.schemaFor(primitive, node);
    return this.objectSchema(type, node);
  }

  private report(code: Parameters<DiagnosticCollector['report']>[0], node: Node, params: Record<string, string>): JsonSchema {
    this.diagnostics.report(code, node, params);
    return {};
  }
}

/**
 * An optional property's type is its declared type plus `undefined`, and that
 * new union has lost the declared alias (`status?: Status` reads as
 * `"a" | "b" | undefined`). When the declaration's own type node names the same
 * members, use it, so the schema says `$ref: Status`; generic properties
 * (whose declared type is `T`) keep the instantiated type.
 */
function declaredOptionalType(property: MorphSymbol, type: Type): Type {
  const declaration = property.getValueDeclaration();
  const typeNode = declaration && (Node.isPropertySignature(declaration) || Node.isPropertyDeclaration(declaration)) ? declaration.getTypeNode() : undefined;
  if (!typeNode || !type.isUnion()) return type;
  const declared = typeNode.getType();
  const members = new Set(type.getUnionTypes().filter((member) => !member.isUndefined()).map((member) => member.compilerType));
  const declaredMembers = declared.isUnion() ? declared.getUnionTypes() : [declared];
  const same = declaredMembers.length === members.size && declaredMembers.every((member) => members.has(member.compilerType));
  return same ? declared : type;
}

/** `readonly x` in an interface or class, or a property of `Readonly<T>`. */
function isReadonlyProperty(property: MorphSymbol): boolean {
  const checkFlags = (property.compilerSymbol as { links?: { checkFlags?: number }; checkFlags?: number }).links?.checkFlags
    ?? (property.compilerSymbol as { checkFlags?: number }).checkFlags ?? 0;
  // ts.CheckFlags.Readonly (internal): set on mapped-type properties such as those of Readonly<T>.
  if (checkFlags & 8) return true;
  return property.getDeclarations().some((declaration) =>
    (Node.isPropertySignature(declaration) || Node.isPropertyDeclaration(declaration)) && declaration.isReadonly());
}
