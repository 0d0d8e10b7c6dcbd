// The argmap diagram in the browser: draw the SVG, select, search, fold, zoom, scroll, glide.
// Plain ES module for anywidget: no framework, no bundler, nothing fetched from the network.

// A drawing opens at its width when that is at least this scale, else at 1:1 with scrolling:
// smaller than this, a box's text is too small to read.
const MIN_OPEN_SCALE = 0.6;
const GLIDE_MS = 300;
// The overview's largest size: at most this, and at most a third of the stage's width.
const OVERVIEW_MAX = { width: 300, height: 150 };
const DIRECTION_NAMES = [
  ["BT", "reasons below"],
  ["TB", "reasons above"],
  ["LR", "reasons left"],
  ["RL", "reasons right"],
];
const ARGUING = new Set(["support", "attack"]);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text; // text, never markup
  return node;
}

function checkbox(text, title) {
  const label = el("label", "argmap-check");
  const box = el("input");
  box.type = "checkbox";
  label.title = title;
  label.append(box, document.createTextNode(text));
  return { label, box };
}

// Parse the SVG as XML and keep only what a drawing needs: no scripts, no event handlers,
// links only to http(s). Graphviz output made by argmap has none of these; this is a second wall.
function parseSvg(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (!root || root.nodeName !== "svg" || doc.getElementsByTagName("parsererror").length) {
    return null;
  }
  for (const bad of root.querySelectorAll("script, foreignObject, iframe")) bad.remove();
  for (const node of root.querySelectorAll("*")) {
    for (const attr of Array.from(node.attributes)) {
      const name = attr.name.toLowerCase();
      const isLink = name === "href" || name === "xlink:href";
      if (name.startsWith("on") || (isLink && !/^https?:\/\//i.test(attr.value.trim()))) {
        node.removeAttribute(attr.name);
      }
    }
  }
  return document.importNode(root, true);
}

function statementId(node) {
  const id = node.getAttribute("id") || "";
  return id.startsWith("statement-") ? id.slice("statement-".length) : null;
}

// Boxes that keep their id from one drawing to the next (Graphviz numbers the others anew).
function glideKey(node) {
  const id = node.getAttribute("id") || "";
  return /^(statement|outcome)-/.test(id) ? id : null;
}

function reducedMotion() {
  return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function render({ model, el: host }) {
  host.classList.add("argmap-view");

  // ---- toolbar: how to look (zoom, search, fold), then what to draw ----
  const toolbar = el("div", "argmap-toolbar");
  const fit = el("button", "argmap-button", "Fit");
  const zoomOut = el("button", "argmap-button", "−");
  const zoomIn = el("button", "argmap-button", "+");
  const actual = el("button", "argmap-button", "1:1");
  const scaleShown = el("span", "argmap-scale");
  fit.title = "Fit the diagram to the width";
  zoomOut.title = "Zoom out (or Ctrl + mouse wheel)";
  zoomIn.title = "Zoom in (or Ctrl + mouse wheel)";
  actual.title = "Actual size";
  scaleShown.title = "Scale of the drawing";
  const search = el("input", "argmap-search");
  search.type = "search";
  search.placeholder = "Find: id or words";
  search.title = "Find a statement by id, title or text; Enter goes to the next match";
  search.setAttribute("aria-label", "Find a statement");
  const found = el("span", "argmap-found");
  found.setAttribute("role", "status");
  // Shown while Graphviz draws a newer state in the kernel's background (large maps).
  const busy = el("span", "argmap-busy", "drawing…");
  busy.setAttribute("role", "status");
  busy.title = "Graphviz is drawing the map as it is now; the kernel runs other cells meanwhile";
  const fold = el("button", "argmap-button argmap-fold", "Fold");
  fold.title = "Fold away (or bring back) what argues for or against the selected box; or double-click a box";
  const navigation = el("span", "argmap-group");
  navigation.append(fit, zoomOut, zoomIn, actual, scaleShown, search, found, fold, busy);

  const focusLabel = el("label", "argmap-focus", "Focus ");
  const focus = el("select", "argmap-select");
  for (const [value, text] of [[0, "whole map"], [1, "1 link"], [2, "2 links"], [3, "3 links"]]) {
    const option = el("option", "", text);
    option.value = String(value);
    focus.append(option);
  }
  focus.title = "Show only the statements within k links of the selected one";
  focusLabel.append(focus);
  const directionLabel = el("label", "argmap-direction", "Layout ");
  const direction = el("select", "argmap-select");
  for (const [value, text] of DIRECTION_NAMES) {
    const option = el("option", "", text);
    option.value = value;
    direction.append(option);
  }
  direction.title = "Where reasons stand relative to the claims they argue about";
  directionLabel.append(direction);
  const legend = checkbox("Legend", "Draw a key to the shapes and lines");
  const title = checkbox("Title", "Draw the map's title above the diagram");
  const statuses = checkbox(
    "Show what stands",
    "Show which statements stand, fall or are undecided, and each legal test's outcome",
  );
  const parties = el("span", "argmap-parties");
  const drawn = el("span", "argmap-group");
  drawn.append(focusLabel, directionLabel, legend.label, title.label, statuses.label, parties);
  toolbar.append(navigation, drawn);

  // ---- the drawing: a scrolling stage, an overview in its corner ----
  const frame = el("div", "argmap-frame");
  const stage = el("div", "argmap-stage");
  const canvas = el("div", "argmap-canvas");
  stage.append(canvas);
  const overview = el("div", "argmap-overview");
  overview.title = "Overview: click or drag to go there";
  const overviewImage = el("img");
  overviewImage.alt = "";
  overviewImage.draggable = false;
  const overviewWindow = el("div", "argmap-overview-window");
  overview.append(overviewImage, overviewWindow);
  frame.append(stage, overview);
  const status = el("div", "argmap-status");
  status.setAttribute("role", "status");
  host.append(toolbar, frame, status);

  let svg = null;
  let size = { width: 0, height: 0 }; // of the drawing at 1:1, in px (Graphviz's pt as px)
  let scale = 1;
  // "open": the opening rule applies at every redraw and resize; "fit": the width is fitted;
  // "free": the reader chose a scale, which stays.
  let mode = "open";
  let overviewUrl = null;
  let pending = null; // a statement to bring to the middle once it is drawn
  let opened = false; // whether the first drawing has been shown where reading starts
  let matches = [];
  let matchQuery = null;
  let matchIndex = -1;

  // ---- scale and scrolling ----
  function resize() {
    if (!svg) return;
    svg.setAttribute("width", String(size.width * scale));
    svg.setAttribute("height", String(size.height * scale));
    if (model.get("height") === "auto") {
      // As tall as the drawing at this scale, so nothing is cut off below; at most what
      // leaves the toolbar and the scroll bar on screen beside JupyterLab's own bars.
      const wide = size.width * scale > stage.clientWidth + 1;
      const bar = wide ? stage.offsetHeight - stage.clientHeight || 16 : 0;
      const cap = Math.max(300, Math.round(window.innerHeight * 0.7));
      stage.style.height = `${Math.min(cap, Math.ceil(size.height * scale) + bar + 2)}px`;
    } else {
      stage.style.height = model.get("height");
    }
    scaleShown.textContent = `${Math.round(scale * 100)} %`;
    host.dataset.scale = String(scale);
    showOverview();
  }

  function available() {
    return stage.clientWidth || host.clientWidth || 800;
  }

  function openingScale() {
    const fitted = size.width ? available() / size.width : 1;
    return fitted >= MIN_OPEN_SCALE ? Math.min(1, fitted) : 1;
  }

  // The point of the drawing (in px at 1:1) at (x, y) of the stage's visible area.
  function pointAt(x, y) {
    return {
      x: (stage.scrollLeft + x - canvas.offsetLeft) / scale,
      y: (stage.scrollTop + y - canvas.offsetTop) / scale,
    };
  }

  function bringTo(point, x, y) {
    stage.scrollLeft = canvas.offsetLeft + point.x * scale - x;
    stage.scrollTop = canvas.offsetTop + point.y * scale - y;
  }

  // Zoom around (x, y) of the stage's visible area, its centre by default: that point stays.
  function zoom(next, x = stage.clientWidth / 2, y = stage.clientHeight / 2) {
    if (!svg) return;
    const point = pointAt(x, y);
    scale = Math.max(0.1, Math.min(6, next));
    resize();
    bringTo(point, x, y);
  }

  function fitWidth() {
    mode = "fit";
    scale = size.width ? Math.min(1, available() / size.width) : 1;
    resize();
  }

  // ---- the overview ----
  function showOverview() {
    const scrolls =
      svg &&
      (size.width * scale > stage.clientWidth + 1 || size.height * scale > stage.clientHeight + 1);
    overview.classList.toggle("argmap-overview-shown", Boolean(scrolls));
    if (!scrolls) return;
    const most = Math.min(OVERVIEW_MAX.width, stage.clientWidth / 3);
    const k = Math.min(most / size.width, OVERVIEW_MAX.height / size.height);
    overview.style.width = `${Math.round(size.width * k)}px`;
    overview.style.height = `${Math.round(size.height * k)}px`;
    // clear of the stage's scroll bars
    overview.style.right = `${stage.offsetWidth - stage.clientWidth + 6}px`;
    overview.style.bottom = `${stage.offsetHeight - stage.clientHeight + 6}px`;
    const top = pointAt(0, 0);
    const w = Math.min(size.width, stage.clientWidth / scale);
    const h = Math.min(size.height, stage.clientHeight / scale);
    overviewWindow.style.left = `${Math.max(0, top.x) * k}px`;
    overviewWindow.style.top = `${Math.max(0, top.y) * k}px`;
    overviewWindow.style.width = `${w * k}px`;
    overviewWindow.style.height = `${h * k}px`;
  }

  function paintOverview() {
    if (overviewUrl) URL.revokeObjectURL(overviewUrl);
    overviewUrl = null;
    overviewImage.removeAttribute("src");
    if (!svg) return;
    // The sanitised drawing as an image: no second copy of its ids in the page.
    const copy = svg.cloneNode(true);
    copy.setAttribute("width", String(size.width));
    copy.setAttribute("height", String(size.height));
    const blob = new Blob([new XMLSerializer().serializeToString(copy)], { type: "image/svg+xml" });
    overviewUrl = URL.createObjectURL(blob);
    overviewImage.src = overviewUrl;
  }

  let steering = false;
  function steer(event) {
    const box = overview.getBoundingClientRect();
    const k = box.width / size.width;
    const point = { x: (event.clientX - box.left) / k, y: (event.clientY - box.top) / k };
    bringTo(point, stage.clientWidth / 2, stage.clientHeight / 2);
  }
  overview.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || !svg) return;
    event.preventDefault();
    steering = true;
    overview.setPointerCapture(event.pointerId);
    steer(event);
  });
  overview.addEventListener("pointermove", (event) => {
    if (steering) steer(event);
  });
  const stopSteering = () => {
    steering = false;
  };
  overview.addEventListener("pointerup", stopSteering);
  overview.addEventListener("pointercancel", stopSteering);

  // ---- drawing, with boxes gliding from where they were ----
  // Where each lasting box is, in px of the drawing at 1:1 (wherever the view scrolled).
  function positions() {
    const places = new Map();
    if (!svg) return places;
    const origin = canvas.getBoundingClientRect();
    for (const node of svg.querySelectorAll("g.node")) {
      const key = glideKey(node);
      if (!key) continue;
      const box = node.getBoundingClientRect();
      places.set(key, {
        x: (box.left - origin.left) / scale,
        y: (box.top - origin.top) / scale,
        width: box.width / scale,
        height: box.height / scale,
      });
    }
    return places;
  }

  function glide(before, after) {
    if (!svg || !before.size || reducedMotion() || !svg.animate) return;
    let moved = false;
    for (const node of svg.querySelectorAll("g.node")) {
      const key = glideKey(node);
      if (!key) continue;
      const was = before.get(key);
      const now = after.get(key);
      if (!was) {
        node.animate([{ opacity: 0 }, { opacity: 1 }], { duration: GLIDE_MS, easing: "ease-out" });
        continue;
      }
      const dx = was.x - now.x;
      const dy = was.y - now.y;
      if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) continue;
      moved = true;
      // The drawing's user unit is one px at 1:1, so the offset at 1:1 is the offset to undo.
      node.animate(
        [{ transform: `translate(${dx}px, ${dy}px)` }, { transform: "none" }],
        { duration: GLIDE_MS, easing: "ease-in-out" },
      );
    }
    if (!moved) return;
    // Lines cannot glide with their ends; they appear as the boxes arrive.
    for (const edge of svg.querySelectorAll("g.edge")) {
      edge.animate([{ opacity: 0 }, { opacity: 0, offset: 0.5 }, { opacity: 1 }], {
        duration: GLIDE_MS,
        easing: "ease-in",
      });
    }
  }

  function draw() {
    const before = positions();
    const scroll = { left: stage.scrollLeft, top: stage.scrollTop };
    const first = !svg;
    canvas.replaceChildren();
    svg = null;
    const text = model.get("svg");
    if (text) {
      svg = parseSvg(text);
      if (svg) {
        const box = svg.viewBox.baseVal;
        size = box && box.width ? { width: box.width, height: box.height } : { width: 0, height: 0 };
        svg.removeAttribute("width");
        svg.removeAttribute("height");
        canvas.append(svg);
      } else {
        status.textContent = "the drawing could not be read";
      }
    }
    if (svg && !size.width) {
      const box = svg.getBBox();
      size = { width: box.width, height: box.height };
    }
    if (mode === "open") scale = openingScale();
    else if (mode === "fit") scale = size.width ? Math.min(1, available() / size.width) : 1;
    resize();
    if (!first) {
      stage.scrollLeft = scroll.left;
      stage.scrollTop = scroll.top;
    }
    openAtStart();
    paintOverview();
    highlight();
    syncFold();
    const after = positions();
    if (pending && after.has(`statement-${pending}`)) {
      centre(after.get(`statement-${pending}`));
      pending = null;
    }
    glide(before, after);
    showOverview();
  }

  // A drawing larger than the stage opens on the first party's position, where reading
  // starts, rather than on the empty corner of a wide layout. Once, when the stage has a size.
  function openAtStart() {
    if (opened || !svg || !stage.clientWidth) return;
    opened = true;
    const nodes = (model.get("graph") || {}).nodes || {};
    const ids = Object.keys(nodes);
    const start = ids.find((id) => nodes[id].kind === "position") || ids[0];
    const place = start && positions().get(`statement-${start}`);
    if (!place) return;
    bringTo({ x: place.x + place.width / 2, y: place.y }, stage.clientWidth / 2, 40);
  }

  function centre(place) {
    if (!place) return;
    bringTo(
      { x: place.x + place.width / 2, y: place.y + place.height / 2 },
      stage.clientWidth / 2,
      stage.clientHeight / 2,
    );
  }

  function highlight() {
    if (!svg) return;
    for (const node of svg.querySelectorAll(".argmap-selected, .argmap-near, .argmap-lit")) {
      node.classList.remove("argmap-selected", "argmap-near", "argmap-lit");
    }
    const selected = model.get("selected");
    const graph = model.get("graph") || {};
    svg.classList.toggle("argmap-dim", Boolean(selected));
    if (!selected) return;
    const node = svg.getElementById(`statement-${selected}`);
    if (node) node.classList.add("argmap-selected");
    for (const [origin, target] of graph.links || []) {
      if (origin !== selected && target !== selected) continue;
      const other = origin === selected ? target : origin;
      const near = svg.getElementById(`statement-${other}`);
      if (near) near.classList.add("argmap-near");
      const edge = svg.getElementById(`relation-${origin}-${target}`);
      if (edge) edge.classList.add("argmap-lit");
    }
  }

  // ---- folding ----
  function hasArguments(id) {
    const links = (model.get("graph") || {}).links || [];
    return links.some(([, target, kind]) => target === id && ARGUING.has(kind));
  }

  function syncFold() {
    const id = model.get("selected");
    const folded = model.get("collapsed").includes(id);
    fold.textContent = folded ? "Unfold" : "Fold";
    fold.disabled = !id || (!folded && !hasArguments(id));
  }

  function toggleFold(id) {
    const collapsed = model.get("collapsed");
    model.set(
      "collapsed",
      collapsed.includes(id) ? collapsed.filter((c) => c !== id) : [...collapsed, id],
    );
    model.set("selected", id);
    model.save_changes();
  }

  // ---- search ----
  function findAll(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const graph = model.get("graph") || {};
    const exact = [];
    const partial = [];
    for (const table of [graph.nodes || {}, graph.folded || {}]) {
      for (const [id, node] of Object.entries(table)) {
        if (id.toLowerCase() === q) exact.push(id);
        else if (
          [id, node.title || "", node.text || ""].some((t) => t.toLowerCase().includes(q))
        ) {
          partial.push(id);
        }
      }
    }
    return exact.concat(partial);
  }

  function findNext() {
    if (search.value !== matchQuery) {
      matchQuery = search.value;
      matches = findAll(search.value);
      matchIndex = -1;
    }
    if (!matches.length) {
      found.textContent = search.value.trim() ? "no match" : "";
      return;
    }
    matchIndex = (matchIndex + 1) % matches.length;
    const id = matches[matchIndex];
    found.textContent = `${id}: ${matchIndex + 1} of ${matches.length}`;
    goTo(id);
  }

  function goTo(id) {
    const graph = model.get("graph") || {};
    const folded = (graph.folded || {})[id];
    if (folded) {
      model.set(
        "collapsed",
        model.get("collapsed").filter((c) => !folded.under.includes(c)),
      );
    }
    model.set("selected", id);
    model.save_changes();
    const here = positions().get(`statement-${id}`);
    if (here) centre(here);
    else pending = id; // drawn after the kernel unfolds it
  }

  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      findNext();
    } else if (event.key === "Escape") {
      search.value = "";
      found.textContent = "";
    }
  });
  search.addEventListener("input", () => {
    found.textContent = "";
  });

  // ---- parties, options, status ----
  function showParties() {
    parties.replaceChildren();
    const hidden = new Set(model.get("hidden_parties"));
    for (const party of (model.get("graph") || {}).parties || []) {
      const { label, box } = checkbox(party.name, `Show ${party.name}'s statements`);
      label.classList.add("argmap-party");
      box.checked = !hidden.has(party.id);
      box.addEventListener("change", () => {
        const now = new Set(model.get("hidden_parties"));
        if (box.checked) now.delete(party.id);
        else now.add(party.id);
        model.set("hidden_parties", Array.from(now));
        model.save_changes();
      });
      parties.append(label);
    }
  }

  function showStatus() {
    status.textContent = model.get("status");
    status.classList.toggle("argmap-status-shown", Boolean(model.get("status")));
  }

  function showBusy() {
    busy.classList.toggle("argmap-busy-shown", Boolean(model.get("busy")));
    host.classList.toggle("argmap-drawing", Boolean(model.get("busy")));
  }

  function syncOptions() {
    focus.value = String(Math.min(3, model.get("focus")));
    direction.value = model.get("direction");
    legend.box.checked = model.get("legend");
    title.box.checked = model.get("show_title");
    statuses.box.checked = model.get("evaluate");
  }

  const choose = (name, value) => {
    model.set(name, value);
    model.save_changes();
  };
  focus.addEventListener("change", () => choose("focus", Number(focus.value)));
  direction.addEventListener("change", () => choose("direction", direction.value));
  legend.box.addEventListener("change", () => choose("legend", legend.box.checked));
  title.box.addEventListener("change", () => choose("show_title", title.box.checked));
  statuses.box.addEventListener("change", () => choose("evaluate", statuses.box.checked));

  // ---- pointer: click selects, double-click folds, drag pans, Ctrl + wheel zooms ----
  // Ctrl/Cmd-click follows a box's source link as usual.
  canvas.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (event.detail > 1) return; // the second click of a double-click: that folds
    const target = event.target instanceof Element ? event.target : null;
    const node = target && target.closest("g.node");
    const id = node ? statementId(node) : null;
    model.set("selected", id && id !== model.get("selected") ? id : "");
    model.save_changes();
  });
  canvas.addEventListener("dblclick", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const node = target && target.closest("g.node");
    const id = node ? statementId(node) : null;
    if (!id) return;
    event.preventDefault();
    toggleFold(id);
  });
  fold.addEventListener("click", () => {
    const id = model.get("selected");
    if (id) toggleFold(id);
  });

  let drag = null;
  stage.addEventListener("pointerdown", (event) => {
    // Touch scrolls natively; a press on a scroll bar is not a drag of the drawing.
    if (event.button !== 0 || event.pointerType === "touch") return;
    if (event.offsetX > stage.clientWidth || event.offsetY > stage.clientHeight) return;
    drag = {
      x: event.clientX,
      y: event.clientY,
      left: stage.scrollLeft,
      top: stage.scrollTop,
      moved: false,
    };
  });
  stage.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    drag.moved = true;
    stage.classList.add("argmap-dragging");
    stage.scrollLeft = drag.left - dx;
    stage.scrollTop = drag.top - dy;
  });
  const endDrag = () => {
    if (drag && drag.moved) {
      // a drag is not a click: keep the selection
      const stop = (e) => {
        e.stopPropagation();
        e.preventDefault();
      };
      canvas.addEventListener("click", stop, { capture: true, once: true });
    }
    drag = null;
    stage.classList.remove("argmap-dragging");
  };
  stage.addEventListener("pointerup", endDrag);
  stage.addEventListener("pointerleave", endDrag);
  stage.addEventListener(
    "wheel",
    (event) => {
      if (!(event.ctrlKey || event.metaKey)) return; // a plain wheel scrolls
      event.preventDefault();
      const box = stage.getBoundingClientRect();
      mode = "free";
      zoom(scale * (event.deltaY < 0 ? 1.15 : 1 / 1.15), event.clientX - box.left, event.clientY - box.top);
    },
    { passive: false },
  );
  stage.addEventListener("scroll", showOverview, { passive: true });
  fit.addEventListener("click", fitWidth);
  zoomIn.addEventListener("click", () => {
    mode = "free";
    zoom(scale * 1.25);
  });
  zoomOut.addEventListener("click", () => {
    mode = "free";
    zoom(scale / 1.25);
  });
  actual.addEventListener("click", () => {
    mode = "free";
    zoom(1);
  });

  function onCustom(message, buffers) {
    if (!message || message.type !== "download" || !buffers || !buffers.length) return;
    const data = buffers[0];
    const blob = new Blob([data.buffer ? data.buffer : data], { type: message.mime });
    const url = URL.createObjectURL(blob);
    const link = el("a");
    link.href = url;
    link.download = message.filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }

  const showGraph = () => {
    showParties();
    highlight();
    syncFold();
    matchQuery = null; // the statements changed: search again
  };
  const onSelected = () => {
    highlight();
    syncFold();
  };
  const handlers = [
    ["change:svg", draw],
    ["change:graph", showGraph],
    ["change:selected", onSelected],
    ["change:collapsed", syncFold],
    ["change:status", showStatus],
    ["change:busy", showBusy],
    ["change:focus", syncOptions],
    ["change:direction", syncOptions],
    ["change:legend", syncOptions],
    ["change:show_title", syncOptions],
    ["change:evaluate", syncOptions],
    ["change:hidden_parties", showParties],
    ["change:height", resize],
    ["msg:custom", onCustom],
  ];
  for (const [event, handler] of handlers) model.on(event, handler);
  let width = 0;
  const watch = new ResizeObserver(() => {
    // Only a new width changes the scale; the stage's own height follows the drawing.
    if (stage.clientWidth === width) return;
    width = stage.clientWidth;
    if (mode === "open") scale = openingScale();
    else if (mode === "fit") scale = size.width ? Math.min(1, available() / size.width) : 1;
    resize();
    openAtStart();
  });
  watch.observe(stage);

  showParties();
  showStatus();
  showBusy();
  syncOptions();
  draw();

  return () => {
    watch.disconnect();
    if (overviewUrl) URL.revokeObjectURL(overviewUrl);
    for (const [event, handler] of handlers) model.off(event, handler);
  };
}

export default { render };
