import type { DiagnosticCode } from '@typestep/compiler';

/**
 * The number each typestep diagnostic code shows as in the editor
 * (`typestep(910017)`): tsserver's diagnostics and quick-fix requests carry
 * numbers, not strings. The range 910001–910999 is typestep's; TypeScript's
 * own codes stay below 100000. A number is never reused or changed: a new code
 * takes the next free number (the type makes a missing one a compile error).
 *
 * @example
 * diagnosticNumbers.helper_not_awaited // 910017
 */
export const diagnosticNumbers: Readonly<Record<DiagnosticCode, number>> = {
  task_declaration_invalid: 910001,
  task_declaration_not_static: 910002,
  workflow_name_duplicate: 910003,
  workflow_name_not_static: 910004,
  workflow_not_async: 910005,
  workflow_options_not_static: 910006,
  workflow_parameters: 910007,
  workflow_too_large: 910008,
  await_in_condition: 910009,
  await_in_declaration_list: 910010,
  // 910011 was await_in_expression (an await inside a thrown value), retired when those compiled.
  closure_reads_reassigned: 910012,
  call_options_not_static: 910013,
  callback_input_not_function: 910014,
  error_class_ambiguous: 910015,
  error_class_unsupported: 910016,
  helper_not_awaited: 910017,
  helper_recursion: 910018,
  labeled_jump: 910019,
  map_callback_not_function: 910020,
  function_outer_variable_assigned: 910021,
  outer_variable_assigned: 910022,
  parallel_not_task_list: 910023,
  throw_not_workflow_error: 910024,
  task_in_function_value: 910025,
  unsupported_assignment_target: 910026,
  unsupported_await: 910027,
  unsupported_binding_pattern: 910028,
  unsupported_loop_update: 910029,
  unsupported_statement: 910030,
  variable_name_unsupported: 910031,
  schema_bigint_type: 910032,
  schema_class_instance: 910033,
  schema_date_type: 910034,
  schema_function_type: 910035,
  schema_non_json_type: 910036,
  schema_symbol_type: 910037,
  schema_task_types_unknown: 910038,
  schema_type_parameter: 910039,
  schema_unsupported_type: 910040,
  expression_any_type: 910041,
  expression_foreach_async: 910042,
  expression_impure_helper: 910043,
  expression_loose_equality: 910044,
  expression_mutation: 910045,
  expression_mutation_aliased: 910046,
  expression_reference_equality: 910047,
  expression_nan_or_null: 910048,
  expression_not_json: 910049,
  expression_unknown_identifier: 910050,
  expression_unsupported_call: 910051,
  expression_unsupported_operator: 910052,
  throw_in_callback: 910053,
  expression_unsupported_statement: 910054,
  unsupported_expression: 910055,
  type_error: 910056,
  map_s3_items_source: 910057,
  map_s3_items_outside_map: 910058,
  local_helper_not_inlined: 910059,
  task_table_unsupported: 910060,
  expression_update_reordered: 910061,
  promise_first_settled: 910062,
};

const codesByNumber = new Map(Object.entries(diagnosticNumbers).map(([code, number]) => [number, code as DiagnosticCode]));

/**
 * The typestep code a diagnostic number stands for, or undefined for a
 * number outside typestep's table (TypeScript's own, another plugin's).
 *
 * @example
 * codeOfNumber(910017) // 'helper_not_awaited'
 * codeOfNumber(2322)   // undefined
 */
export function codeOfNumber(number: number): DiagnosticCode | undefined {
  return codesByNumber.get(number);
}
