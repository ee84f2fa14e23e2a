// Collaboration: the coordinators' network monitor. Plain JavaScript, no build step, no dependencies.
// The key lives in sessionStorage and goes out only as an Authorization header to this origin; the live
// feed is read with fetch() (EventSource cannot send headers), so the key never appears in a URL.
'use strict';

(() => {
  const KEY_STORAGE = 'collaboration.coordinatorKey';
  const FEED_SIZE = 60;
  const RECENT = 25;
  const SVG = 'http://www.w3.org/2000/svg';
  const COUNTRY_COLOURS = ['#3f7fd8', '#e0633a', '#2a9d8f', '#9b5de5', '#6d597a', '#d6457b', '#4c956c', '#5e6ad2', '#b5651d', '#118ab2', '#8d99ae', '#c1121f'];
  const EXCHANGE_KINDS = [['goodPractice', 'Good practices'], ['question', 'Questions'], ['lessonLearned', 'Lessons learned'], ['resource', 'Resources']];
  const ADOPTION_STATUSES = [['interested', 'Interested'], ['adapting', 'Adapting'], ['implemented', 'Implemented'], ['abandoned', 'Abandoned']];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  const $ = (id) => document.getElementById(id);
  const state = { key: null, lastSeq: 0, abort: null, refreshTimer: null, refreshing: false, refreshAgain: false, graphShape: '', figures: {} };

  class AuthError extends Error {}

  // ---- Calling the API ----------------------------------------------------------------------------------

  async function api(path, signal) {
    const response = await fetch(path, {
      headers: { Authorization: 'Bearer ' + state.key, Accept: 'application/json' },
      cache: 'no-store',
      signal,
    });
    if (response.status === 401 || response.status === 403) {
      throw new AuthError(response.status === 401 ? 'This key is not known.' : 'This key is not the coordinator\'s key.');
    }
    if (!response.ok) {
      throw new Error(`${path} answered ${response.status}`);
    }
    return response.json();
  }

  // ---- Signing in and out -------------------------------------------------------------------------------

  function showKeyForm(message) {
    $('dashboard').hidden = true;
    $('key-panel').hidden = false;
    $('sign-out').hidden = true;
    $('key-error').textContent = message || '';
    $('key-error').hidden = !message;
    setStatus('offline', 'Not connected');
    $('key-input').focus();
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY_STORAGE);
    state.key = null;
    if (state.abort) state.abort.abort();
    state.abort = null;
    showKeyForm(message);
  }

  async function open(key) {
    state.key = key;
    state.lastSeq = 0;
    state.graphShape = '';
    state.figures = {};
    $('feed').replaceChildren();
    let summary;
    try {
      summary = await api('/network/summary');
    } catch (error) {
      if (error instanceof AuthError) return signOut(error.message);
      return showKeyForm('The server could not be reached. Try again.');
    }

    sessionStorage.setItem(KEY_STORAGE, key);
    $('key-panel').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    renderSummary(summary);

    const from = Math.max(0, summary.lastActivitySeq - RECENT);
    state.lastSeq = from;
    try {
      const recent = await api(`/network/activity?after=${from}&limit=${RECENT}`);
      recent.forEach((record) => addActivity(record, false));
    } catch (error) {
      if (error instanceof AuthError) return signOut(error.message);
    }

    await refreshDetails();
    const controller = new AbortController();
    state.abort = controller;
    follow(controller.signal);
  }

  // ---- The live feed (Server-Sent Events over fetch) ----------------------------------------------------

  async function follow(signal) {
    let delay = 1000;
    while (!signal.aborted) {
      try {
        await readStream(signal);
        delay = 1000;
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof AuthError) return signOut(error.message);
      }
      if (signal.aborted) return;
      setStatus('reconnecting', 'Reconnecting…');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15000);
    }
  }

  async function readStream(signal) {
    const headers = { Authorization: 'Bearer ' + state.key, Accept: 'text/event-stream' };
    if (state.lastSeq > 0) headers['Last-Event-ID'] = String(state.lastSeq);
    const response = await fetch('/network/activity/stream', { headers, cache: 'no-store', signal });
    if (response.status === 401 || response.status === 403) throw new AuthError('The key is no longer accepted.');
    if (!response.ok || !response.body) throw new Error('stream answered ' + response.status);

    setStatus('live', 'Live');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  // One SSE event block: "field: value" lines; comments (heartbeats) start with a colon.
  function dispatch(block) {
    const data = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    addActivity(JSON.parse(data.join('\n')), true);
  }

  function addActivity(record, live) {
    if (record.seq <= state.lastSeq) return;
    state.lastSeq = record.seq;

    const item = document.createElement('li');
    item.className = 'feed-item' + (live ? ' fresh' : '');
    item.dataset.seq = String(record.seq);
    item.dataset.type = record.type;
    const badge = element('span', 'badge badge-' + record.type.split('.')[0], describeType(record.type));
    const summary = element('p', 'summary', record.summary);
    const meta = element('p', 'meta', `${formatTime(record.at)} · ${record.actor} · #${record.seq}`);
    item.append(badge, summary, meta);

    const feed = $('feed');
    feed.prepend(item);
    while (feed.children.length > FEED_SIZE) feed.lastElementChild.remove();
    $('feed-empty').hidden = true;
    $('feed-position').textContent = `up to #${record.seq}`;
    if (live) {
      setTimeout(() => item.classList.remove('fresh'), 8000);
      scheduleRefresh();
    }
  }

  // ---- Figures, graph and lists -------------------------------------------------------------------------

  function scheduleRefresh() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(async () => {
      if (state.refreshing) {
        state.refreshAgain = true;
        return;
      }
      state.refreshing = true;
      try {
        renderSummary(await api('/network/summary'));
        await refreshDetails();
      } catch (error) {
        if (error instanceof AuthError) signOut(error.message);
      } finally {
        state.refreshing = false;
        if (state.refreshAgain) {
          state.refreshAgain = false;
          scheduleRefresh();
        }
      }
    }, 300);
  }

  async function refreshDetails() {
    try {
      const [graph, events, quiet, alerts] = await Promise.all([
        api('/network/graph'), api('/network/events/upcoming?limit=6'), api('/network/inactive?days=90'), api('/network/alerts'),
      ]);
      renderGraph(graph);
      renderEvents(events);
      renderQuiet(quiet);
      renderAlerts(alerts);
    } catch (error) {
      if (error instanceof AuthError) signOut(error.message);
    }
  }

  function renderSummary(summary) {
    const exchanges = sum(summary.exchanges);
    const adoptions = sum(summary.adoptions);
    setFigure('fig-partners', summary.partners, 'registered');
    setFigure('fig-countries', summary.countries, 'represented');
    setFigure('fig-projects', summary.projects.active, `active of ${number(summary.projects.total)}`);
    setFigure('fig-events-held', summary.events.held, 'so far');
    setFigure('fig-events-upcoming', summary.events.upcoming, 'events ahead');
    setFigure('fig-participants', summary.participants, 'in events');
    setFigure('fig-exchanges', exchanges, `${number(summary.exchanges.goodPractice || 0)} good practice${summary.exchanges.goodPractice === 1 ? '' : 's'}`);
    setFigure('fig-agreements', summary.agreementsInForce, 'in force');
    setFigure('fig-adoptions', adoptions, `${number(summary.adoptions.implemented || 0)} implemented`);
    renderBars('exchange-kinds', EXCHANGE_KINDS, summary.exchanges, '');
    renderBars('adoption-statuses', ADOPTION_STATUSES, summary.adoptions, 'bars-adoptions');
  }

  function setFigure(id, value, note) {
    const figure = $(id);
    const previous = state.figures[id];
    figure.querySelector('.figure-value').textContent = number(value);
    figure.querySelector('.figure-note').textContent = note;
    figure.dataset.value = String(value);
    if (previous !== undefined && previous !== value) {
      figure.classList.add('changed');
      setTimeout(() => figure.classList.remove('changed'), 2500);
    }
    state.figures[id] = value;
  }

  function renderBars(id, entries, counts, extraClass) {
    const list = $(id);
    if (extraClass) list.classList.add(extraClass);
    const max = Math.max(1, ...entries.map(([key]) => counts[key] || 0));
    list.replaceChildren(...entries.map(([key, label]) => {
      const count = counts[key] || 0;
      const fill = document.createElement('span');
      fill.style.width = `${(100 * count) / max}%`;
      const bar = element('span', 'bar');
      bar.append(fill);
      const item = document.createElement('li');
      item.append(element('span', '', label), bar, element('span', 'count', number(count)));
      return item;
    }));
  }

  function renderEvents(events) {
    $('events').replaceChildren(...events.map((event) => {
      const [year, month, day] = event.startDate.split('-').map(Number);
      const chip = element('span', 'date-chip');
      chip.append(element('strong', '', String(day)), element('span', '', `${MONTHS[month - 1]} ${String(year).slice(2)}`));
      const text = element('div');
      text.append(
        element('div', 'title', event.title || event.id),
        element('div', 'detail', [event.place, event.projectId && `project ${event.projectId}`, event.host && `hosted by ${event.host}`].filter(Boolean).join(' · ')));
      const item = document.createElement('li');
      item.append(chip, text);
      return item;
    }));
    $('events-empty').hidden = events.length > 0;
  }

  function renderQuiet(partners) {
    $('quiet').replaceChildren(...partners.slice(0, 8).map((partner) => {
      const text = element('div');
      text.append(
        element('div', 'title', `${partner.name} (${partner.country})`),
        element('div', 'detail', partner.lastActivityAt ? `last active ${formatDate(partner.lastActivityAt)}` : 'no activity recorded'));
      const item = document.createElement('li');
      item.dataset.id = partner.id;
      item.append(element('span', 'quiet-dot' + (partner.lastActivityAt ? '' : ' never')), text);
      return item;
    }));
    if (partners.length > 8) $('quiet').append(element('li', 'detail', `and ${partners.length - 8} more`));
    $('quiet-empty').hidden = partners.length > 0;
  }

  function renderAlerts(alerts) {
    $('alerts').replaceChildren(...alerts.slice(0, 10).map((alert) => {
      const text = element('div');
      text.append(
        element('div', 'title', `${alert.subject} · ${alert.code}`),
        element('div', 'detail', `${alert.detail} (since ${formatDate(alert.since)})`));
      const item = document.createElement('li');
      item.dataset.code = alert.code;
      item.append(element('span', 'quiet-dot' + (alert.severity === 'critical' ? ' never' : '')), text);
      return item;
    }));
    if (alerts.length > 10) $('alerts').append(element('li', 'detail', `and ${alerts.length - 10} more`));
    $('alerts-empty').hidden = alerts.length > 0;
  }

  // ---- The graph: a small force-directed layout drawn in SVG --------------------------------------------

  function renderGraph(graph) {
    const shape = JSON.stringify(graph);
    if (shape === state.graphShape) return;
    state.graphShape = shape;

    const svg = $('graph');
    const width = 800;
    const height = 460;
    $('graph-empty').hidden = graph.nodes.length > 0;
    const countries = [...new Set(graph.nodes.filter((n) => n.country).map((n) => n.country))].sort();
    const colour = (country) => COUNTRY_COLOURS[countries.indexOf(country) % COUNTRY_COLOURS.length];
    const nodes = layout(graph, width, height);
    const byId = new Map(nodes.map((n) => [n.id, n]));

    const edgeLayer = document.createElementNS(SVG, 'g');
    for (const edge of graph.edges) {
      const a = byId.get(edge.source);
      const b = byId.get(edge.target);
      if (!a || !b) continue;
      if (edge.type === 'adoption') {
        const path = svgElement('path', { class: 'edge edge-adoption', d: curve(a, b) });
        path.append(svgTitle(`${a.label} adopts a practice of ${b.label}`));
        edgeLayer.append(path);
      } else {
        edgeLayer.append(svgElement('line', { class: `edge edge-${edge.type}`, x1: a.x, y1: a.y, x2: b.x, y2: b.y }));
      }
    }

    const nodeLayer = document.createElementNS(SVG, 'g');
    const labelLayer = document.createElementNS(SVG, 'g');
    for (const node of nodes) {
      let shapeElement;
      if (node.type === 'project') {
        shapeElement = svgElement('rect', { class: 'node node-project', x: node.x - 9, y: node.y - 9, width: 18, height: 18, rx: 4 });
      } else if (node.type === 'agreement') {
        shapeElement = svgElement('polygon', {
          class: 'node node-agreement',
          points: `${node.x},${node.y - 10} ${node.x + 10},${node.y} ${node.x},${node.y + 10} ${node.x - 10},${node.y}`,
        });
      } else {
        shapeElement = svgElement('circle', { class: 'node node-municipality', cx: node.x, cy: node.y, r: 8, fill: colour(node.country) });
      }
      shapeElement.dataset.id = node.id;
      shapeElement.append(svgTitle(node.country ? `${node.label} (${node.country})` : node.label));
      nodeLayer.append(shapeElement);
      const above = node.type === 'agreement';
      const label = svgElement('text', { class: `label label-${node.type}`, x: node.x, y: above ? node.y - 15 : node.y + 22, 'text-anchor': 'middle' });
      label.textContent = node.country ? `${shorten(node.label, 24)} · ${node.country}` : shorten(node.label, 24);
      labelLayer.append(label);
    }
    svg.replaceChildren(edgeLayer, nodeLayer, labelLayer);
  }

  // Fruchterman-Reingold from a deterministic start (partners on a ring by country, projects and agreements
  // inside), so the same network is drawn the same way every time.
  function layout(graph, width, height) {
    const cx = width / 2;
    const cy = height / 2;
    const partners = graph.nodes.filter((n) => n.type === 'municipality')
      .sort((a, b) => (a.country || '').localeCompare(b.country || '') || a.label.localeCompare(b.label));
    const hubs = graph.nodes.filter((n) => n.type !== 'municipality');
    const nodes = [];
    partners.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, partners.length) - Math.PI / 2;
      nodes.push({ ...n, x: cx + Math.cos(angle) * width * 0.38, y: cy + Math.sin(angle) * height * 0.36 });
    });
    hubs.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, hubs.length);
      const radius = hubs.length === 1 ? 0 : 70;
      nodes.push({ ...n, x: cx + Math.cos(angle) * radius, y: cy + Math.sin(angle) * radius });
    });
    if (nodes.length < 2) return nodes;

    const index = new Map(nodes.map((n, i) => [n.id, i]));
    const links = graph.edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined);
    const tied = new Set(links.flat());
    const k = Math.sqrt((width * height) / nodes.length) * 0.9;
    let temperature = width / 10;
    for (let step = 0; step < 300; step++) {
      const dx = new Float64Array(nodes.length);
      const dy = new Float64Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          let x = nodes[i].x - nodes[j].x;
          let y = nodes[i].y - nodes[j].y;
          const distance = Math.max(1, Math.hypot(x, y));
          const force = (k * k) / distance;
          x = (x / distance) * force;
          y = (y / distance) * force;
          dx[i] += x; dy[i] += y; dx[j] -= x; dy[j] -= y;
        }
      }
      for (const [a, b] of links) {
        const x = nodes[a].x - nodes[b].x;
        const y = nodes[a].y - nodes[b].y;
        const distance = Math.max(1, Math.hypot(x, y));
        const force = (distance * distance) / k;
        dx[a] -= (x / distance) * force; dy[a] -= (y / distance) * force;
        dx[b] += (x / distance) * force; dy[b] += (y / distance) * force;
      }
      for (let i = 0; i < nodes.length; i++) {
        // Gravity keeps partners without ties (new ones) near the rest instead of in a corner.
        const gravity = tied.has(i) ? 0.009 * k : 0.04 * k;
        dx[i] += (cx - nodes[i].x) * gravity;
        dy[i] += (cy - nodes[i].y) * gravity * 1.3;
        const length = Math.max(1, Math.hypot(dx[i], dy[i]));
        nodes[i].x = clamp(nodes[i].x + (dx[i] / length) * Math.min(length, temperature), 100, width - 100);
        nodes[i].y = clamp(nodes[i].y + (dy[i] / length) * Math.min(length, temperature), 24, height - 34);
      }
      temperature *= 0.985;
    }
    for (const node of nodes) {
      node.x = Math.round(node.x * 10) / 10;
      node.y = Math.round(node.y * 10) / 10;
    }
    return nodes;
  }

  function curve(a, b) {
    const mx = (a.x + b.x) / 2 - (b.y - a.y) * 0.2;
    const my = (a.y + b.y) / 2 + (b.x - a.x) * 0.2;
    return `M${a.x},${a.y} Q${mx},${my} ${b.x},${b.y}`;
  }

  // ---- Small helpers ------------------------------------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgElement(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    return node;
  }

  function svgTitle(text) {
    const title = document.createElementNS(SVG, 'title');
    title.textContent = text;
    return title;
  }

  function setStatus(kind, text) {
    const status = $('status');
    status.className = 'status status-' + kind;
    status.textContent = text;
  }

  function describeType(type) {
    const words = type.replace('.', ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  const sum = (counts) => Object.values(counts || {}).reduce((total, value) => total + value, 0);
  const number = (value) => Number(value || 0).toLocaleString('en');
  const clamp = (value, min, max) => Math.min(max, Math.max(min, value));
  const shorten = (text, max) => (text.length <= max ? text : text.slice(0, max - 1) + '…');

  function formatTime(at) {
    const date = new Date(at);
    const today = new Date();
    const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return date.toDateString() === today.toDateString() ? time : `${formatDate(at)} ${time}`;
  }

  function formatDate(at) {
    const date = new Date(at);
    return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
  }

  // ---- Start --------------------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', () => {
    $('key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const key = $('key-input').value.trim();
      if (!key) return showKeyForm('Enter the key.');
      $('key-input').value = '';
      open(key);
    });
    $('sign-out').addEventListener('click', () => signOut());
    const stored = sessionStorage.getItem(KEY_STORAGE);
    if (stored) open(stored); else showKeyForm();
  });
})();
