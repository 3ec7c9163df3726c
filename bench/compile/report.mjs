// The printed tables and the verdict on the two targets.

const TRANSITION_TARGET = 3;
const WATCH_TARGET_MS = 50;
/** Cold compile (code cache present) at most this fraction of ts2asl's time, whole process, medians of one run. */
const COLD_TARGET = 0.5;

/** @param {any} report what index.mjs gathered */
export function printReport(report) {
  const out = [];
  out.push(`bench/compile — typestep vs @ts2asl/convert 0.1.55, ${report.date}`);
  out.push(`machine: ${report.machine}`);
  if (report.nativeFailure) out.push(`native reference run failed: ${report.nativeFailure}`);
  out.push('');
  out.push(...transitionsTable(report));
  out.push('');
  out.push(...sizeTable(report));
  out.push('');
  if (report.cold || report.throughput) out.push(...timingTable(report), '');
  if (report.watch && !report.watch.failure) out.push(...watchTable(report.watch), '');
  out.push(...failures(report));
  out.push(...targets(report));
  console.log(out.join('\n'));
}

function transitionsTable(report) {
  const rows = [['workflow', 'input', 'states typestep', 'states ts2asl', 'transitions typestep', 'transitions ts2asl', 'ts2asl / typestep', 'outputs']];
  for (const pair of report.pairs) {
    for (const run of pair.runs) {
      const typestep = transitionsOf(run, 'typestep', pair.failures.typestep);
      const ts2asl = transitionsOf(run, 'ts2asl', pair.failures.ts2asl);
      const ratio = typeof typestep === 'number' && typeof ts2asl === 'number' ? `${(ts2asl / typestep).toFixed(1)}×` : '—';
      rows.push([
        pair.title,
        run.input,
        pair.states.typestep ?? 'compile failed',
        pair.states.ts2asl ?? 'compile failed',
        typestep,
        ts2asl,
        ratio,
        run.verdict,
      ]);
    }
  }
  return ['States and state transitions per execution (typestep runtime, virtual clock):', ...table(rows, [0, 1, 7])];
}

/** A count only for an execution that did what the workflow does natively; a wrong run's count means nothing. */
function sizeTable(report) {
  const rows = [['workflow', 'typestep bytes', 'ts2asl bytes', 'typestep / ts2asl']];
  for (const pair of report.pairs) {
    const { typestep, ts2asl } = pair.bytes;
    rows.push([pair.title, typestep ?? '—', ts2asl ?? '—', typestep && ts2asl ? `${(typestep / ts2asl).toFixed(2)}×` : '—']);
  }
  return ['Definition size (compact JSON):', ...table(rows, [0])];
}

/** The size target: on every pair both tools compile, typestep's definition is no larger than ts2asl's. */
function sizeTarget(report) {
  const compared = report.pairs.filter((pair) => pair.bytes.typestep && pair.bytes.ts2asl);
  const larger = compared.filter((pair) => pair.bytes.typestep > pair.bytes.ts2asl).map((pair) => `${pair.title}: ${pair.bytes.typestep} vs ${pair.bytes.ts2asl} bytes`);
  const label = '- definitions no larger than ts2asl\'s';
  if (compared.length < report.pairs.length) return `${label}: NOT MEASURED on ${report.pairs.length - compared.length} pair(s) (a tool failed, see above)`;
  return `${label}: ${larger.length === 0 ? 'met' : `NOT MET (${larger.join('; ')})`}`;
}

function transitionsOf(run, tool, compileFailure) {
  if (compileFailure) return 'compile failed';
  if (!run[tool]) return '—';
  if (run[tool].failure) return 'run failed';
  if (run.wrong.includes(tool)) return `(${run[tool].transitions}, wrong output)`;
  return run[tool].transitions;
}

