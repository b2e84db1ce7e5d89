// Check Mermaid sources with the real Mermaid 11 (tests/export/node, installed by `npm ci`).
//
//   node mermaid_check.mjs parse FILE.mmd...            parse each file under node with a jsdom shim
//   node mermaid_check.mjs render CHROMIUM FILE.mmd...  lay out and draw each file in headless Chromium
//
// Prints one JSON object: {"FILE": {...}}. `parse` gives {ok, type} or {ok: false, error}.
// `render` gives, for every edge Mermaid parsed, how long its drawn path is and how far its ends
// are from the boxes of its two nodes, plus every pair of edge labels whose boxes overlap. Layout
// needs real text measurement, which jsdom lacks, so rendering uses the browser, as mermaid-cli does.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.join(here, 'node', 'node_modules');

async function parseAll(files) {
  const { JSDOM } = await import(path.join(modules, 'jsdom', 'lib', 'api.js'));
  const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  for (const key of ['Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'XMLSerializer']) {
    globalThis[key] ??= dom.window[key];
  }
  const { default: mermaid } = await import(path.join(modules, 'mermaid', 'dist', 'mermaid.core.mjs'));
  mermaid.initialize({ startOnLoad: false });
  const out = {};
  for (const file of files) {
    try {
      const result = await mermaid.parse(fs.readFileSync(file, 'utf8'));
      out[file] = { ok: true, type: result.diagramType };
    } catch (error) {
      out[file] = { ok: false, error: String(error.message ?? error) };
    }
  }
  return out;
}

// Runs inside the page: draws each source and measures what was drawn.
function measure(sources) {
  const gap = (point, rect) => {
    const dx = Math.max(rect.left - point.x, 0, point.x - rect.right);
    const dy = Math.max(rect.top - point.y, 0, point.y - rect.bottom);
    return Math.hypot(dx, dy);
  };
  const screen = (pathEl, at) => {
    const p = pathEl.getPointAtLength(at);
    const m = pathEl.getScreenCTM();
    return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
  };
  const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  return (async () => {
    const report = {};
    let n = 0;
    for (const [file, source] of Object.entries(sources)) {
      try {
        const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
        const { svg } = await mermaid.render(`d${n++}`, source);
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        document.body.appendChild(holder);
        const nodes = {};
        for (const g of holder.querySelectorAll('g.node')) {
          const m = g.id.match(/-flowchart-(.+)-\d+$/);
          if (m) nodes[m[1]] = g.getBoundingClientRect();
        }
        const edges = diagram.db.getEdges().map((e) => {
          const el = [...holder.querySelectorAll('.edgePaths path')].find((p) => p.id.endsWith(`-${e.id}`));
          if (!el) return { id: e.id, start: e.start, end: e.end, length: 0, drawn: false };
          const length = el.getTotalLength();
          const startGap = length > 0 && nodes[e.start] ? gap(screen(el, 0), nodes[e.start]) : null;
          const endGap = length > 0 && nodes[e.end] ? gap(screen(el, length), nodes[e.end]) : null;
          const style = getComputedStyle(el);
          return {
            id: e.id, start: e.start, end: e.end, length, startGap, endGap, drawn: true,
            stroke: style.stroke, dash: style.strokeDasharray, width: style.strokeWidth,
            heads: [el.getAttribute('marker-start') ?? '', el.getAttribute('marker-end') ?? ''],
          };
        });
        const labels = [...holder.querySelectorAll('.edgeLabels > g.edgeLabel')]
          .map((l) => ({ text: l.textContent.trim(), rect: l.getBoundingClientRect() }))
          .filter((l) => l.text && l.rect.width > 0);
        const overlaps = [];
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) {
            if (overlap(labels[i].rect, labels[j].rect)) overlaps.push([labels[i].text, labels[j].text]);
          }
        }
        const onNodes = [];
        for (const l of labels) {
          for (const [id, rect] of Object.entries(nodes)) if (overlap(l.rect, rect)) onNodes.push([l.text, id]);
        }
        report[file] = { ok: true, edges, labels: labels.length, overlaps, onNodes };
        holder.remove();
      } catch (error) {
        report[file] = { ok: false, error: String(error.message ?? error) };
      }
    }
    return report;
  })();
}

function renderAll(chromium, files) {
  const sources = Object.fromEntries(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const script = path.join(modules, 'mermaid', 'dist', 'mermaid.min.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mermaid-check-'));
  const page = path.join(dir, 'check.html');
  const json = JSON.stringify(sources).replaceAll('<', '\\u003c');
  fs.writeFileSync(
    page,
    `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="${script}"></script></head><body>
<script>
mermaid.initialize({ startOnLoad: false });
(${measure.toString()})(${json})
  .then((r) => { const pre = document.createElement('pre'); pre.id = 'report'; pre.textContent = JSON.stringify(r); document.body.appendChild(pre); })
  .catch((e) => { const pre = document.createElement('pre'); pre.id = 'report'; pre.textContent = JSON.stringify({ error: String(e) }); document.body.appendChild(pre); });
</script></body></html>`,
  );
  try {
    const dom = execFileSync(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--window-size=1600,1200',
        '--virtual-time-budget=60000', '--dump-dom', `file://${page}`],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'], timeout: 180_000 },
    );
    const found = dom.match(/<pre id="report">([\s\S]*?)<\/pre>/);
    if (!found) throw new Error('Chromium drew no report (did mermaid.min.js load?)');
    const text = found[1].replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    return JSON.parse(text);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'parse') {
  console.log(JSON.stringify(await parseAll(rest)));
} else if (mode === 'render') {
  const [chromium, ...files] = rest;
  console.log(JSON.stringify(renderAll(chromium, files)));
} else {
  console.error('usage: mermaid_check.mjs parse FILE... | render CHROMIUM FILE...');
  process.exit(2);
}
