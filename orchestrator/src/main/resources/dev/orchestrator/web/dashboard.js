// The orchestrator dashboard: the process table (supervisord's web page), the pipeline as a layered graph and as a
// table, and a log tail that follows the file. Plain DOM and SVG, no library; it polls the REST API (docs/control.md).
"use strict";

const POLL_MS = 2000;
const TAIL_MS = 1000;
const TOKEN = document.querySelector('meta[name="orchestrator-token"]').content;
const SVG = "http://www.w3.org/2000/svg";

const $ = id => document.getElementById(id);
let view = "graph";
let tail = null;

function el(tag, attrs, ...children) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({ credentials: "same-origin" }, options));
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : { error: { message: await response.text() } };
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function post(path, body) {
  return api(path, { method: "POST", headers: { "Content-Type": "application/json", "X-Orchestrator-Token": TOKEN },
    body: JSON.stringify(body || {}) });
}

function say(text, error) {
  const m = $("message");
  m.textContent = text;
  m.className = "message" + (error ? " error" : "");
}

function uptime(seconds) {
  const h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

const rate = x => x >= 100 ? x.toFixed(0) : x.toFixed(1);
const ms = x => (x * 1000).toFixed(x >= 0.01 ? 0 : 2);
const count = q => q && q.messages != null ? q.messages : "-";

// ---- processes -------------------------------------------------------------------------------------------------

async function act(name, action) {
  say(`${action} ${name}...`);
  try {
    const result = await post(`/api/processes/${encodeURIComponent(name)}/${action}`);
    const failed = result.results.filter(r => r.fault);
    say(failed.length ? failed.map(r => `${r.name}: ${r.message || r.fault}`).join("; ")
      : `${name}: ${action} done`, failed.length > 0);
  } catch (e) {
    say(`${name}: ${e.message}`, true);
  }
  refresh();
}

function buttons(name, withTail) {
  const td = el("td", { class: "rowactions" });
  for (const action of ["start", "stop", "restart", "clear"]) {
    td.append(el("button", { "data-action": action, "data-name": name, onclick: () => act(name, action) }, action));
  }
  if (withTail) td.append(el("button", { "data-action": "tail", "data-name": name, onclick: () => openTail(name) }, "tail"));
  return td;
}

// Rows are rebuilt only when the list of processes changes; otherwise each row's cells are updated in place, so
// that a button under the pointer is never replaced while it is being clicked.
function renderProcesses(processes) {
  const body = $("processes-body");
  const groups = new Map();
  for (const p of processes) {
    if (!groups.has(p.group)) groups.set(p.group, []);
    groups.get(p.group).push(p);
  }
  const rows = [];
  for (const [group, members] of groups) {
    if (members.length > 1 || members[0].name !== group) {
      const running = members.filter(p => p.state === "RUNNING").length;
      rows.push({ key: `group ${group}`, cells: [`${running}/${members.length} running`, "group", `${group}:*`],
        make: () => el("tr", { class: "group", "data-group": group }, el("td"), el("td"), el("td"),
          buttons(`${group}:*`, false)) });
    }
    for (const p of members) {
      const description = p.state === "RUNNING" ? `pid ${p.pid}, uptime ${uptime(p.uptime)}` : p.description;
      rows.push({ key: p.name, state: p.state, cells: [null, description, p.name],
        make: () => el("tr", { "data-name": p.name }, el("td", {}, el("span", { class: "state" })), el("td"),
          el("td", { class: "name" }), buttons(p.name, true)) });
    }
  }
  const keys = rows.map(r => r.key).join("\n");
  if (body.dataset.keys !== keys) {
    body.replaceChildren(...rows.map(r => r.make()));
    body.dataset.keys = keys;
  }
  rows.forEach((r, i) => {
    const cells = body.children[i].children;
    r.cells.forEach((text, j) => { if (text !== null && cells[j].textContent !== text) cells[j].textContent = text; });
    if (r.state) {
      const badge = cells[0].firstChild;
      if (badge.textContent !== r.state) { badge.textContent = r.state; badge.className = `state ${r.state}`; }
    }
  });
  const running = processes.filter(p => p.state === "RUNNING").length;
  $("summary").textContent = `${running} of ${processes.length} processes running`;
}

// ---- pipeline --------------------------------------------------------------------------------------------------

const NODE_W = 200, NODE_H = 92, GAP_X = 80, GAP_Y = 22, PAD = 20;

function health(e) {
  if (e.workersConfigured === 0) return "";
  return e.workersRunning === e.workersConfigured ? "ok" : e.workersRunning > 0 ? "warn" : "bad";
}

// Longest-path layers from the sources, then a few barycenter sweeps to order each layer (Sugiyama's method without
// dummy nodes): arrows go left to right and rarely cross, whatever the number of engines.
function layout(engines, edges) {
  const names = engines.map(e => e.name);
  const preds = new Map(names.map(n => [n, []])), succs = new Map(names.map(n => [n, []]));
  for (const e of edges) {
    if (preds.has(e.to) && succs.has(e.from) && e.from !== e.to) { preds.get(e.to).push(e.from); succs.get(e.from).push(e.to); }
  }
  const layer = new Map(names.map(n => [n, 0]));
  for (let round = 0; round < names.length; round++) {
    let changed = false;
    for (const e of edges) {
      if (!layer.has(e.from) || !layer.has(e.to) || e.from === e.to) continue;
      const want = layer.get(e.from) + 1;
      if (want > layer.get(e.to) && want < names.length) { layer.set(e.to, want); changed = true; }
    }
    if (!changed) break;
  }
  const layers = [];
  for (const n of names) (layers[layer.get(n)] ||= []).push(n);
  const position = new Map();
  const place = () => layers.forEach(l => l && l.forEach((n, i) => position.set(n, i)));
  place();
  const mean = (list, fallback) => list.length ? list.reduce((a, n) => a + position.get(n), 0) / list.length : fallback;
  for (let sweep = 0; sweep < 4; sweep++) {
    for (let i = 1; i < layers.length; i++) {
      if (layers[i]) layers[i].sort((a, b) => mean(preds.get(a), position.get(a)) - mean(preds.get(b), position.get(b)));
      place();
    }
    for (let i = layers.length - 2; i >= 0; i--) {
      if (layers[i]) layers[i].sort((a, b) => mean(succs.get(a), position.get(a)) - mean(succs.get(b), position.get(b)));
      place();
    }
  }
  const tallest = Math.max(1, ...layers.map(l => l ? l.length : 0));
  const xy = new Map();
  layers.forEach((l, i) => l && l.forEach((n, j) => {
    const offset = (tallest - l.length) * (NODE_H + GAP_Y) / 2;
    xy.set(n, { x: PAD + i * (NODE_W + GAP_X), y: PAD + offset + j * (NODE_H + GAP_Y) });
  }));
  return { xy, width: PAD * 2 + layers.length * (NODE_W + GAP_X) - GAP_X, height: PAD * 2 + tallest * (NODE_H + GAP_Y) - GAP_Y };
}

function renderGraph(pipeline) {
  const svg = $("graph-svg");
  const { xy, width, height } = layout(pipeline.engines, pipeline.edges);
  svg.setAttribute("width", Math.max(width, 300));
  svg.setAttribute("height", Math.max(height, 120));
  svg.replaceChildren(el("svg:defs", {}, el("svg:marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, el("svg:path", { d: "M0,0 L10,5 L0,10 z", fill: "#8a94a3" }))));
  for (const e of pipeline.edges) {
    const a = xy.get(e.from), b = xy.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2, x2 = b.x, y2 = b.y + NODE_H / 2;
    const bend = Math.max(30, Math.abs(x2 - x1) / 2);
    svg.append(el("svg:path", { class: "edge" + (e.balanced ? " balanced" : ""), "data-edge": `${e.from}->${e.to}`,
      d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`, "marker-end": "url(#arrow)" }));
  }
  for (const e of pipeline.engines) {
    const { x, y } = xy.get(e.name);
    const g = el("svg:g", { class: `node ${health(e)}`, "data-engine": e.name, transform: `translate(${x},${y})` },
      el("svg:title", {}, `${e.name} (${e.type || "no workers"}): ${e.workers.join(", ")}`),
      el("svg:rect", { class: "box", width: NODE_W, height: NODE_H }),
      el("svg:text", { class: "title", x: 10, y: 18 }, e.name),
      el("svg:text", { class: "muted", x: NODE_W - 10, y: 18, "text-anchor": "end" }, `${e.workersRunning}/${e.workersConfigured} workers`),
      el("svg:text", { x: 10, y: 38 }, `in ${rate(e.inPerSecond)}/s  out ${rate(e.outPerSecond)}/s`),
      el("svg:text", { class: e.errored > 0 ? "errors" : "muted", x: 10, y: 55 }, `errors ${e.errored}`),
      el("svg:text", { class: "muted", x: NODE_W - 10, y: 55, "text-anchor": "end" }, `${ms(e.secondsPerEvent)} ms/event`));
    const q = e.queue || {};
    const backlog = q.messages > 0;
    g.append(el("svg:g", { class: "queue" + (backlog ? " backlog" : ""), transform: `translate(10,64)` },
      el("svg:rect", { width: NODE_W - 20, height: 20 }),
      el("svg:text", { x: 6, y: 14 }, q.messages != null ? `queued ${q.messages} · consumers ${q.consumers}` : `queue: ${q.problem || "unknown"}`)));
    const errors = e.errorQueue && e.errorQueue.messages;
    if (errors > 0) {
      const label = `${errors} error-queued`;
      const w = 16 + label.length * 6.8;
      g.append(el("svg:g", { class: "badge", transform: `translate(${NODE_W - w - 8},-9)` },
        el("svg:title", {}, `orchestrator errors ${e.name}`), el("svg:rect", { width: w, height: 17 }),
        el("svg:text", { x: w / 2, y: 12.5, "text-anchor": "middle" }, label)));
    }
    svg.append(g);
  }
}

function renderEngines(pipeline) {
  const body = $("engines-body");
  body.replaceChildren(...pipeline.engines.map(e => el("tr", { "data-engine": e.name },
    el("td", {}, e.name), el("td", {}, e.type || "-"), el("td", { class: "num" }, `${e.workersRunning}/${e.workersConfigured}`),
    el("td", { class: "num" }, rate(e.inPerSecond)), el("td", { class: "num" }, rate(e.outPerSecond)),
    el("td", { class: "num" }, e.eventsIn), el("td", { class: "num" }, e.errored), el("td", { class: "num" }, ms(e.secondsPerEvent)),
    el("td", {}, e.queue ? e.queue.name : "-"), el("td", { class: "num" }, count(e.queue)),
    el("td", { class: "num" }, e.queue && e.queue.consumers != null ? e.queue.consumers : "-"),
    el("td", { class: "num" }, count(e.errorQueue)), el("td", {}, e.next.join(", ") + (e.nextBalanced ? " (balanced)" : "")))));
}

// ---- log tail --------------------------------------------------------------------------------------------------

function openTail(name) {
  tail = { name, offset: null };
  $("tail-name").textContent = name;
  $("tail-text").textContent = "";
  $("tail").classList.remove("hidden");
  followTail();
}

async function followTail() {
  if (!tail) return;
  const current = tail;
  try {
    const query = current.offset == null ? "length=16384" : `offset=${current.offset}&length=65536`;
    const chunk = await api(`/api/processes/${encodeURIComponent(current.name)}/log?${query}`);
    if (tail !== current) return;
    const pre = $("tail-text");
    if (chunk.overflow && current.offset != null) pre.textContent += "\n[...]\n";
    pre.textContent += chunk.data;
    if (pre.textContent.length > 500000) pre.textContent = pre.textContent.slice(-400000);
    current.offset = chunk.offset;
    if ($("tail-follow").checked) pre.scrollTop = pre.scrollHeight;
  } catch (e) {
    $("tail-text").textContent += `\n[${e.message}]\n`;
  }
  if (tail === current) setTimeout(followTail, TAIL_MS);
}

// ---- polling ---------------------------------------------------------------------------------------------------

async function refresh() {
  try {
    const [status, pipeline] = await Promise.all([api("/api/processes"), api("/api/pipeline")]);
    renderProcesses(status.processes);
    renderGraph(pipeline);
    renderEngines(pipeline);
    $("updated").textContent = "updated " + new Date(pipeline.time).toLocaleTimeString();
  } catch (e) {
    $("updated").textContent = "cannot reach the daemon: " + e.message;
  }
}

function show(which) {
  view = which;
  $("graph").classList.toggle("hidden", which !== "graph");
  $("engines").classList.toggle("hidden", which !== "table");
  $("tab-graph").classList.toggle("active", which === "graph");
  $("tab-table").classList.toggle("active", which === "table");
}

document.addEventListener("DOMContentLoaded", () => {
  $("tab-graph").addEventListener("click", () => show("graph"));
  $("tab-table").addEventListener("click", () => show("table"));
  $("tail-close").addEventListener("click", () => { tail = null; $("tail").classList.add("hidden"); });
  document.querySelectorAll("[data-all]").forEach(b => b.addEventListener("click", () => act("all", b.dataset.all)));
  refresh();
  setInterval(refresh, POLL_MS);
});