function timingTable(report) {
  const rows = [['measure', 'typestep', '@ts2asl/convert', 'typestep vs ts2asl']];
  const { cold, throughput } = report;
  if (cold) {
    const ratio = (entry) => (entry?.medianMs && cold.ts2asl?.medianMs ? `${(entry.medianMs / cold.ts2asl.medianMs).toFixed(2)}× the time` : '—');
    rows.push([`cold compile of ${cold.pair} (whole process, median of ${cold.runs})`, '', ms(cold.ts2asl), '']);
    rows.push(['  inside the child: import + compile', '', split(cold.ts2asl), '']);
    rows.push(['  typestep, workflow unchanged since its last compile (build cache)', ms(cold.typestep), '', ratio(cold.typestep)]);
    rows.push(['  inside the child: import + compile', split(cold.typestep), '', '']);
    if (cold['typestep-edited']) {
      rows.push(['  typestep, workflow edited before each run (code cache only)', ms(cold['typestep-edited']), '', ratio(cold['typestep-edited'])]);
      rows.push(['  inside the child: import + compile', split(cold['typestep-edited']), '', '']);
    }
    if (cold['typestep-first']) {
      rows.push(['  typestep, first compile ever (both caches empty)', ms(cold['typestep-first']), '', ratio(cold['typestep-first'])]);
      rows.push(['  inside the child: import + compile', split(cold['typestep-first']), '', '']);
    }
  }
  if (throughput) {
    const a = throughput.typestep?.workflowsPerSecond;
    const b = throughput.ts2asl?.workflowsPerSecond;
    rows.push([
      `throughput, ${throughput.count} workflows in one process (median of ${throughput.rounds})`,
      perSecond(throughput.typestep),
      perSecond(throughput.ts2asl),
      a && b ? `${(a / b).toFixed(1)}× the rate` : '—',
    ]);
  }
  const notes = [];
  if (report.timedPairs.length < report.pairs.length) {
    notes.push(`Timed on the pairs both tools compile: ${report.timedPairs.join(', ') || 'none (figures are failures)'}.`);
  }
  if (throughput) notes.push(`Generated project: variations of ${throughput.pairs.join(', ')}.`);
  return ['Compile time:', ...table(rows, [0]), ...notes];
}

const ms = (entry) => (entry?.failure ? 'failed' : entry ? `${Math.round(entry.medianMs)} ms` : '—');
const split = (entry) => (entry?.medianMs ? `${Math.round(entry.importMs)} + ${Math.round(entry.compileMs)} ms` : '');
const perSecond = (entry) => (entry?.failure ? 'failed' : entry ? `${entry.workflowsPerSecond.toFixed(1)} wf/s` : '—');

function failures(report) {
  const lines = [];
  for (const pair of report.pairs) {
    for (const tool of ['typestep', 'ts2asl']) {
      if (pair.failures[tool]) lines.push(`${tool} could not compile ${pair.id}: ${indent(pair.failures[tool])}`);
      for (const run of pair.runs) {
        if (run[tool]?.failure) lines.push(`${tool}'s ${pair.id} failed to run on "${run.input}": ${indent(run[tool].failure)}`);
        else if (run.wrong.includes(tool)) {
          const got = clip(JSON.stringify(run[tool].outcome));
          lines.push(`${tool}'s ${pair.id} on "${run.input}" gave ${got}; natively: ${clip(JSON.stringify(run.native))}`);
        }
      }
    }
  }
  if (report.watch?.failure) lines.push(`typestep watch recompiles failed: ${indent(report.watch.failure)}`);
  for (const [label, timing] of [['cold compile', report.cold], ['throughput', report.throughput]]) {
    for (const tool of ['typestep', 'typestep-edited', 'typestep-first', 'ts2asl']) {
      if (timing?.[tool]?.failure) lines.push(`${tool} ${label} failed: ${indent(timing[tool].failure)}`);
    }
  }
  return lines.length > 0 ? ['Failures:', ...lines.map((line) => `- ${line}`), ''] : [];
}

