// The execution report's inline style and script (see render-report.ts). The script builds the
// side panel with DOM calls and textContent only: state names and payloads never become markup.

/** Fill and stroke per outcome, shared by the drawing and the legend. */
const OUTCOME_COLOURS: Record<string, [string, string]> = {
  failed: ['#fbd5d5', '#c62828'],
  caught: ['#ffe6bf', '#e07b00'],
  retried: ['#fff5b0', '#a68a00'],
  succeeded: ['#dcf1d8', '#2e7d32'],
  unfinished: ['#e3e8ec', '#607d8b'],
  'not-reached': ['#fafafa', '#c4c4c4'],
};

const outcomeRules = Object.entries(OUTCOME_COLOURS)
  .map(([outcome, [fill, stroke]]) => `#machine g.outcome-${outcome}>.state{fill:${fill};stroke:${stroke};stroke-width:2px}#legend .outcome-${outcome} .swatch{background:${fill};border-color:${stroke}}`)
  .join('');

/** The page's style sheet. */
export const REPORT_STYLE = [
  'body{font:14px/1.4 system-ui,Helvetica,Arial,sans-serif;margin:0;color:#222;background:#fff}',
  'header{padding:12px 20px;border-bottom:1px solid #ddd}header h1{font-size:18px;margin:0 0 4px}',
  '.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-weight:600;background:#607d8b}',
  '.status-SUCCEEDED .badge{background:#2e7d32}.status-FAILED .badge,.status-TIMED_OUT .badge,.status-ABORTED .badge{background:#c62828}',
  '.error code{color:#c62828;font-weight:600}.field>span{display:block;color:#666;font-size:12px;margin-top:6px}',
  'main{display:flex;align-items:flex-start;gap:0}#graph{flex:1 1 auto;overflow:auto;padding:12px 20px;max-height:80vh}',
  '#panel{flex:0 0 380px;position:sticky;top:0;max-height:80vh;overflow:auto;border-left:1px solid #ddd;padding:12px 16px;background:#fcfcfd}',
  '#panel h2{font-size:16px;margin:0 0 6px;word-break:break-all}#panel h3{font-size:13px;margin:12px 0 4px;color:#444}.hint,.note{color:#777;font-size:12px}',
  'pre.payload{background:#f4f5f7;border:1px solid #e1e3e8;padding:6px;margin:2px 0;max-height:260px;overflow:auto;white-space:pre-wrap;word-break:break-all;font-size:12px}',
  '.show-all summary{cursor:pointer;color:#1565c0;font-size:12px}',
  '#legend{list-style:none;display:flex;flex-wrap:wrap;gap:14px;padding:0;margin:0 0 10px;font-size:12px}',
  '#legend .swatch{display:inline-block;width:14px;height:10px;border:2px solid;margin-right:5px;vertical-align:middle}',
  '#legend .outcome-unfinished .swatch{border-style:dashed}',
  outcomeRules,
  '#machine g.outcome-unfinished>.state{stroke-dasharray:4 2}#machine g.outcome-not-reached text{fill:#999}',
  '#machine g.node{cursor:pointer}#machine g.selected>.state{stroke:#1565c0;stroke-width:4px}',
  '#events{padding:12px 20px}#events h2{font-size:16px}table{border-collapse:collapse;width:100%;font-size:12px}',
  'th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #eee;vertical-align:top}td code{word-break:break-all}#events td:nth-child(2){white-space:nowrap}#events td:nth-child(4){min-width:10em}',
  'tr[data-state]{cursor:pointer}tr[data-state]:hover{background:#f0f4ff}tr.selected{background:#dbe7ff}tr.gap td{color:#777;text-align:center}',
  '.frame{font:12px monospace;background:#f4f5f7;border:1px solid #e1e3e8;padding:4px 0;overflow:auto}',
  '.frame div{white-space:pre;padding:0 6px}.frame .here{background:#fff3c4}.frame .number{color:#999;display:inline-block;min-width:3em}',
  '#panel li{word-break:break-all}\n.visit{border-top:1px solid #e4e4e8;margin-top:10px;padding-top:6px}.visit .outcome{font-weight:600}',
].join('\n');

