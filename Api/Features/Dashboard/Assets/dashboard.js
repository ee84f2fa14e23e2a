// Collaboration: the coordinators' network monitor. Plain JavaScript, no build step; it draws with the pinned
// libraries under /dashboard/vendor (Cytoscape.js, Chart.js, topojson-client and Natural Earth's boundaries), which
// this server ships, so nothing is loaded from elsewhere.
// The key lives in sessionStorage and goes out only as an Authorization header to this origin; the live feed is
// read with fetch() (EventSource cannot send headers), so the key never appears in a URL.
'use strict';

(() => {
  const KEY_STORAGE = 'collaboration.coordinatorKey';
  const FEED_SIZE = 60;
  const RECENT = 25;
  const SVG = 'http://www.w3.org/2000/svg';
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const EXCHANGE_KINDS = { goodPractice: 'good practice', question: 'question', lessonLearned: 'lesson learned', resource: 'resource' };
  const ADOPTION_STATUSES = [['interested', 'Interested', '#8fb3e8'], ['adapting', 'Adapting', '#f2b705'], ['implemented', 'Implemented', '#1f8a5b'], ['abandoned', 'Abandoned', '#9aa3b2']];
  const THEMES_SHOWN = 12;

  // One source for every colour the graph draws and its legend shows.
  const COLOURS = {
    partner: '#3f7fd8',
    project: '#1f3f8f',
    agreement: '#e0a800',
    partnerEdge: '#b9c3d6',
    leadEdge: '#1f3f8f',
    partyEdge: '#e0a800',
    adoptionEdge: '#1f8a5b',
    selected: '#c2410c',
  };

  // The map's scale: partners per country, in classes; a country without partners is drawn in the first colour.
  const MAP_CLASSES = [[1, 1], [2, 3], [4, 6], [7, 10], [11, Infinity]];
  const MAP_COLOURS = ['#e4e8ef', '#cfe0f7', '#9dc0ee', '#5f97dc', '#2d67bd', '#163f86'];

  // ISO 3166-1 alpha-2 (as partners are registered) -> [ISO numeric (the map's ids), English short name].
  // Kosovo has no numeric code; Natural Earth names it.
  const COUNTRIES = {
    AT: ['040', 'Austria'], BE: ['056', 'Belgium'], BG: ['100', 'Bulgaria'], HR: ['191', 'Croatia'], CY: ['196', 'Cyprus'],
    CZ: ['203', 'Czechia'], DK: ['208', 'Denmark'], EE: ['233', 'Estonia'], FI: ['246', 'Finland'], FR: ['250', 'France'],
    DE: ['276', 'Germany'], GR: ['300', 'Greece'], HU: ['348', 'Hungary'], IE: ['372', 'Ireland'], IT: ['380', 'Italy'],
    LV: ['428', 'Latvia'], LT: ['440', 'Lithuania'], LU: ['442', 'Luxembourg'], MT: ['470', 'Malta'], NL: ['528', 'Netherlands'],
    PL: ['616', 'Poland'], PT: ['620', 'Portugal'], RO: ['642', 'Romania'], SK: ['703', 'Slovakia'], SI: ['705', 'Slovenia'],
    ES: ['724', 'Spain'], SE: ['752', 'Sweden'], GB: ['826', 'United Kingdom'], IS: ['352', 'Iceland'], LI: ['438', 'Liechtenstein'],
    NO: ['578', 'Norway'], CH: ['756', 'Switzerland'], AL: ['008', 'Albania'], BA: ['070', 'Bosnia and Herzegovina'],
    MK: ['807', 'North Macedonia'], ME: ['499', 'Montenegro'], RS: ['688', 'Serbia'], XK: ['Kosovo', 'Kosovo'], TR: ['792', 'Türkiye'],
    UA: ['804', 'Ukraine'], MD: ['498', 'Moldova'], GE: ['268', 'Georgia'], AD: ['020', 'Andorra'], AM: ['051', 'Armenia'],
    AZ: ['031', 'Azerbaijan'], BY: ['112', 'Belarus'], MC: ['492', 'Monaco'], RU: ['643', 'Russia'], SM: ['674', 'San Marino'],
    VA: ['336', 'Holy See'],
  };

  // Drawn in grey around them (Natural Earth's ids, ISO 3166-1 numeric, or its names where it has no code).
  const NEIGHBOURS = [
    '504', '012', '788', '434', '818', '760', '368', '364', '398', '376', '422', '400', '275', '682', '304', '234',
    '248', '833', '832', '831', '795', '860', 'N. Cyprus',
  ];

  const $ = (id) => document.getElementById(id);
  const state = {
    key: null, lastSeq: 0, abort: null, refreshTimer: null, refreshing: false, refreshAgain: false, figures: {},
    openedAt: 0, graph: null, graphShape: '', cy: null, nodes: new Map(), selected: null, hovered: null, match: null,
    declutterFrame: 0, charts: {}, map: null, mapReady: null, partnersByCountry: {}, lastActivity: {},
  };

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

  // The Orleans dashboard (/orleans) cannot send the key itself: the key buys it a short session cookie (HttpOnly,
  // for /orleans only), and the tab goes there; Back returns here.
  async function openOrleans() {
    const response = await fetch('/orleans/session', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + state.key },
      cache: 'no-store',
    }).catch(() => null);
    if (response && response.ok) {
      window.location.assign('/orleans/');
    } else {
      setStatus('offline', response && response.status === 404 ? 'The Orleans dashboard is switched off' : 'The Orleans dashboard could not be opened');
    }
  }

  function showKeyForm(message) {
    $('dashboard').hidden = true;
    $('key-panel').hidden = false;
    $('sign-out').hidden = true;
    $('open-orleans').hidden = true;
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

  async function open(key, openedAt) {
    state.key = key;
    state.openedAt = openedAt;
    state.lastSeq = 0;
    state.figures = {};
    delete $('dashboard').dataset.renderMs;
    $('feed').replaceChildren();
    // Everything is asked for at once; the summary's answer tells whether the key is right.
    const details = fetchDetails();
    details.catch(() => {});
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
    $('open-orleans').hidden = false;
    renderSummary(summary);

    const from = Math.max(0, summary.lastActivitySeq - RECENT);
    state.lastSeq = from;
    const recent = api(`/network/activity?after=${from}&limit=${RECENT}`).catch((error) => error);
    await refreshDetails(summary, details);
    const records = await recent;
    if (records instanceof AuthError) return signOut(records.message);
    if (Array.isArray(records)) records.forEach((record) => addActivity(record, false));
    // From the key entered to every part drawn (the graph's canvas paints in the next frame): kept on the page for
    // anyone, and the browser tests, to read.
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    $('dashboard').dataset.renderMs = String(Math.round(performance.now() - state.openedAt));
    refineSoon();
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

  // ---- Figures, graph, map, charts and lists -----------------------------------------------------------

  function scheduleRefresh() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(async () => {
      if (state.refreshing) {
        state.refreshAgain = true;
        return;
      }
      state.refreshing = true;
      try {
        const summary = await api('/network/summary');
        renderSummary(summary);
        await refreshDetails(summary);
        refineSoon();
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

  function fetchDetails() {
    return Promise.all([api('/network/graph'), api('/network/statistics'), api('/network/events/upcoming?limit=6'), api('/network/inactive?days=90'), api('/network/alerts')]);
  }

  async function refreshDetails(summary, fetched) {
    try {
      const [graph, statistics, events, quiet, alerts] = await (fetched || fetchDetails());
      state.lastActivity = statistics.lastActivity || {};
      renderGraph(graph);
      renderCharts(statistics, summary);
      renderEvents(events);
      renderQuiet(quiet);
      renderAlerts(alerts);
      await renderMap(statistics.partnersByCountry);
    } catch (error) {
      if (error instanceof AuthError) signOut(error.message);
    }
  }

  function renderSummary(summary) {
    const exchanges = sum(summary.exchanges);
    const adoptions = sum(summary.adoptions);
    const practices = summary.exchanges.goodPractice || 0;
    setFigure('fig-partners', summary.partners, 'registered');
    setFigure('fig-countries', summary.countries, 'represented');
    setFigure('fig-projects', summary.projects.active, `active of ${number(summary.projects.total)}`);
    setFigure('fig-events-held', summary.events.held, 'so far');
    setFigure('fig-events-upcoming', summary.events.upcoming, 'events ahead');
    setFigure('fig-participants', summary.participants, 'in events');
    setFigure('fig-exchanges', exchanges, `${number(practices)} ${practices === 1 ? 'practice' : 'practices'}`);
    setFigure('fig-agreements', summary.agreementsInForce, 'in force');
    setFigure('fig-adoptions', adoptions, `${number(summary.adoptions.implemented || 0)} implemented`);
    $('fig-exchanges').title = Object.entries(EXCHANGE_KINDS).map(([kind, name]) => `${number(summary.exchanges[kind] || 0)} ${name}`).join(', ');
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

  // ---- The graph: Cytoscape.js with its force-directed layout (CoSE) ------------------------------------

  const LABEL_PX = 11;

  function graphStyle() {
    return [
      { selector: 'node', style: {
        'background-color': COLOURS.partner, width: 'data(size)', height: 'data(size)', 'border-width': 1.5, 'border-color': '#ffffff',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', 'font-size': LABEL_PX, color: '#1c2434',
        'text-valign': 'bottom', 'text-margin-y': 2, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
        'text-background-padding': 1, 'text-background-shape': 'roundrectangle', 'min-zoomed-font-size': 0,
      } },
      { selector: 'node.project', style: { shape: 'round-rectangle', 'background-color': COLOURS.project, 'font-weight': 700, color: COLOURS.project } },
      { selector: 'node.agreement', style: { shape: 'diamond', 'background-color': COLOURS.agreement, color: '#7a5600' } },
      { selector: 'node.labelled', style: { label: 'data(label)', 'z-index': 5 } },
      { selector: 'edge', style: { width: 1, 'line-color': COLOURS.partnerEdge, 'curve-style': 'haystack', opacity: 0.8 } },
      { selector: 'edge.lead', style: { width: 2.2, 'line-color': COLOURS.leadEdge } },
      { selector: 'edge.party', style: { width: 1.4, 'line-color': COLOURS.partyEdge } },
      { selector: 'edge.adoption', style: {
        width: 1.4, 'line-color': COLOURS.adoptionEdge, 'line-style': 'dashed', 'curve-style': 'straight',
        'target-arrow-shape': 'triangle', 'target-arrow-color': COLOURS.adoptionEdge, 'arrow-scale': 0.7,
      } },
      { selector: '.filtered', style: { display: 'none' } },
      { selector: '.faded', style: { opacity: 0.15 } },
      { selector: 'node.selected', style: { 'border-color': COLOURS.selected, 'border-width': 3, 'z-index': 10 } },
      { selector: 'node.match', style: { 'border-color': COLOURS.selected, 'border-width': 3 } },
    ];
  }

  function renderGraph(graph) {
    state.graph = graph;
    state.nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    $('graph-empty').hidden = graph.nodes.length > 0;
    // Drawn again only when a node, a label or an edge changed.
    const shape = JSON.stringify([graph.nodes.map((n) => [n.id, n.label, n.country]), graph.edges]);
    if (shape === state.graphShape) {
      refreshDetailsPanel();
      return;
    }
    state.graphShape = shape;

    const T0 = performance.now();
    const degree = new Map();
    for (const edge of graph.edges) {
      degree.set(edge.source, (degree.get(edge.source) || 0) + 1);
      degree.set(edge.target, (degree.get(edge.target) || 0) + 1);
    }
    const previous = new Map();
    if (state.cy) state.cy.nodes().forEach((n) => previous.set(n.id(), { ...n.position() }));
    const start = initialPositions(graph, previous);
    const elements = [
      ...graph.nodes.map((n) => ({
        group: 'nodes',
        data: { id: n.id, label: n.label, type: n.type, country: n.country || '', degree: degree.get(n.id) || 0, size: nodeSize(n, degree.get(n.id) || 0) },
        classes: n.type,
        position: start.get(n.id),
      })),
      ...graph.edges.map((e, i) => ({ group: 'edges', data: { id: `e${i}`, source: e.source, target: e.target }, classes: e.type })),
    ];

    prepareGraph();
    state.cy.resize();
    state.cy.batch(() => {
      state.cy.elements().remove();
      state.cy.add(elements);
    });

    const cy = state.cy;
    if (graph.nodes.length > 1) {
      // Drawn at once from the starting positions; the force-directed layout follows when the page is painted.
      $('graph-area').dataset.layout = 'draft';
      state.needsRefine = true;
    }
    fillGraphTools(graph);
    applyFilters(true);
  }

  const LAYOUT = {
    name: 'fcose', quality: 'default', samplingType: false, animate: false, fit: false, nodeDimensionsIncludeLabels: false,
    nodeSeparation: 75, idealEdgeLength: () => 80, nodeRepulsion: () => 25000, edgeElasticity: () => 0.45,
    gravity: 0.25, gravityRange: 3.8, numIter: 2500, tile: true, packComponents: true,
  };

  // Once the page is drawn and painted (a timer set before the next frame would run before it).
  function refineSoon() {
    if (!state.needsRefine) return;
    state.needsRefine = false;
    requestAnimationFrame(() => setTimeout(() => refineLayout(), 0));
  }

  function refineLayout() {
    const cy = state.cy;
    if (!cy) return;
    cy.layout({ ...LAYOUT, randomize: false }).run();
    fitVisible();
    $('graph-area').dataset.layout = 'settled';
    scheduleDeclutter();
  }

  // Made (and its layout code run once on a small graph) while the key is being typed, so that drawing the
  // network does not wait for the library to warm up.
  function prepareGraph() {
    if (state.cy) return;
    cytoscape.use(cytoscapeFcose);
    state.cy = cytoscape({
      container: $('graph'), elements: [], style: graphStyle(), layout: { name: 'preset' },
      minZoom: 0.05, maxZoom: 6, boxSelectionEnabled: false, autoungrabify: true, autounselectify: true,
    });
    wireGraph(state.cy);
    const ring = Array.from({ length: 12 }, (_, i) => ({ group: 'nodes', data: { id: `w${i}` } }));
    const ties = ring.map((_, i) => ({ group: 'edges', data: { id: `t${i}`, source: `w${i}`, target: `w${(i + 1) % 12}` } }));
    const warm = cytoscape({ headless: true, styleEnabled: true, elements: [...ring, ...ties] });
    warm.layout({ ...LAYOUT, randomize: true }).run();
    warm.destroy();
  }

  function nodeSize(node, degree) {
    if (node.type === 'project') return 20;
    if (node.type === 'agreement') return 18;
    return Math.min(22, 9 + Math.sqrt(degree) * 2.5);
  }

  // Where the force-directed layout starts, found in a few milliseconds so that the network is drawn at once in a
  // readable arrangement: projects spread by the partners they share, each partner at the middle of its projects,
  // each agreement at the middle of its parties, partners tied to nothing on an outer ring. Nodes already drawn keep
  // their place. The same network starts the same way every time.
  function initialPositions(graph, previous) {
    const positions = new Map();
    const byType = (type) => graph.nodes.filter((n) => n.type === type).sort((a, b) => a.id.localeCompare(b.id));
    const projects = byType('project');
    const memberships = new Map();
    for (const e of graph.edges) {
      if (e.type === 'partner' || e.type === 'lead') {
        if (!memberships.has(e.source)) memberships.set(e.source, []);
        memberships.get(e.source).push(e.target);
      }
    }

    // Projects: a small spring model of their own, 40 nodes at most a few dozen, tied by each partner they share.
    const radius = 60 * Math.sqrt(graph.nodes.length + 1);
    const index = new Map(projects.map((p, i) => [p.id, i]));
    const xy = projects.map((p, i) => previous.get(p.id) || {
      x: Math.cos((2 * Math.PI * i) / projects.length) * radius * 0.6, y: Math.sin((2 * Math.PI * i) / projects.length) * radius * 0.6,
    });
    const shared = [];
    for (const list of memberships.values()) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) shared.push([index.get(list[i]), index.get(list[j])]);
    }
    const k = radius / Math.sqrt(Math.max(1, projects.length));
    for (let step = 0, t = radius / 4; step < 80; step++, t *= 0.95) {
      const d = xy.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < xy.length; i++) {
        for (let j = i + 1; j < xy.length; j++) {
          const dx = xy[i].x - xy[j].x || 0.01;
          const dy = xy[i].y - xy[j].y;
          const dist2 = dx * dx + dy * dy;
          const f = (k * k) / Math.max(1, dist2);
          d[i].x += dx * f; d[i].y += dy * f; d[j].x -= dx * f; d[j].y -= dy * f;
        }
      }
      for (const [i, j] of shared) {
        const dx = xy[i].x - xy[j].x;
        const dy = xy[i].y - xy[j].y;
        const dist = Math.hypot(dx, dy);
        const f = dist / k / 4;
        d[i].x -= dx * f; d[i].y -= dy * f; d[j].x += dx * f; d[j].y += dy * f;
      }
      xy.forEach((p, i) => {
        const len = Math.hypot(d[i].x, d[i].y) || 1;
        p.x += (d[i].x / len) * Math.min(len, t);
        p.y += (d[i].y / len) * Math.min(len, t);
      });
    }
    projects.forEach((p, i) => positions.set(p.id, previous.get(p.id) || xy[i]));

    const middle = (ids, fallback) => {
      const points = ids.map((id) => positions.get(id)).filter(Boolean);
      if (points.length === 0) return fallback;
      return { x: points.reduce((t, p) => t + p.x, 0) / points.length, y: points.reduce((t, p) => t + p.y, 0) / points.length };
    };
    const jitter = (id, size) => {
      let hash = 0;
      for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) | 0;
      const angle = ((hash >>> 0) % 360) * (Math.PI / 180);
      return { x: Math.cos(angle) * size, y: Math.sin(angle) * size };
    };
    const loose = [];
    for (const n of byType('municipality')) {
      const own = memberships.get(n.id);
      if (!own) {
        loose.push(n);
        continue;
      }
      const at = middle(own, { x: 0, y: 0 });
      const off = jitter(n.id, 25 + 10 * own.length);
      positions.set(n.id, previous.get(n.id) || { x: at.x + off.x, y: at.y + off.y });
    }
    const parties = new Map();
    for (const e of graph.edges) {
      if (e.type === 'party') {
        if (!parties.has(e.target)) parties.set(e.target, []);
        parties.get(e.target).push(e.source);
      }
    }
    for (const n of byType('agreement')) {
      const at = middle(parties.get(n.id) || [], { x: 0, y: 0 });
      const off = jitter(n.id, 20);
      positions.set(n.id, previous.get(n.id) || { x: at.x + off.x, y: at.y + off.y });
    }
    loose.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, loose.length);
      positions.set(n.id, previous.get(n.id) || { x: Math.cos(angle) * radius * 1.1, y: Math.sin(angle) * radius * 1.1 });
    });
    return positions;
  }

  function wireGraph(cy) {
    cy.on('tap', 'node', (event) => select(event.target.id()));
    cy.on('tap', (event) => { if (event.target === cy) select(null); });
    cy.on('mouseover', 'node', (event) => { state.hovered = event.target.id(); $('graph-area').classList.add('pointing'); scheduleDeclutter(); });
    cy.on('mouseout', 'node', () => { state.hovered = null; $('graph-area').classList.remove('pointing'); scheduleDeclutter(); });
    cy.on('viewport resize', scheduleDeclutter);

    const graphBox = $('graph');
    graphBox.addEventListener('keydown', (event) => {
      const step = 60;
      const keys = {
        ArrowLeft: () => cy.panBy({ x: step, y: 0 }), ArrowRight: () => cy.panBy({ x: -step, y: 0 }),
        ArrowUp: () => cy.panBy({ x: 0, y: step }), ArrowDown: () => cy.panBy({ x: 0, y: -step }),
        '+': () => zoomBy(1.25), '=': () => zoomBy(1.25), '-': () => zoomBy(0.8), '0': () => fitVisible(),
        Escape: () => select(null),
      };
      const action = keys[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    });
  }

  function zoomBy(factor) {
    const cy = state.cy;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  // Fits the nodes shown with room for their names: names are offered to every node for the measure, and the
  // next declutter keeps those that fit (and, on any graph, those the frame would cut).
  function fitVisible() {
    const cy = state.cy;
    if (!cy) return;
    let visible = cy.nodes().not('.filtered');
    if (visible.empty()) visible = cy.nodes();
    // Measuring every name costs more than it gains on a large graph, whose outer names are few.
    if (visible.length <= 80) cy.batch(() => visible.addClass('labelled'));
    cy.fit(visible, 16);
    scheduleDeclutter();
  }

  // ---- Labels that never overlap ------------------------------------------------------------------------

  function scheduleDeclutter() {
    if (state.declutterFrame) return;
    state.declutterFrame = requestAnimationFrame(() => {
      state.declutterFrame = 0;
      declutter();
    });
  }

  // Labels keep their size on screen whatever the zoom, so zooming in makes room for more of them. Every node on
  // screen is offered a label in order of importance (the one pointed at or chosen, the one found, the chosen
  // one's neighbours, projects, agreements, then partners with the most ties); a label that would touch one
  // already placed is left out. Boxes are Cytoscape's own label bounds, measured on screen.
  function declutter() {
    const cy = state.cy;
    if (!cy) return;
    const zoom = cy.zoom();
    const size = LABEL_PX / zoom;
    const nodes = cy.nodes().not('.filtered');
    const extent = cy.extent();
    const onScreen = nodes.filter((n) => {
      const p = n.position();
      return p.x >= extent.x1 && p.x <= extent.x2 && p.y >= extent.y1 && p.y <= extent.y2;
    });
    cy.batch(() => {
      nodes.style({ 'font-size': size, 'text-margin-y': 2 / zoom, 'text-background-padding': 1 / zoom });
      cy.nodes().difference(onScreen).removeClass('labelled');
      onScreen.addClass('labelled');
    });

    const neighbours = state.selected ? cy.getElementById(state.selected).closedNeighborhood().nodes() : cy.collection();
    const rank = (n) => {
      const id = n.id();
      if (id === state.hovered || id === state.selected) return 0;
      if (id === state.match) return 1;
      if (neighbours.contains(n)) return 2;
      return n.hasClass('project') ? 3 : n.hasClass('agreement') ? 4 : 5;
    };
    const ordered = onScreen.toArray().sort((a, b) => rank(a) - rank(b) || b.data('degree') - a.data('degree') || a.id().localeCompare(b.id()));

    const placed = [];
    const dropped = [];
    const gap = 2;
    const [width, height] = [cy.width(), cy.height()];
    for (const node of ordered) {
      const box = node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      // A name the frame would cut is left out too, unless it is the one pointed at or chosen.
      const framed = rank(node) === 0 || (box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height);
      const free = box.w > 0 && framed && placed.every((other) =>
        box.x2 + gap <= other.x1 || other.x2 + gap <= box.x1 || box.y2 + gap <= other.y1 || other.y2 + gap <= box.y1);
      if (free) placed.push(box); else dropped.push(node);
    }
    cy.batch(() => cy.collection(dropped).removeClass('labelled'));
    // Kept beside the graph, not on it: Cytoscape.js takes any change of its container's attributes for a resize.
    $('graph-area').dataset.labels = String(placed.length);
    $('graph-area').dataset.declutters = String(Number($('graph-area').dataset.declutters || 0) + 1);
  }

  // ---- Filters, search and details ----------------------------------------------------------------------

  function fillGraphTools(graph) {
    const partners = graph.nodes.filter((n) => n.type === 'municipality').sort((a, b) => a.label.localeCompare(b.label));
    $('graph-partners').replaceChildren(...partners.map((n) => {
      const option = document.createElement('option');
      option.value = `${n.label} (${n.country})`;
      return option;
    }));

    const projects = graph.nodes.filter((n) => n.type === 'project').sort((a, b) => a.label.localeCompare(b.label));
    refillSelect($('filter-project'), 'All projects', projects.map((n) => [n.id, n.label]));

    const counts = {};
    partners.forEach((n) => { counts[n.country] = (counts[n.country] || 0) + 1; });
    const countries = Object.keys(counts).sort((a, b) => countryName(a).localeCompare(countryName(b)));
    refillSelect($('filter-country'), 'All countries', countries.map((c) => [c, `${countryName(c)} (${counts[c]})`]));
  }

  function refillSelect(select, allText, options) {
    const current = select.value;
    const all = element('option', '', allText);
    all.value = '';
    select.replaceChildren(all, ...options.map(([value, text]) => {
      const option = element('option', '', text);
      option.value = value;
      return option;
    }));
    select.value = options.some(([value]) => value === current) ? current : '';
  }

  // A project shows with its partners; a country shows its partners with their projects and agreements; both
  // together show that country's partners in that project.
  function applyFilters(fit) {
    const cy = state.cy;
    if (!cy) return;
    const project = $('filter-project').value;
    const country = $('filter-country').value;
    let keep = null;
    if (project || country) {
      let partners = cy.nodes('.municipality');
      if (country) partners = partners.filter((n) => n.data('country') === country);
      if (project) {
        const hub = cy.getElementById(project);
        partners = partners.intersection(hub.neighborhood().nodes());
        keep = partners.union(hub);
      } else {
        keep = partners.union(partners.neighborhood().nodes().not('.municipality'));
      }
    }
    cy.batch(() => {
      cy.elements().removeClass('filtered');
      if (keep) cy.nodes().difference(keep).addClass('filtered');
    });
    if (state.selected && cy.getElementById(state.selected).hasClass('filtered')) select(null);
    if (fit) fitVisible();
    highlightSelection();
    scheduleDeclutter();
  }

  function search(text) {
    const cy = state.cy;
    const query = text.trim().toLowerCase();
    state.match = null;
    if (!cy || !query) {
      $('graph-search-result').textContent = '';
      return;
    }
    const partners = (state.graph?.nodes || []).filter((n) => n.type === 'municipality');
    const full = (n) => `${n.label} (${n.country})`.toLowerCase();
    const found = partners.find((n) => full(n) === query || n.label.toLowerCase() === query)
      || partners.find((n) => n.label.toLowerCase().startsWith(query))
      || partners.find((n) => n.label.toLowerCase().includes(query));
    if (!found) {
      $('graph-search-result').textContent = `No partner is called “${text.trim()}”.`;
      return;
    }
    const node = cy.getElementById(found.id);
    if (node.hasClass('filtered')) {
      $('filter-project').value = '';
      $('filter-country').value = '';
      applyFilters(false);
    }
    state.match = found.id;
    $('graph-search-result').textContent = `${found.label} (${countryName(found.country)})`;
    cy.zoom({ level: Math.max(cy.zoom(), 1.4), renderedPosition: node.renderedPosition() });
    cy.center(node);
    select(found.id);
  }

  function select(id) {
    state.selected = id;
    if (!id) state.match = null;
    highlightSelection();
    refreshDetailsPanel();
    scheduleDeclutter();
  }

  function highlightSelection() {
    const cy = state.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('faded selected match');
      if (!state.selected) return;
      const node = cy.getElementById(state.selected);
      if (node.empty()) return;
      node.addClass('selected');
      const around = node.closedNeighborhood();
      cy.elements().difference(around).addClass('faded');
    });
  }

  async function refreshDetailsPanel() {
    const panel = $('graph-details');
    const node = state.selected && state.nodes.get(state.selected);
    if (!node) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    const body = $('details-body');
    const edges = state.graph.edges;
    const label = (id) => state.nodes.get(id)?.label || id;
    const list = (title, items) => {
      const section = element('div', 'details-section');
      section.append(element('h4', '', `${title} (${items.length})`));
      if (items.length === 0) {
        section.append(element('p', 'muted', 'none'));
      } else {
        const ul = element('ul', 'details-list');
        ul.append(...items.slice(0, 12).map((text) => element('li', '', text)));
        if (items.length > 12) ul.append(element('li', 'muted', `and ${items.length - 12} more`));
        section.append(ul);
      }
      return section;
    };

    const parts = [element('h3', 'details-title', node.label)];
    if (node.type === 'municipality') {
      const projects = edges.filter((e) => e.source === node.id && (e.type === 'partner' || e.type === 'lead'))
        .map((e) => label(e.target) + (e.type === 'lead' ? ' (lead)' : '')).sort();
      const agreements = edges.filter((e) => e.source === node.id && e.type === 'party').map((e) => label(e.target)).sort();
      const adopts = edges.filter((e) => e.type === 'adoption' && e.source === node.id).map((e) => label(e.target));
      const adoptedBy = edges.filter((e) => e.type === 'adoption' && e.target === node.id).map((e) => label(e.source));
      const lastActive = state.lastActivity[node.id.slice('municipality/'.length)];
      parts.push(
        element('p', 'muted', `Partner in ${countryName(node.country)}`),
        element('p', 'details-fact', lastActive ? `Last activity ${formatDate(lastActive)}` : 'No activity recorded'),
        list('Projects', projects), list('Agreements', agreements));
      const exchanges = element('div', 'details-section');
      exchanges.append(element('h4', '', 'Exchanges'), element('p', 'muted', 'Loading…'));
      parts.push(exchanges);
      if (adopts.length || adoptedBy.length) {
        parts.push(element('p', 'details-fact', `Adopts practices of ${adopts.length} partner${adopts.length === 1 ? '' : 's'}; ${adoptedBy.length} adopt${adoptedBy.length === 1 ? 's' : ''} its own.`));
      }
      body.replaceChildren(...parts);
      const id = node.id.slice('municipality/'.length);
      try {
        const own = await api(`/municipalities/${encodeURIComponent(id)}/exchanges?limit=5`);
        if (state.selected !== node.id) return;
        const posted = own.posted.items.map((x) => x.title);
        const adopted = own.adopted.items.map((x) => `${x.exchange?.title || x.exchangeId} (${x.status})`);
        const more = (page) => (page.nextCursor ? ' and more' : '');
        exchanges.replaceChildren(element('h4', '', 'Exchanges'),
          element('p', 'details-fact', `Posted ${posted.length}${more(own.posted)}, adopts ${adopted.length}${more(own.adopted)}`));
        if (posted.length) {
          const ul = element('ul', 'details-list');
          ul.append(...posted.map((t) => element('li', '', t)));
          exchanges.append(ul);
        }
      } catch (error) {
        if (error instanceof AuthError) return signOut(error.message);
        exchanges.replaceChildren(element('h4', '', 'Exchanges'), element('p', 'muted', 'could not be read'));
      }
      return;
    }

    if (node.type === 'project') {
      const lead = edges.find((e) => e.target === node.id && e.type === 'lead');
      const partners = edges.filter((e) => e.target === node.id && (e.type === 'partner' || e.type === 'lead')).map((e) => partnerText(e.source)).sort();
      parts.push(element('p', 'muted', lead ? `Project led by ${partnerText(lead.source)}` : 'Project'), list('Partners', partners));
    } else {
      const parties = edges.filter((e) => e.target === node.id && e.type === 'party').map((e) => partnerText(e.source)).sort();
      parts.push(element('p', 'muted', 'Partnership agreement'), list('Parties', parties));
    }
    body.replaceChildren(...parts);
  }

  function partnerText(id) {
    const node = state.nodes.get(id);
    return node ? `${node.label} (${node.country})` : id;
  }

  // ---- The map: partners per country on Natural Earth's boundaries ---------------------------------------

  // Lambert azimuthal equal-area centred on Europe (as EPSG:3035), so that areas compare fairly.
  function project([lon, lat]) {
    const rad = Math.PI / 180;
    const l0 = 10 * rad;
    const p0 = 52 * rad;
    const l = lon * rad;
    const p = lat * rad;
    const k = Math.sqrt(2 / (1 + Math.sin(p0) * Math.sin(p) + Math.cos(p0) * Math.cos(p) * Math.cos(l - l0)));
    return [k * Math.cos(p) * Math.sin(l - l0), -k * (Math.cos(p0) * Math.sin(p) - Math.sin(p0) * Math.cos(p) * Math.cos(l - l0))];
  }

  const MAP_WIDTH = 600;
  const MAP_HEIGHT = 500;

  // Read and projected once, while the key is being typed: the geometry needs no key.
  function prepareMap() {
    state.mapReady ??= (async () => {
      const response = await fetch('/dashboard/vendor/countries-50m.json');
      const world = await response.json();
      // Only the countries partners come from and their neighbours around the frame are drawn (and projected).
      const wanted = new Set([...Object.values(COUNTRIES).map(([numeric]) => numeric), ...NEIGHBOURS]);
      const geometries = world.objects.countries.geometries.filter((g) => wanted.has(g.id) || wanted.has(g.properties?.name));
      const features = topojson.feature(world, { type: 'GeometryCollection', geometries }).features;
      // The frame: from Iceland and Portugal to the Caucasus, from Malta and Cyprus to the North Cape.
      const frame = [[-24, 63], [-10, 36], [14, 34.5], [35, 34.5], [47, 39], [40, 55], [31, 71], [10, 71.5], [-9, 52]].map(project);
      const xs = frame.map((p) => p[0]);
      const ys = frame.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const scale = Math.min(MAP_WIDTH / (x1 - x0), MAP_HEIGHT / (y1 - y0));
      const dx = (MAP_WIDTH - (x1 - x0) * scale) / 2;
      const dy = (MAP_HEIGHT - (y1 - y0) * scale) / 2;
      const toScreen = (point) => {
        const [x, y] = project(point);
        return [(x - x0) * scale + dx, (y - y0) * scale + dy];
      };
      const byNumber = new Map(Object.entries(COUNTRIES).map(([code, [numeric]]) => [numeric, code]));
      const shapes = [];
      for (const feature of features) {
        const code = byNumber.get(feature.id) || byNumber.get(feature.properties?.name);
        const path = pathOf(feature.geometry, toScreen);
        if (path) shapes.push({ code, name: code ? COUNTRIES[code][1] : feature.properties?.name, ...path });
      }
      return shapes;
    })();
    return state.mapReady;
  }

  // An SVG path of the polygons that fall in the frame (rings far outside it, such as overseas territories, are left out).
  function pathOf(geometry, toScreen) {
    if (!geometry) return null;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    let d = '';
    let box = null;
    for (const polygon of polygons) {
      const outer = polygon[0].map(toScreen);
      const bx = outer.map((p) => p[0]);
      const by = outer.map((p) => p[1]);
      const b = [Math.min(...bx), Math.min(...by), Math.max(...bx), Math.max(...by)];
      if (b[2] < -20 || b[0] > MAP_WIDTH + 20 || b[3] < -20 || b[1] > MAP_HEIGHT + 20) continue;
      box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
      for (const ring of polygon) {
        d += 'M' + ring.map(toScreen).map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L') + 'Z';
      }
    }
    return d ? { d, box } : null;
  }

  async function renderMap(partnersByCountry) {
    const shapes = await prepareMap();
    const svg = $('map');
    svg.setAttribute('viewBox', `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`);
    const key = JSON.stringify(partnersByCountry);
    if (state.map === key) return;
    state.map = key;

    const land = document.createElementNS(SVG, 'g');
    const marks = document.createElementNS(SVG, 'g');
    const drawn = new Set();
    for (const shape of shapes) {
      const count = (shape.code && partnersByCountry[shape.code]) || 0;
      const path = svgElement('path', { d: shape.d, class: 'country' + (count ? ' country-partners' : '') + (shape.code ? '' : ' country-other'), fill: count ? mapColour(count) : shape.code ? MAP_COLOURS[0] : '#f1f3f7' });
      if (shape.code) {
        path.dataset.country = shape.code;
        path.dataset.partners = String(count);
        drawn.add(shape.code);
      }
      path.append(svgTitle(shape.code ? `${shape.name}: ${partnersText(count)}` : shape.name || ''));
      if (count) makeFocusable(path, shape);
      land.append(path);

      // A country too small to see at this scale gets a dot of its colour as well.
      const [bx0, by0, bx1, by1] = shape.box;
      if (count && (bx1 - bx0) * (by1 - by0) < 40) {
        const dot = svgElement('circle', { cx: ((bx0 + bx1) / 2).toFixed(1), cy: ((by0 + by1) / 2).toFixed(1), r: 5, class: 'country-dot', fill: mapColour(count) });
        dot.dataset.country = shape.code;
        dot.dataset.partners = String(count);
        dot.append(svgTitle(`${shape.name}: ${partnersText(count)}`));
        marks.append(dot);
      }
    }
    svg.replaceChildren(land, marks);

    const missing = Object.keys(partnersByCountry).filter((code) => !drawn.has(code));
    $('map-note').textContent = missing.length ? `Not on the map: ${missing.map((c) => `${countryName(c)} (${partnersByCountry[c]})`).join(', ')}.` : '';
    $('map-legend').replaceChildren(...[[0, 0], ...MAP_CLASSES].map(([low, high], i) => {
      const item = document.createElement('li');
      const swatch = element('span', 'key key-swatch');
      swatch.style.background = MAP_COLOURS[i];
      item.append(swatch, i === 0 ? 'none' : high === Infinity ? `${low}+` : low === high ? String(low) : `${low}–${high}`);
      return item;
    }));
  }

  function makeFocusable(path, shape) {
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'button');
    path.setAttribute('aria-label', `${shape.name}: ${partnersText(Number(path.dataset.partners))}; show them in the graph`);
    const choose = () => {
      $('filter-country').value = shape.code;
      applyFilters(true);
      $('graph').scrollIntoView({ block: 'nearest' });
    };
    path.addEventListener('click', choose);
    path.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        choose();
      }
    });
  }

  function mapColour(count) {
    const index = MAP_CLASSES.findIndex(([low, high]) => count >= low && count <= high);
    return MAP_COLOURS[index + 1];
  }

  const partnersText = (count) => `${number(count)} partner${count === 1 ? '' : 's'}`;

  // ---- Charts (Chart.js) ---------------------------------------------------------------------------------

  // Made while the key is being typed, like the graph; drawing the figures then only updates them.
  function prepareCharts() {
    if (Object.keys(state.charts).length) return;
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
    Chart.defaults.color = '#5d6778';
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;
    for (const id of ['chart-months', 'chart-countries', 'chart-themes', 'chart-adoptions']) {
      state.charts[id] = new Chart($(id), { type: 'bar', data: { labels: ['–'], datasets: [{ data: [0] }] }, options: { plugins: { legend: { display: false } } } });
    }
  }

  function renderCharts(statistics, summary) {
    prepareCharts();

    const months = statistics.months;
    chart('chart-months', {
      type: 'bar',
      data: {
        labels: months.map((m) => monthLabel(m.month)),
        datasets: [
          { type: 'bar', label: 'Events', data: months.map((m) => m.events), backgroundColor: COLOURS.project, yAxisID: 'events', order: 2 },
          { type: 'line', label: 'Participants', data: months.map((m) => m.participants), borderColor: COLOURS.agreement, backgroundColor: COLOURS.agreement, pointRadius: 2, borderWidth: 2, yAxisID: 'people', order: 1 },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'top', align: 'end', labels: { boxWidth: 12 } } },
        scales: {
          events: { position: 'left', beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'events' } },
          people: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 }, title: { display: true, text: 'participants' } },
          x: { ticks: { autoSkip: true, maxRotation: 0 } },
        },
      },
    }, `Events and participants per month: ${months.filter((m) => m.events).map((m) => `${monthLabel(m.month)} ${m.events} events, ${m.participants} participants`).join('; ') || 'none'}`);

    // Columns under the countries' codes, the largest first; the tooltip names the country.
    const countries = Object.entries(statistics.participantsByCountry).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    chart('chart-countries', {
      type: 'bar',
      data: { labels: countries.map(([code]) => code), datasets: [{ label: 'participants', data: countries.map(([, n]) => n), backgroundColor: COLOURS.partner, borderRadius: 3, maxBarThickness: 28 }] },
      options: {
        plugins: { legend: { display: false }, tooltip: { callbacks: { title: (items) => countryName(items[0].label) } } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'participants' } }, x: { ticks: { autoSkip: false, maxRotation: 90, minRotation: 0, font: { size: 10.5 } } } },
      },
    }, `Participants per country: ${countries.map(([code, n]) => `${countryName(code)} ${n}`).join(', ') || 'none'}`);

    const themes = Object.entries(statistics.exchangesByTheme).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shown = themes.slice(0, THEMES_SHOWN);
    const rest = themes.slice(THEMES_SHOWN);
    if (rest.length) shown.push([`${rest.length} other themes`, rest.reduce((total, [, n]) => total + n, 0)]);
    horizontalBars('chart-themes', shown.map(([theme]) => theme), shown.map(([, n]) => n), COLOURS.adoptionEdge, 'exchanges', 'Exchanges per theme');

    horizontalBars('chart-adoptions', ADOPTION_STATUSES.map(([, name]) => name), ADOPTION_STATUSES.map(([status]) => summary.adoptions[status] || 0),
      ADOPTION_STATUSES.map(([, , colour]) => colour), 'adoptions', 'Adoptions per status');
  }

  function horizontalBars(id, labels, values, colour, unit, title) {
    const box = $(id).parentElement;
    if (box.classList.contains('chart-box-tall')) box.style.height = `${Math.max(160, labels.length * 24 + 40)}px`;
    chart(id, {
      type: 'bar',
      data: { labels, datasets: [{ label: unit, data: values, backgroundColor: colour, borderRadius: 3, maxBarThickness: 18 }] },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } },
      },
    }, `${title}: ${labels.map((label, i) => `${label} ${values[i]}`).join(', ') || 'none'}`);
  }

  function chart(id, config, description) {
    const canvas = $(id);
    canvas.setAttribute('aria-label', description);
    const existing = state.charts[id];
    if (existing) {
      existing.data = config.data;
      existing.options = config.options;
      existing.update();
      return;
    }
    state.charts[id] = new Chart(canvas, config);
  }

  function monthLabel(month) {
    const [year, number] = month.split('-').map(Number);
    return `${MONTHS[number - 1]} ${year}`;
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

  const countryName = (code) => (COUNTRIES[code] ? COUNTRIES[code][1] : code === '??' ? 'partners no longer listed' : code);
  const sum = (counts) => Object.values(counts || {}).reduce((total, value) => total + value, 0);
  const number = (value) => Number(value || 0).toLocaleString('en');

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

  // What the page draws, for scripts that check it (the browser tests measure labels and read charts through it).
  window.dashboard = Object.freeze({
    get graph() { return state.cy; },
    get charts() { return { ...state.charts }; },
  });

  // ---- Start --------------------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', () => {
    // The legend takes its colours from the same table as the graph.
    document.querySelectorAll('.legend [data-colour]').forEach((swatch) => {
      swatch.style.setProperty('--colour', COLOURS[swatch.dataset.colour]);
    });
    prepareGraph();
    prepareCharts();
    // Ready for the key once the map's geometry is read (the browser tests wait for this before typing it).
    prepareMap()
      .catch(() => { state.mapReady = null; })
      .finally(() => { document.body.dataset.prepared = 'true'; });

    $('key-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const key = $('key-input').value.trim();
      if (!key) return showKeyForm('Enter the key.');
      $('key-input').value = '';
      open(key, performance.now());
    });
    $('sign-out').addEventListener('click', () => signOut());
    $('open-orleans').addEventListener('click', () => openOrleans());
    $('graph-tools').addEventListener('submit', (event) => {
      event.preventDefault();
      search($('graph-search').value);
    });
    $('graph-search').addEventListener('change', () => search($('graph-search').value));
    $('filter-project').addEventListener('change', () => applyFilters(true));
    $('filter-country').addEventListener('change', () => applyFilters(true));
    $('zoom-in').addEventListener('click', () => zoomBy(1.25));
    $('zoom-out').addEventListener('click', () => zoomBy(0.8));
    $('zoom-fit').addEventListener('click', () => fitVisible());
    $('filter-clear').addEventListener('click', () => {
      $('graph-search').value = '';
      $('graph-search-result').textContent = '';
      $('filter-project').value = '';
      $('filter-country').value = '';
      select(null);
      applyFilters(true);
    });
    $('details-close').addEventListener('click', () => {
      select(null);
      $('graph').focus();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && state.selected) select(null);
    });

    const stored = sessionStorage.getItem(KEY_STORAGE);
    if (stored) open(stored, performance.now()); else showKeyForm();
  });
})();
