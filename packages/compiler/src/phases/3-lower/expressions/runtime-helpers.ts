/**
 * JSONata lambdas that give JavaScript's meaning where JSONata's built-ins
 * differ. A lowered expression names the ones it uses and `withHelpers` binds
 * exactly those (and what they call) in a block around it, so every emitted
 * expression stays self-contained.
 */

interface HelperDefinition {
  /** The lambda, written in JSONata. */
  text: string;
  /** Helpers the lambda calls. */
  uses: string[];
}

/** Every helper, by name; a name is bound as `$__js_<name>`. */
const definitions = {
  // JavaScript truthiness: false, 0, "", null and undefined are falsy, every object and array is truthy
  // (JSONata's $boolean calls {} and [] false, and "0"… true).
  truthy: {
    text: `function($v){ $type($v) = "boolean" ? $v : $type($v) = "number" ? $v != 0 : $type($v) = "string" ? $v != "" : $type($v) = "null" ? false : $exists($v) }`,
    uses: [],
  },
  // String(n): JSONata prints numbers with 15 significant digits ($string(0.1 + 0.2) is "0.3"); where
  // that is not the exact value JavaScript prints more digits, which JSONata cannot, so fail loudly.
  numberString: {
    text: `function($n){ ($s := $string($n); $number($s) = $n ? $s : $error("typestep: JavaScript prints " & $s & "… with more than 15 significant digits, which JSONata cannot reproduce")) }`,
    uses: [],
  },
  // String(v) for any JSON value, as JavaScript converts it (arrays join their items with ",").
  string: {
    text: `function($v){ $type($v) = "string" ? $v : $type($v) = "number" ? $__js_numberString($v) : $type($v) = "boolean" ? ($v ? "true" : "false") : $type($v) = "null" ? "null" : $type($v) = "array" ? $join([$map($v, function($e){ $type($e) = "null" ? "" : $__js_string($e) })], ",") : $type($v) = "object" ? "[object Object]" : "undefined" }`,
    uses: ['numberString'],
  },
  // JSON.stringify: JSONata's $string quotes nothing for a top-level string, so serialise inside a wrapper object and
  // cut it out; numbers needing more than 15 significant digits fail loudly (see numberString).
  stringify: {
    text: `function($v, $pretty){ $exists($v) ? ($s := $string({"v": $v}, $pretty); $json := $pretty ? $substring($s, 9, $length($s) - 11) ~> $replace(/\\n  /, "\\n") : $substring($s, 5, $length($s) - 6); $parse($json) = $v ? $json : $error("typestep: JSON.stringify would print a number with more than 15 significant digits, which JSONata cannot reproduce")) : () }`,
    uses: [],
  },
  // ===/!== when a side may be undefined: JSONata's = is false whenever a side is missing.
  equal: {
    text: `function($a, $b){ $exists($a) ? ($exists($b) and $a = $b) : $not($exists($b)) }`,
    uses: [],
  },
  // A one-item array holding $v as one element, to $append: JSONata's array constructor would flatten an array item,
  // and a missing item would vanish where JavaScript keeps undefined (JSON null).
  one: {
    text: `function($v){ $exists($v) ? ($type($v) = "array" ? [[$v]] : [$v]) : [null] }`,
    uses: [],
  },
  // xs[i]: JSONata counts negative indexes from the end and floors fractions; JavaScript gives undefined.
  at: {
    text: `function($a, $i){ $i >= 0 and $i < $count($a) and $i = $floor($i) ? $a[$i] : () }`,
    uses: [],
  },
  // JSONata counts a string's length and positions in code points, JavaScript in UTF-16 units: they agree unless the
  // string has a character outside the Basic Multilingual Plane (an emoji), where positions would silently shift,
  // so such a string fails loudly wherever a position or length is taken.
  bmp: {
    text: `function($s){ $contains($s, /[\\uD800-\\uDFFF]/) ? $error("typestep: a string with characters outside the Basic Multilingual Plane (e.g. emoji) has different lengths and positions in JavaScript and JSONata") : $s }`,
    uses: [],
  },
  // s.length.
  length: {
    text: `function($s){ $length($__js_bmp($s)) }`,
    uses: ['bmp'],
  },
  // s[i] on a string.
  charAt: {
    text: `function($s, $i){ $i >= 0 and $i < $length($__js_bmp($s)) and $i = $floor($i) ? $substring($s, $i, 1) : () }`,
    uses: ['bmp'],
  },
  // Math.round: JavaScript rounds .5 up (towards +Infinity); JSONata's $round rounds half to even.
  round: {
    text: `function($x){ ($f := $floor($x); $x - $f >= 0.5 ? $f + 1 : $f) }`,
    uses: [],
  },
  // Math.trunc and ToIntegerOrInfinity.
  trunc: {
    text: `function($x){ $x < 0 ? $ceil($x) : $floor($x) }`,
    uses: [],
  },
  // A relative index (slice, at) made absolute and clamped to [0, $n], as Array.prototype.slice does.
  relative: {
    text: `function($k, $n){ ($t := $__js_trunc($k); $t < 0 ? $max([$n + $t, 0]) : $min([$t, $n])) }`,
    uses: ['trunc'],
  },
  // The elements of $a for which $p($v, $i) is true, always as an array (JSONata's $filter and $map collapse a
  // one-item result to the item and flatten array items).
  pick: {
    text: `function($a, $p){ $reduce($a, function($acc, $v, $i){ $p($v, $i) ? $append($acc, $__js_one($v)) : $acc }, []) }`,
    uses: ['one'],
  },
  // Array.prototype.map, always an array.
  map: {
    text: `function($a, $f){ $reduce($a, function($acc, $v, $i){ $append($acc, $__js_one($f($v, $i))) }, []) }`,
    uses: ['one'],
  },
  // Array.prototype.find / findIndex: the first match (the element, or its index), as a {found, value, index} record.
  search: {
    text: `function($a, $p){ $reduce($a, function($acc, $v, $i){ $acc.found ? $acc : $p($v, $i) ? {"found": true, "value": $v, "index": $i} : $acc }, {"found": false, "index": -1}) }`,
    uses: [],
  },
  // Array.prototype.slice with JavaScript's index rules.
  slice: {
    text: `function($a, $s, $e){ ($n := $count($a); $from := $__js_relative($exists($s) ? $s : 0, $n); $to := $__js_relative($exists($e) ? $e : $n, $n); $__js_pick($a, function($v, $i){ $i >= $from and $i < $to })) }`,
    uses: ['relative', 'pick'],
  },
  // xs[i] = v as a new array. Past the end JavaScript leaves holes, which read as undefined but as null in a JSON copy:
  // no lowering keeps both, so that fails the evaluation. A negative or fractional index sets a property JSON drops.
  setAt: {
    text: `function($a, $i, $v){ $i > $count($a) ? $error("typestep: xs[i] = v with i past the end leaves holes in the array; push the items instead") : $i >= 0 and $i = $floor($i) ? $reduce([0..$max([$count($a), $i + 1]) - 1], function($acc, $j){ $append($acc, $__js_one($j = $i ? $v : $__js_at($a, $j))) }, []) : $a }`,
    uses: ['one', 'at'],
  },
  // map.set(k, v) on a Map held as [key, value] pairs in insertion order: an existing key keeps its place.
  mapSet: {
    text: `function($m, $k, $v){ ($p := $append([$k], $__js_one($v)); $i := $reduce($m, function($a, $e, $j){ $a >= 0 ? $a : $e[0] = $k ? $j : -1 }, -1); $i < 0 ? $append($m, [[$p]]) : $reduce($m, function($a, $e, $j){ $append($a, [[$j = $i ? $p : $e]]) }, [])) }`,
    uses: ['one'],
  },
  // String.prototype.slice.
  stringSlice: {
    text: `function($s, $b, $e){ ($n := $length($__js_bmp($s)); $from := $__js_relative($exists($b) ? $b : 0, $n); $to := $__js_relative($exists($e) ? $e : $n, $n); $to > $from ? $substring($s, $from, $to - $from) : "") }`,
    uses: ['relative', 'bmp'],
  },
  // String.prototype.substring: clamps to [0, length] and swaps reversed bounds.
  substring: {
    text: `function($s, $b, $e){ ($n := $length($__js_bmp($s)); $x := $min([$max([$__js_trunc($b), 0]), $n]); $y := $exists($e) ? $min([$max([$__js_trunc($e), 0]), $n]) : $n; $from := $min([$x, $y]); $to := $max([$x, $y]); $substring($s, $from, $to - $from)) }`,
    uses: ['trunc', 'bmp'],
  },
  // String.prototype.indexOf (JSONata has none).
  indexOf: {
    text: `function($s, $p){ $contains($s, $p) ? $length($substringBefore($__js_bmp($s), $p)) : -1 }`,
    uses: ['bmp'],
  },
  // Array.prototype.indexOf / includes for primitives.
  arrayIndexOf: {
    text: `function($a, $x){ $reduce($a, function($acc, $v, $i){ $acc >= 0 ? $acc : $v = $x ? $i : -1 }, -1) }`,
    uses: [],
  },
  // Array.prototype.sort() without a comparator compares the items' String() forms. (Every $sort with a comparator
  // sits inside [ ]: jsonata 2.0.6 loses the comparator when $sort is a tail call of a lambda — "comp is not a function".)
  defaultSort: {
    text: `function($a){ [$sort($a, function($x, $y){ $__js_string($x) > $__js_string($y) })] }`,
    uses: ['string'],
  },
  // Array.prototype.flat(): one level.
  flat: {
    text: `function($a){ $reduce($a, function($acc, $v){ $append($acc, $type($v) = "array" ? $v : $__js_one($v)) }, []) }`,
    uses: ['one'],
  },
  // xs.entries(): [index, item] pairs.
  indexed: {
    text: `function($a){ $reduce($a, function($acc, $v, $i){ $append($acc, [[$append([$i], $__js_one($v))]]) }, []) }`,
    uses: ['one'],
  },
  // Object.values / Object.entries: JSONata's $keys gives nothing for {} and a string for one key.
  values: {
    text: `function($o){ $reduce([$keys($o)], function($acc, $k){ $append($acc, $__js_one($lookup($o, $k))) }, []) }`,
    uses: ['one'],
  },
  entries: {
    text: `function($o){ $reduce([$keys($o)], function($acc, $k){ $append($acc, [[$append([$k], $__js_one($lookup($o, $k)))]]) }, []) }`,
    uses: ['one'],
  },
  // Number(s): JavaScript reads "" and blanks as 0 and accepts "+5", ".5", "5."; JSONata's $number rejects them. What
  // neither reads (JavaScript's NaN) raises D3030 in JSONata: a runtime error instead of a value JSON cannot carry.
  toNumber: {
    text: `function($v){ $type($v) = "number" ? $v : $type($v) = "boolean" ? ($v ? 1 : 0) : $type($v) = "null" ? 0 : ($t := $replace($v, /^\\s+|\\s+$/, ""); $m := $match($t, /^([-+]?)(\\d*)\\.?(\\d*)((?:[eE][-+]?\\d+)?)$/); $t = "" ? 0 : $exists($m) and ($m.groups[1] != "" or $m.groups[2] != "") ? ($m.groups[0] = "-" ? -1 : 1) * $number(($m.groups[1] = "" ? "0" : $m.groups[1]) & ($m.groups[2] = "" ? "" : "." & $m.groups[2]) & $m.groups[3]) : $number($t)) }`,
    uses: [],
  },

  // typeof for JSON values.
  typeOf: {
    text: `function($v){ $type($v) = "array" or $type($v) = "null" ? "object" : $exists($v) ? $type($v) : "undefined" }`,
    uses: [],
  },
  // String.prototype.repeat.
  repeat: {
    text: `function($s, $n){ $n < 0 ? $error("typestep: RangeError: Invalid count value") : $n < 1 ? "" : $join([$map([1..$floor($n)], function(){ $s })], "") }`,
    uses: [],
  },
  // padStart / padEnd: JSONata's $pad takes the width with a sign for the side.
  pad: {
    text: `function($s, $n, $fill, $left){ ($__js_bmp($s & $fill); $fill = "" or $length($s) >= $n ? $s : $pad($s, $left ? -$floor($n) : $floor($n), $fill)) }`,
    uses: ['bmp'],
  },
} satisfies Record<string, HelperDefinition>;


/** The name of a helper. */
export type HelperName = keyof typeof definitions;

/** The JSONata variable a helper is bound to. */
export function helperVariable(name: HelperName): string {
  return `$__js_${name}`;
}

/**
 * Wraps `expression` in a block that binds the helpers it uses (in dependency order).
 *
 * @example
 * withHelpers('$__js_round($x)', new Set(['round'])) // '($__js_round := function($x){ … }; $__js_round($x))'
 */
export function withHelpers(expression: string, used: ReadonlySet<HelperName>): string {
  if (used.size === 0) return expression;
  const ordered: HelperName[] = [];
  const visit = (name: HelperName) => {
    if (ordered.includes(name)) return;
    for (const dependency of (definitions[name] as HelperDefinition).uses) visit(dependency as HelperName);
    ordered.push(name);
  };
  for (const name of [...used].sort()) visit(name);
  const bindings = ordered.map((name) => `${helperVariable(name)} := ${definitions[name].text}`);
  return `(${bindings.join('; ')}; ${expression})`;
}
