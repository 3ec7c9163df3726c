/**
 * JSONata lambdas that give JavaScript's meaning where JSONata's built-ins
 * differ. A lowered expression names the ones it uses and `withHelpers` binds
 * exactly those (and what they call) in a block around it, so every emitted
 * expression stays self-contained.
 */

import { PRIMARY_GROUPS } from './collation-table.js';

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
  // that is not the exact value JavaScript prints more digits. An integer prints exactly through $formatBase
  // (Math.round(n).toString(10), which is String(n) at every magnitude, even where $string's 15 digits would
  // overflow to null); a fraction needing 16 or 17 digits is not reproduced yet, so it fails loudly.
  numberString: {
    text: `function($n){ $floor($n) = $n ? $formatBase($n, 10) : ($s := $string($n); $number($s) = $n ? $s : $error("typestep: JavaScript prints " & $s & "… with more than 15 significant digits, which JSONata cannot reproduce")) }`,
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

  // A value that may be NaN (null) where the compiler does not follow NaN (an array item, an object field, a callback's
  // result): reading it back as a number would lose its NaN, so NaN fails the evaluation here instead.
  notNaN: {
    text: `function($v, $what){ $v = null ? $error("typestep: " & $what & " is NaN here, where the compiled workflow cannot keep a NaN (JSON has none); test it with Number.isNaN before storing it") : $v }`,
    uses: [],
  },
  // The value of a string of digits in radix $r (all valid); beyond 2^53 the sum would round differently from JavaScript.
  radixDigits: {
    text: `function($d, $r){ ($n := $reduce($split($lowercase($d), ""), function($acc, $c){ $acc * $r + $length($substringBefore("0123456789abcdefghijklmnopqrstuvwxyz", $c)) }, 0); $n > 9007199254740991 ? $error("typestep: the number " & $d & " (radix " & $string($r) & ") is beyond 2^53, which is not supported") : $n) }`,
    uses: [],
  },
  // A decimal numeral JavaScript reads (StrDecimalLiteral: "+5", ".5", "5.", "1e3"), as a number; $number alone
  // rejects a sign, a bare point and leading zeros. One too large for a double (Infinity) fails in $number (D3030).
  decimal: {
    text: `function($t){ ($m := $match($t, /^([-+]?)(\\d*)\\.?(\\d*)((?:[eE][-+]?\\d+)?)$/); $exists($m) and ($m.groups[1] != "" or $m.groups[2] != "") ? ($text := ($m.groups[1] = "" ? "0" : $replace($m.groups[1], /^0+(?=\\d)/, "")) & ($m.groups[2] = "" ? "" : "." & $m.groups[2]) & $m.groups[3]; ($m.groups[0] = "-" ? -1 : 1) * $number($text)) : null) }`,
    uses: [],
  },
  // Number(v) with JavaScript's StringToNumber: blanks around are trimmed, "" is 0, 0x/0o/0b prefixes, and text that is
  // no number is NaN — null, the compiled NaN. Infinity is not JSON: that fails loudly.
  numberOrNaN: {
    text: `function($v){ $type($v) = "number" ? $v : $type($v) = "boolean" ? ($v ? 1 : 0) : $type($v) = "null" ? 0 : $not($exists($v)) ? null : $type($v) != "string" ? $error("typestep: Number() of an object or array is not supported") : ($t := $replace($v, /^\\s+|\\s+$/, ""); $t = "" ? 0 : $contains($t, /^[-+]?Infinity$/) ? $error("typestep: Number(" & $string($v) & ") is Infinity, which JSON cannot hold") : $contains($t, /^0[xX][0-9a-fA-F]+$|^0[oO][0-7]+$|^0[bB][01]+$/) ? ($p := $lowercase($substring($t, 1, 1)); $__js_radixDigits($substring($t, 2), $p = "x" ? 16 : $p = "o" ? 8 : 2)) : $__js_decimal($t)) }`,
    uses: ['radixDigits', 'decimal'],
  },
  // parseFloat: the longest decimal numeral after leading blanks, or NaN (null).
  parseFloat: {
    text: `function($s){ ($m := $match($replace($s, /^\\s+/, ""), /^[-+]?(Infinity|\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?)/); $not($exists($m)) ? null : $contains($m.match, "Infinity") ? $error("typestep: parseFloat(" & $string($s) & ") is Infinity, which JSON cannot hold") : $__js_decimal($m.match)) }`,
    uses: ['decimal'],
  },
  // parseInt(s, radix): a sign, then (radix 0 or 16) an optional 0x, then the longest run of the radix's digits; a radix
  // of 0, NaN or undefined is 10 (16 after 0x), one outside 2–36 gives NaN (null), and so does a string with no digit.
  parseInt: {
    text: `function($s, $radix){ ($t := $replace($s, /^\\s+/, ""); $sign := $substring($t, 0, 1) = "-" ? -1 : 1; $t := $contains($t, /^[-+]/) ? $substring($t, 1) : $t; $r := $exists($radix) and $radix != null ? $__js_trunc($radix) : 0; $hex := ($r = 0 or $r = 16) and $contains($t, /^0[xX]/); $t := $hex ? $substring($t, 2) : $t; $r := $hex ? 16 : $r = 0 ? 10 : $r; $r < 2 or $r > 36 ? null : ($chars := $substring("0123456789abcdefghijklmnopqrstuvwxyz", 0, $r); $digits := $reduce($split($lowercase($t), ""), function($acc, $c){ $acc.done ? $acc : $contains($chars, $c) ? {"text": $acc.text & $c, "done": false} : {"text": $acc.text, "done": true} }, {"text": "", "done": false}).text; $digits = "" ? null : $sign * ($r = 10 ? $__js_decimal($digits) : $__js_radixDigits($digits, $r)))) }`,
    uses: ['trunc', 'radixDigits', 'decimal'],
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
  // The items of a Set whose item type is a type parameter: JavaScript compares objects and arrays by reference,
  // which compiled values cannot, so such an item fails loudly.
  primitiveItems: {
    text: `function($xs){ $count($filter($xs, function($v){ $type($v) = "object" or $type($v) = "array" })) > 0 ? $error("typestep: a Set of objects or arrays compares them by reference in JavaScript, which compiled values cannot") : $xs }`,
    uses: [],
  },
  // n.toLocaleString("en-US"): ICU rounds the shortest decimal text of n (not its binary value: 1.0005 gives
  // "1.001") half away from zero to at most 3 decimals, drops trailing zeros and groups the integer by thousands.
  // $string keeps 15 significant digits; where that is not n's text, rounding it to 3 decimals still agrees unless
  // the integer part leaves fewer than 4 decimals of the 15 digits, or the text ends in exactly that 5 (a tie the
  // 15-digit rounding made): those fail loudly.
  localeEn: {
    text: `function($x){ ($s := $string($abs($x)); $contains($s, "e") ? $error("typestep: toLocaleString of a number this large or this small is not supported") : ($i := $contains($s, ".") ? $substringBefore($s, ".") : $s; $f := $contains($s, ".") ? $substringAfter($s, ".") : ""; $number($s) != $abs($x) and (($i = "0" ? 0 : $length($i)) > 11 or $substring($f, 3) = "5") ? $error("typestep: toLocaleString of a number with more than 15 significant digits is not supported here") : ($n := $number($i & $substring($f & "000", 0, 3)) + ($number($substring($f & "0000", 3, 1)) >= 5 ? 1 : 0); $n > 9007199254740991 ? $error("typestep: toLocaleString of a number this large is not supported") : ($d := $pad($formatBase($n, 10), -4, "0"); $frac := $replace($substring($d, $length($d) - 3), /0+$/, ""); ($x < 0 ? "-" : "") & $formatNumber($number($substring($d, 0, $length($d) - 3)), "#,##0") & ($frac = "" ? "" : "." & $frac))))) }`,
    uses: [],
  },
  // Number.prototype.toFixed: JavaScript rounds the exact binary value of $x (1.005 is 1.00499…, so "1.00") with ties
  // away from zero. An integer is printed whole ($formatBase is exact below 1e21). $x × 10^f is computed exactly as $p + $err (Dekker's two-product: 10^f is exact up to f = 22) and
  // compared with the midpoint $n + 0.5 (through the exact fraction $p - $n); $formatBase prints the integer digits exactly. Beyond 2^53 the integer loses
  // digits: that fails loudly; from 1e21 on JavaScript prints String($x).
  toFixed: {
    text: `function($x, $f){ ($f := $__js_trunc($f); $f < 0 or $f > 100 ? $error("typestep: RangeError: toFixed() digits argument must be between 0 and 100") : $abs($x) >= 1e21 ? $__js_numberString($x) : $f > 22 ? $error("typestep: toFixed with more than 22 digits is not supported") : $floor($x) = $x ? $formatBase($x, 10) & ($f = 0 ? "" : "." & $pad("", $f, "0")) : ($a := $abs($x); $m := $power(10, $f); $p := $a * $m; $two := function($v){ ($c := 134217729 * $v; $h := $c - ($c - $v); [$h, $v - $h]) }; $sa := $two($a); $sm := $two($m); $err := (($sa[0] * $sm[0] - $p) + $sa[0] * $sm[1] + $sa[1] * $sm[0]) + $sa[1] * $sm[1]; $n0 := $floor($p); $n := (($p - $n0) - 0.5) + $err >= 0 ? $n0 + 1 : $n0; $n > 9007199254740991 ? $error("typestep: toFixed of a number this large is not supported") : ($digits := $pad($formatBase($n, 10), -($f + 1), "0"); $whole := $substring($digits, 0, $length($digits) - $f); ($x < 0 ? "-" : "") & ($f = 0 ? $whole : $whole & "." & $substring($digits, $length($digits) - $f))))) }`,
    uses: ['trunc', 'numberString'],
  },
  // The first $p significant digits of |$x| ≠ 0, rounded as toPrecision rounds the exact binary value, as
  // {"n": digit string, "e": decimal exponent of its first digit}. From 1 up, $formatBase gives the exact integer digits
  // (below 2^53): rounding them half up by the next digit is exact (the dropped digits and fraction are below half
  // exactly when that digit is below 5). Below 1, toFixed at the digit position rounds exactly; the position comes from
  // $string's 15-digit exponent, which may be one too high (0.09999999999999999 prints "0.1"): then one digit is
  // missing and the position moves one further. A rounding up to the next power of ten gives one digit more.
  precisionDigits: {
    text: `function($x, $p){ ($a := $abs($x); $round := function($f){ $f > 22 ? $error("typestep: toPrecision/toExponential needing more than 22 decimals is not supported") : $replace($replace($__js_toFixed($a, $f), ".", ""), /^0+/, "") }; $a >= 1 ? ($a > 9007199254740991 ? $error("typestep: toPrecision/toExponential of a number beyond 2^53 is not supported") : ($i := $formatBase($floor($a), 10); $k := $length($i) - $p; $k <= 0 ? ($n := $round(-$k); {"n": $n, "e": $length($n) - 1 + $k}) : ($head := $substring($i, 0, $p); $n := $number($substring($i, $p, 1)) >= 5 ? $formatBase($number($head) + 1, 10) : $head; {"n": $n, "e": $length($n) - 1 + $k}))) : ($s := $string($a); $e0 := $contains($s, "e") ? $number($substringAfter($s, "e")) : $__js_fractionExponent($s); $f := $p - 1 - $e0; $n := $round($f); $length($n) < $p ? ($n := $round($f + 1); {"n": $n, "e": $length($n) - 2 - $f}) : {"n": $n, "e": $length($n) - 1 - $f})) }`,
    uses: ['toFixed', 'fractionExponent'],
  },
  // The decimal exponent of a number below 1 from its text: "0.00123" → -3.
  fractionExponent: {
    text: `function($s){ -($length($match($s, /^0\\.(0*)/).groups[0]) + 1) }`,
    uses: [],
  },
  // Number.prototype.toPrecision: $p significant digits, in exponential notation when the exponent is below -6 or not
  // below $p (as JavaScript prints them).
  toPrecision: {
    text: `function($x, $p){ ($p := $__js_trunc($p); $p < 1 or $p > 100 ? $error("typestep: RangeError: toPrecision() argument must be between 1 and 100") : $x = 0 ? "0" & ($p > 1 ? "." & $pad("", $p - 1, "0") : "") : ($r := $__js_precisionDigits($x, $p); $m := $substring($r.n, 0, $p); $e := $r.e; $sign := $x < 0 ? "-" : ""; $e < -6 or $e >= $p ? $sign & $__js_exponential($m, $e) : $e >= 0 ? $sign & $substring($m, 0, $e + 1) & ($e + 1 < $p ? "." & $substring($m, $e + 1) : "") : $sign & "0." & $pad("", -$e - 1, "0") & $m)) }`,
    uses: ['trunc', 'precisionDigits', 'exponential'],
  },
  // Number.prototype.toExponential: $f digits after the point, or without $f as many as String($x) has.
  toExponential: {
    text: `function($x, $f){ ($sign := $x < 0 ? "-" : ""; $exists($f) ? ($f := $__js_trunc($f); $f < 0 or $f > 100 ? $error("typestep: RangeError: toExponential() argument must be between 0 and 100") : $x = 0 ? $__js_exponential($pad("", $f + 1, "0"), 0) : ($r := $__js_precisionDigits($x, $f + 1); $sign & $__js_exponential($substring($r.n, 0, $f + 1), $r.e))) : $x = 0 ? "0e+0" : ($s := $__js_numberString($abs($x)); $contains($s, "e") ? $sign & $s : ($digits := $replace($replace($s, ".", ""), /^0+/, ""); $e := $abs($x) >= 1 ? $length($substringBefore($s, ".")) - 1 : $__js_fractionExponent($s); $sign & $__js_exponential($replace($digits, /0+$/, ""), $e)))) }`,
    uses: ['trunc', 'precisionDigits', 'exponential', 'numberString', 'fractionExponent'],
  },
  // Digits and exponent in JavaScript's exponential notation: "1.25e+3".
  exponential: {
    text: `function($m, $e){ $substring($m, 0, 1) & ($length($m) > 1 ? "." & $substring($m, 1) : "") & "e" & ($e < 0 ? "-" : "+") & $string($abs($e)) }`,
    uses: [],
  },
  // Number.prototype.toString(radix) for integers ($formatBase rounds a fraction away, JavaScript prints its digits).
  radixString: {
    text: `function($x, $r){ ($r := $__js_trunc($r); $r < 2 or $r > 36 ? $error("typestep: RangeError: toString() radix must be between 2 and 36") : $r = 10 ? $__js_numberString($x) : $floor($x) = $x and $abs($x) <= 9007199254740991 ? $formatBase($x, $r) : $error("typestep: toString(radix) of a fraction or an unsafe integer is not supported")) }`,
    uses: ['trunc', 'numberString'],
  },
  // String.prototype.lastIndexOf: the first match in the reversed string, counted from the end (overlapping matches
  // make splitting wrong: "aaa".lastIndexOf("aa") is 1).
  lastIndexOf: {
    text: `function($s, $p){ ($r := function($t){ $join($reverse($split($__js_bmp($t), "")), "") }; $i := $__js_indexOf($r($s), $r($p)); $i < 0 ? -1 : $length($s) - $length($p) - $i) }`,
    uses: ['bmp', 'indexOf'],
  },
  // String.fromCharCode for one UTF-16 code unit, through a JSON escape.
  fromCharCode: {
    text: `function($n){ ($c := $__js_trunc($n) % 65536; $c := $c < 0 ? $c + 65536 : $c; $parse("\\"\\\\u" & $pad($formatBase($c, 16), -4, "0") & "\\"")) }`,
    uses: ['trunc'],
  },
  // s.charCodeAt(i): JSONata has no character codes, but compares strings by code unit as JavaScript does, so the
  // code is found bit by bit (16 comparisons with fromCharCode). Out of range JavaScript gives NaN: fail loudly.
  charCode: {
    text: `function($s, $i){ ($ch := $__js_charAt($s, $__js_trunc($i)); $exists($ch) ? $reduce([0..15], function($code, $bit){ ($next := $code + $power(2, 15 - $bit); $__js_fromCharCode($next) <= $ch ? $next : $code) }, 0) : $error("typestep: charCodeAt out of range is NaN")) }`,
    uses: ['charAt', 'trunc', 'fromCharCode'],
  },
  // The indexes of $a from the last to the first ([0..-1] is empty in JSONata too).
  backwards: {
    text: `function($a){ [$reverse([0..$count($a) - 1])] }`,
    uses: [],
  },
  // findLast / findLastIndex: the search from the end, as a {found, value, index} record.
  searchLast: {
    text: `function($a, $p){ $reduce($__js_backwards($a), function($acc, $i){ $acc.found ? $acc : $p($a[$i], $i) ? {"found": true, "value": $a[$i], "index": $i} : $acc }, {"found": false, "index": -1}) }`,
    uses: ['backwards'],
  },
  // reduceRight with an initial value, calling $f(acc, item, index) from the last item.
  reduceRight: {
    text: `function($a, $f, $init){ $reduce($__js_backwards($a), function($acc, $i){ $f($acc, $a[$i], $i) }, $init) }`,
    uses: ['backwards'],
  },
  // Array.prototype.flat(depth).
  flatDepth: {
    text: `function($a, $d){ $reduce($a, function($acc, $v){ $append($acc, $type($v) = "array" and $d >= 1 ? $__js_flatDepth($v, $d - 1) : $__js_one($v)) }, []) }`,
    uses: ['one'],
  },
  // Array.prototype.with: a copy with one item replaced; an index outside the array is a RangeError.
  with: {
    text: `function($a, $i, $v){ ($n := $count($a); $k := $__js_trunc($i); $k := $k < 0 ? $k + $n : $k; $k < 0 or $k >= $n ? $error("typestep: RangeError: Invalid index : " & $string($i)) : $reduce($a, function($acc, $x, $j){ $append($acc, $__js_one($j = $k ? $v : $x)) }, [])) }`,
    uses: ['trunc', 'one'],
  },
  // Array.prototype.lastIndexOf for primitives.
  arrayLastIndexOf: {
    text: `function($a, $x){ $reduce($a, function($acc, $v, $i){ $v = $x ? $i : $acc }, -1) }`,
    uses: [],
  },
  // The indexes 0 … $n - 1 (`Array(n)`); a length that is not a valid array length is a RangeError.
  indexes: {
    text: `function($n){ $n < 0 or $n > 4294967295 or $floor($n) != $n ? $error("typestep: RangeError: Invalid array length") : $n = 0 ? [] : [0..$n - 1] }`,
    uses: [],
  },
  // The indexes of Array.from({ length: $n }): ToLength truncates a fraction and makes a negative length 0; past
  // 2^32 − 1 the array cannot be made (a RangeError).
  lengthIndexes: {
    text: `function($n){ ($l := $n > 0 ? $floor($n) : 0; $__js_indexes($l)) }`,
    uses: ['indexes'],
  },
  // Array.prototype.fill on a fresh array: $v at the indexes from $s to $e (relative, as slice counts them).
  fill: {
    text: `function($a, $v, $s, $e){ ($n := $count($a); $from := $__js_relative($exists($s) ? $s : 0, $n); $to := $__js_relative($exists($e) ? $e : $n, $n); $reduce($a, function($acc, $x, $j){ $append($acc, $__js_one($j >= $from and $j < $to ? $v : $x)) }, [])) }`,
    uses: ['relative', 'one'],
  },
  // new Set(items): the distinct primitives in first-seen order (JSONata's `in` compares with ===).
  distinct: {
    text: `function($a){ $reduce($a, function($acc, $v){ $v in $acc ? $acc : $append($acc, [$v]) }, []) }`,
    uses: [],
  },
  // The position of a key among a Map's [key, value] pairs, or -1.
  mapIndex: {
    text: `function($m, $k){ $reduce($m, function($acc, $e, $i){ $acc >= 0 ? $acc : $e[0] = $k ? $i : -1 }, -1) }`,
    uses: [],
  },
  // map.get(k).
  mapGet: {
    text: `function($m, $k){ ($i := $__js_mapIndex($m, $k); $i >= 0 ? $__js_at($__js_at($m, $i), 1) : ()) }`,
    uses: ['mapIndex', 'at'],
  },
  // map.set(k, v) as a value: a known key keeps its position.
  mapSet: {
    text: `function($m, $k, $v){ ($i := $__js_mapIndex($m, $k); $pair := $append([$k], $__js_one($v)); $i < 0 ? $append($m, [[$pair]]) : $reduce($m, function($acc, $e, $j){ $append($acc, [[$j = $i ? $pair : $e]]) }, [])) }`,
    uses: ['mapIndex', 'one'],
  },
  // Days since 1970-01-01 of a proleptic Gregorian date (month 1–12; a day past the month's end runs into the next
  // month, as JavaScript's MakeDay does), by Howard Hinnant's days_from_civil.
  daysFromCivil: {
    text: `function($y, $m, $d){ ($y := $m <= 2 ? $y - 1 : $y; $era := $floor($y / 400); $yoe := $y - $era * 400; $doy := $floor((153 * ($m > 2 ? $m - 3 : $m + 9) + 2) / 5); $doe := $yoe * 365 + $floor($yoe / 4) - $floor($yoe / 100) + $doy; $era * 146097 + $doe - 719468 + $d - 1) }`,
    uses: [],
  },
  // JavaScript's TimeClip: a time value is an integer within ±8.64e15 ms; beyond that the Date is invalid (NaN).
  timeClip: {
    text: `function($t){ $abs($t) > 8.64e15 ? $error("typestep: Invalid Date (the time value is out of range)") : $__js_trunc($t) }`,
    uses: ['trunc'],
  },
  // Date.UTC(year, month, day, hours, minutes, seconds, ms): the month may overflow into years; years 0–99 mean 19xx.
  dateUTC: {
    text: `function($y, $mo, $d, $h, $mi, $s, $ms){ ($y := $__js_trunc($y); $y := $y >= 0 and $y <= 99 ? 1900 + $y : $y; $mo := $__js_trunc($mo); $days := $__js_daysFromCivil($y + $floor($mo / 12), $mo - $floor($mo / 12) * 12 + 1, 1) + $__js_trunc($d) - 1; $__js_timeClip($days * 86400000 + $__js_trunc($h) * 3600000 + $__js_trunc($mi) * 60000 + $__js_trunc($s) * 1000 + $__js_trunc($ms))) }`,
    uses: ['trunc', 'daysFromCivil', 'timeClip'],
  },
  // new Date(string) / Date.parse: the ISO 8601 forms JavaScript specifies. A date-time without an offset is local time
  // in JavaScript and other formats are implementation-defined: both fail loudly instead of guessing.
  parseDate: {
    text: `function($s){ ($m := $match($s, /^([+-]\\d{6}|\\d{4})(-\\d{2}|)(-\\d{2}|)(T\\d{2}:\\d{2}|)(:\\d{2}|)(\\.\\d+|)(Z|[+-]\\d{2}:\\d{2}|)$/); $g := $m.groups; $not($exists($m)) or $g[0] = "-000000" or ($g[2] != "" and $g[1] = "") or ($g[4] != "" and $g[3] = "") or ($g[5] != "" and $g[4] = "") or ($g[6] != "" and $g[3] = "") ? $error("typestep: new Date(" & $string($s) & ") is not an ISO 8601 date JavaScript reads the same everywhere") : $g[3] != "" and $g[6] = "" ? $error("typestep: new Date(" & $string($s) & ") has no time zone offset, so JavaScript reads it in the machine's local time; add Z") : ($digits := function($t){ $number($replace($t, /^0+(?=\\d)/, "")) }; $num := function($t, $from, $length, $default){ $t = "" ? $default : $digits($substring($t, $from, $length)) }; $year := $length($g[0]) = 7 ? ($substring($g[0], 0, 1) = "-" ? -1 : 1) * $digits($substring($g[0], 1)) : $digits($g[0]); $mo := $num($g[1], 1, 2, 1); $d := $num($g[2], 1, 2, 1); $h := $num($g[3], 1, 2, 0); $mi := $num($g[3], 4, 2, 0); $sec := $num($g[4], 1, 2, 0); $ms := $num($g[5] & "00", 1, 3, 0); $mo < 1 or $mo > 12 or $d < 1 or $d > 31 or $h > 24 or $mi > 59 or $sec > 59 or ($h = 24 and ($mi > 0 or $sec > 0 or $ms > 0)) ? $error("typestep: Invalid Date " & $string($s)) : ($offset := $g[6] = "" or $g[6] = "Z" ? 0 : ($substring($g[6], 0, 1) = "-" ? -1 : 1) * ($digits($substring($g[6], 1, 2)) * 60 + $digits($substring($g[6], 4, 2))); $__js_timeClip($__js_daysFromCivil($year, $mo, $d) * 86400000 + $h * 3600000 + ($mi - $offset) * 60000 + $sec * 1000 + $ms)))) }`,
    uses: ['daysFromCivil', 'timeClip'],
  },
  // The UTC fields of a time value (Hinnant's civil_from_days), as getUTCFullYear… read them.
  dateParts: {
    text: `function($t){ ($days := $floor($t / 86400000); $in := $t - $days * 86400000; $z := $days + 719468; $era := $floor($z / 146097); $doe := $z - $era * 146097; $yoe := $floor(($doe - $floor($doe / 1460) + $floor($doe / 36524) - $floor($doe / 146096)) / 365); $doy := $doe - (365 * $yoe + $floor($yoe / 4) - $floor($yoe / 100)); $mp := $floor((5 * $doy + 2) / 153); $month := $mp < 10 ? $mp + 3 : $mp - 9; {"year": $yoe + $era * 400 + ($month <= 2 ? 1 : 0), "month": $month - 1, "day": $doy - $floor((153 * $mp + 2) / 5) + 1, "weekday": ($days % 7 + 11) % 7, "hours": $floor($in / 3600000), "minutes": $floor($in / 60000) % 60, "seconds": $floor($in / 1000) % 60, "milliseconds": $in % 1000}) }`,
    uses: [],
  },
  // toISOString: $fromMillis writes the same text for years 0–9999; JavaScript writes other years with six digits.
  isoString: {
    text: `function($t){ $t < -62167219200000 or $t >= 253402300800000 ? $error("typestep: toISOString of a year outside 0–9999 is not supported") : $fromMillis($t) }`,
    uses: [],
  },
  // JSON.stringify(v, null, indent): JSONata pretty-prints with two spaces a level, so each line's indentation is
  // rewritten with the indent JavaScript uses (up to 10 spaces, or the string's first 10 characters; none is compact).
  // Only structure starts a line: a newline inside a string value is written as \n.
  stringifyIndented: {
    text: `function($v, $indent){ ($unit := $type($indent) = "number" ? $pad("", $min([$max([$__js_trunc($indent), 0]), 10]), " ") : $substring($indent, 0, 10); $unit = "" ? $__js_stringify($v, false) : ($json := $__js_stringify($v, true); $exists($json) ? $join($map($split($json, "\\n"), function($line){ ($text := $replace($line, /^ +/, ""); $__js_repeat($unit, ($length($line) - $length($text)) / 2) & $text) }), "\\n") : ())) }`,
    uses: ['trunc', 'stringify', 'repeat'],
  },
  // String.prototype.localeCompare as Node's ICU orders printable ASCII (collation-table.ts, measured): first by
  // the primary weights (case-insensitive; the key maps each lowercased character to a character of its rank),
  // then by case at the first difference, lowercase first (the opposite of code-unit order). Any other character
  // fails loudly: its place depends on tables this lowering does not carry.
  localeCompare: {
    text: `function($a, $b){ ($key := function($s){ ($bad := $match($s, /[^ -~]/, 1); $exists($bad) ? $error("typestep: localeCompare is exact only for printable ASCII text (space to ~); found \\"" & $bad.match & "\\"") : $join([$map($split($lowercase($s), ""), function($c){ $lookup(${collationKeys()}, $c) })])) }; $p := $key($a); $q := $key($b); $p < $q ? -1 : $p > $q ? 1 : $a < $b ? 1 : $a > $b ? -1 : 0) }`,
    uses: [],
  },
  // {...xs}: an array's items under the keys "0", "1", …
  indexedObject: {
    text: `function($a){ $merge($append([{}], $reduce($a, function($acc, $v, $i){ $append($acc, {$string($i): $v}) }, []))) }`,
    uses: [],
  },
} satisfies Record<string, HelperDefinition>;

/** A JSONata object from each printable ASCII character (lowercase) to a key character whose code orders like its primary weight. */
function collationKeys(): string {
  const entries = PRIMARY_GROUPS.map((group, rank) => `${JSON.stringify(group[0])}: ${JSON.stringify(String.fromCharCode(0x21 + rank))}`);
  return `{${entries.join(', ')}}`;
}

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