function targets(report) {
  const lines = ['Targets:'];
  const cold = report.cold;
  const series = [
    ['typestep', 'workflow unchanged since its last compile (build cache)'],
    ['typestep-edited', 'workflow edited before each run (code cache only)'],
  ];
  for (const [name, what] of series) {
    const label = `- cold compile ≤ ${COLD_TARGET}× ts2asl's, ${what}`;
    const entry = cold?.[name];
    if (!cold) lines.push(`${label}: not measured (--no-timing)`);
    else if (!entry?.medianMs || !cold.ts2asl?.medianMs) lines.push(`${label}: NOT MEASURED (a tool failed, see above)`);
    else {
      const met = entry.medianMs <= COLD_TARGET * cold.ts2asl.medianMs;
      const ratio = (entry.medianMs / cold.ts2asl.medianMs).toFixed(2);
      lines.push(`${label}: ${met ? 'met' : 'NOT MET'} (${Math.round(entry.medianMs)} ms vs ${Math.round(cold.ts2asl.medianMs)} ms, ${ratio}×)`);
    }
  }
  lines.push(sizeTarget(report));
  lines.push(watchTarget(report.watch));
  for (const pair of report.pairs.filter((entry) => entry.heavy)) {
    const label = `- ≥${TRANSITION_TARGET}× fewer transitions than ts2asl on ${pair.title}`;
    const judged = pair.runs.filter((run) => run.target);
    const ratios = judged.map((run) =>
      typeof run.typestep?.transitions === 'number' && typeof run.ts2asl?.transitions === 'number' && run.wrong.length === 0
        ? run.ts2asl.transitions / run.typestep.transitions
        : undefined,
    );
    const skipped = pair.runs.filter((run) => !run.target).map((run) => `"${run.input}"`);
    const scope = `${judged.length} input${judged.length === 1 ? '' : 's'}${skipped.length > 0 ? `; not judged: ${skipped.join(', ')}` : ''}`;
    if (ratios.some((ratio) => ratio === undefined)) {
      const why = pair.failures.typestep
        ? 'typestep could not compile it'
        : pair.failures.ts2asl
          ? 'ts2asl could not compile it'
          : `${pair.runs.flatMap((run) => run.wrong).filter((tool, index, all) => all.indexOf(tool) === index).join(' and ') || 'a tool'}'s output is wrong`;
      lines.push(`${label}: NOT MEASURED (${why})`);
    } else {
      const worst = Math.min(...ratios);
      lines.push(`${label}: ${worst >= TRANSITION_TARGET ? 'met' : 'NOT MET'} (lowest ratio ${worst.toFixed(1)}× over ${scope})`);
    }
  }
  return lines;
}

/** typestep alone: ts2asl has no watch mode. */
function watchTable(watch) {
  const ms = (value) => `${Math.round(value)} ms`;
  const rows = [
    ['measure (typestep, one process)', 'wall', 'CPU'],
    [`watch recompile of ${watch.edited} after an edit, median of ${watch.edits}`, ms(watch.medianMs), ms(watch.cpuMedianMs)],
    [`  90th percentile; the first edit`, `${ms(watch.p90Ms)}; ${ms(watch.firstMs)}`, ''],
    [`  without a session: compile() of that file alone, same process (median of ${watch.freshMs.length})`, ms(watch.freshMedianMs), ''],
    [`opening the session: full compile of ${watch.workflows} workflows (after import ${ms(watch.importMs)})`, ms(watch.openMs), ''],
  ];
  return ['Watch mode (CompileSession.update, up to the formatted ASL):', ...table(rows, [0])];
}

function watchTarget(watch) {
  const label = `- watch recompile of one changed workflow ≤ ${WATCH_TARGET_MS} ms (median)`;
  if (!watch) return `${label}: not measured (--no-timing)`;
  if (watch.failure) return `${label}: NOT MEASURED (it failed, see above)`;
  return `${label}: ${watch.medianMs <= WATCH_TARGET_MS ? 'met' : 'NOT MET'} (median ${Math.round(watch.medianMs)} ms, p90 ${Math.round(watch.p90Ms)} ms)`;
}

function clip(text, length = 400) {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

function indent(text) {
  return String(text).split('\n').join('\n    ');
}

/** @param {unknown[][]} rows @param {number[]} leftColumns the columns aligned left (the rest are figures) */
function table(rows, leftColumns) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (leftColumns.includes(column) ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column])))
      .join('  ')
      .trimEnd(),
  );
}