/** The page's script: selection of states (from the drawing or the table) and the side panel. */
export const REPORT_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var panel = document.getElementById('panel');
  var PREVIEW = 1500;
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function seconds(ms) { return (ms / 1000).toFixed(3) + 's'; }
  function payload(p) {
    var box = el('div');
    if (!p) { box.appendChild(el('p', 'not recorded', 'note')); return box; }
    // Whole payloads are shown indented; a cut one is not JSON any more and stays as it is.
    if (p.length === p.text.length) { try { p = { text: JSON.stringify(JSON.parse(p.text), null, 2), length: -1 }; p.length = p.text.length; } catch (e) {} }
    var short = p.text.length > PREVIEW;
    box.appendChild(el('pre', short ? p.text.slice(0, PREVIEW) + '…' : p.text, 'payload'));
    if (short) {
      var more = el('details', undefined, 'show-all');
      more.appendChild(el('summary', 'show all (' + p.text.length + ' characters)'));
      more.addEventListener('toggle', function () {
        if (more.open && more.childNodes.length === 1) more.appendChild(el('pre', p.text, 'payload'));
      });
      box.appendChild(more);
    }
    if (p.length > p.text.length) box.appendChild(el('p', 'cut at ' + p.text.length + ' of ' + p.length + ' characters', 'note'));
    return box;
  }
  function section(parent, title) { parent.appendChild(el('h3', title)); }
  function describeVisit(state, visit) {
    var box = el('div', undefined, 'visit');
    var head = el('p');
    head.appendChild(el('span', data.outcomes[visit.outcome], 'outcome'));
    head.appendChild(document.createTextNode((visit.where ? ' in ' + visit.where.replace(/ › $/, '') : '') + ' · entered at +' + seconds(visit.startedAt) + ', took ' + seconds(visit.duration) + ' · event ' + visit.enteredEventId));
    box.appendChild(head);
    if (visit.error !== undefined) box.appendChild(el('p', 'error: ' + visit.error, 'error'));
    if (visit.cause !== undefined) box.appendChild(payload({ text: visit.cause, length: visit.cause.length }));
    section(box, 'input'); box.appendChild(payload(visit.input));
    section(box, 'output');
    if (visit.output) box.appendChild(payload(visit.output)); else box.appendChild(el('p', 'no output (the state did not exit)', 'note'));
    section(box, 'variables assigned');
    var names = visit.assignedVariables ? Object.keys(visit.assignedVariables) : [];
    if (!visit.assignedVariables) box.appendChild(el('p', state.assigns ? 'not recorded in the history' : 'none (the state has no Assign)', 'note'));
    for (var i = 0; i < names.length; i++) { box.appendChild(el('div', '$' + names[i], 'note')); box.appendChild(payload(visit.assignedVariables[names[i]])); }
    if (visit.attempts.length > 0) {
      section(box, 'attempts (' + visit.attempts.length + ')');
      var list = el('ol');
      for (var a = 0; a < visit.attempts.length; a++) {
        var attempt = visit.attempts[a];
        list.appendChild(el('li', attempt.error === undefined ? (a === visit.attempts.length - 1 && visit.outcome !== 'failed' && visit.outcome !== 'caught' ? 'succeeded' : 'no error recorded') : attempt.error + (attempt.cause ? ': ' + attempt.cause.slice(0, 300) : '')));
      }
      box.appendChild(list);
    }
    if (visit.iterations) {
      var it = visit.iterations;
      section(box, 'Map iterations');
      box.appendChild(el('p', (it.total === undefined ? '?' : it.total) + ' items: ' + it.succeeded + ' succeeded, ' + it.failed + ' failed'));
    }
    if (visit.branches) {
      section(box, 'Parallel branches');
      var branches = el('ul');
      for (var b = 0; b < visit.branches.length; b++) branches.appendChild(el('li', 'branch ' + visit.branches[b].index + ': ' + visit.branches[b].outcome));
      box.appendChild(branches);
    }
    return box;
  }
  function show(name) {
    var state = Object.prototype.hasOwnProperty.call(data.states, name) ? data.states[name] : undefined;
    panel.textContent = '';
    if (!state) { panel.appendChild(el('p', 'No state ' + name, 'hint')); return; }
    panel.appendChild(el('h2', state.name));
    panel.appendChild(el('p', state.type + ' · ' + data.outcomes[state.outcome] + ' · ' + state.visits + (state.visits === 1 ? ' visit' : ' visits') + (state.retries ? ' · ' + state.retries + (state.retries === 1 ? ' retry' : ' retries') : '')));
    var counts = Object.keys(state.counts);
    if (state.visits > 1) panel.appendChild(el('p', counts.map(function (k) { return state.counts[k] + ' ' + data.outcomes[k]; }).join(', '), 'note'));
    if (state.source) {
      panel.appendChild(el('p', state.source.file + ':' + state.source.line, 'source'));
      if (state.source.lines) {
        var frame = el('div', undefined, 'frame');
        for (var l = 0; l < state.source.lines.length; l++) {
          var line = state.source.lines[l];
          var row = el('div', undefined, line.number === state.source.line ? 'here' : '');
          row.appendChild(el('span', line.number, 'number'));
          row.appendChild(document.createTextNode(line.text));
          frame.appendChild(row);
        }
        panel.appendChild(frame);
      }
    }
    if (state.visits === 0) panel.appendChild(el('p', 'This state was not reached.', 'hint'));
    if (state.visits > state.detailed.length) panel.appendChild(el('p', 'Showing ' + state.detailed.length + ' of ' + state.visits + ' visits (the first ones, and failed or caught ones).', 'note'));
    for (var v = 0; v < state.detailed.length; v++) panel.appendChild(describeVisit(state, state.detailed[v]));
  }
  function select(name) {
    var selected = document.querySelectorAll('.selected');
    for (var i = 0; i < selected.length; i++) selected[i].classList.remove('selected');
    var first;
    for (var id in data.nodes) {
      if (data.nodes[id] !== name) continue;
      var node = document.getElementById(id);
      if (node) { node.classList.add('selected'); first = first || node; }
    }
    if (first && first.scrollIntoView) first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    show(name);
  }
  var svg = document.getElementById('machine');
  svg.addEventListener('click', function (event) {
    for (var node = event.target; node && node !== svg; node = node.parentNode) {
      if (node.id && Object.prototype.hasOwnProperty.call(data.nodes, node.id)) { select(data.nodes[node.id]); return; }
    }
  });
  document.querySelector('#events tbody').addEventListener('click', function (event) {
    var row = event.target.closest('tr[data-state]');
    if (!row) return;
    select(row.getAttribute('data-state'));
    row.classList.add('selected');
  });
})();
`;
