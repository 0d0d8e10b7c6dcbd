// The argmap diagram in the browser: draw the SVG, select by click, highlight, zoom, pan.
// Plain ES module for anywidget: no framework, no bundler, nothing fetched from the network.

const SVG_NS = "http://www.w3.org/2000/svg";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text; // text, never markup
  return node;
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

function render({ model, el: host }) {
  host.classList.add("argmap-view");
  const toolbar = el("div", "argmap-toolbar");
  const fit = el("button", "argmap-button", "Fit");
  const zoomOut = el("button", "argmap-button", "−");
  const zoomIn = el("button", "argmap-button", "+");
  const actual = el("button", "argmap-button", "1:1");
  fit.title = "Fit the diagram to the width";
  zoomOut.title = "Zoom out (or Ctrl + mouse wheel)";
  zoomIn.title = "Zoom in (or Ctrl + mouse wheel)";
  actual.title = "Actual size";
  const focusLabel = el("label", "argmap-focus", "Focus ");
  const focus = el("select", "argmap-select");
  for (const [value, text] of [[0, "whole map"], [1, "1 link"], [2, "2 links"], [3, "3 links"]]) {
    const option = el("option", "", text);
    option.value = String(value);
    focus.append(option);
  }
  focus.title = "Show only the statements within k links of the selected one";
  focusLabel.append(focus);
  const parties = el("span", "argmap-parties");
  toolbar.append(fit, zoomOut, zoomIn, actual, focusLabel, parties);

  const stage = el("div", "argmap-stage");
  const canvas = el("div", "argmap-canvas");
  stage.append(canvas);
  const status = el("div", "argmap-status");
  status.setAttribute("role", "status");
  host.append(toolbar, stage, status);

  let scale = 1;
  let dx = 0;
  let dy = 0;
  let fitted = true;
  let svg = null;

  function place() {
    canvas.style.transform = `translate(${dx}px, ${dy}px) scale(${scale})`;
  }

  function fitWidth() {
    if (!svg) return;
    const width = svg.viewBox.baseVal ? svg.viewBox.baseVal.width : svg.getBBox().width;
    const available = stage.clientWidth || host.clientWidth || 800;
    scale = width ? Math.min(1, available / width) : 1;
    dx = 0;
    dy = 0;
    fitted = true;
    if (model.get("height") === "auto") {
      // As tall as the fitted drawing, so nothing is cut off below; at most most of the screen.
      const height = svg.viewBox.baseVal ? svg.viewBox.baseVal.height : svg.getBBox().height;
      const cap = Math.max(300, Math.round(window.innerHeight * 0.85));
      stage.style.height = `${Math.min(cap, Math.ceil(height * scale) + 4)}px`;
    }
    place();
  }

  function zoom(factor, cx, cy) {
    const next = Math.max(0.1, Math.min(6, scale * factor));
    const x = cx === undefined ? stage.clientWidth / 2 : cx;
    const y = cy === undefined ? stage.clientHeight / 2 : cy;
    dx = x - ((x - dx) * next) / scale;
    dy = y - ((y - dy) * next) / scale;
    scale = next;
    fitted = false;
    place();
  }

  function draw() {
    canvas.replaceChildren();
    svg = null;
    const text = model.get("svg");
    if (text) {
      svg = parseSvg(text);
      if (svg) {
        svg.removeAttribute("width");
        svg.removeAttribute("height");
        const box = svg.viewBox.baseVal;
        if (box && box.width) {
          svg.setAttribute("width", String(box.width));
          svg.setAttribute("height", String(box.height));
        }
        canvas.append(svg);
      } else {
        status.textContent = "the drawing could not be read";
      }
    }
    if (model.get("height") !== "auto") stage.style.height = model.get("height");
    highlight();
    if (fitted) fitWidth();
    else place();
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
    const node = svg.getElementById ? svg.getElementById(`statement-${selected}`) : null;
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

  function showParties() {
    parties.replaceChildren();
    const hidden = new Set(model.get("hidden_parties"));
    for (const party of (model.get("graph") || {}).parties || []) {
      const label = el("label", "argmap-party");
      const box = el("input");
      box.type = "checkbox";
      box.checked = !hidden.has(party.id);
      box.addEventListener("change", () => {
        const now = new Set(model.get("hidden_parties"));
        if (box.checked) now.delete(party.id);
        else now.add(party.id);
        model.set("hidden_parties", Array.from(now));
        model.save_changes();
      });
      label.append(box, document.createTextNode(party.name));
      parties.append(label);
    }
  }

  function showStatus() {
    status.textContent = model.get("status");
    status.classList.toggle("argmap-status-shown", Boolean(model.get("status")));
  }

  // Click selects; Ctrl/Cmd-click follows a box's source link as usual.
  canvas.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const node = target && target.closest("g.node");
    if (event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const id = node ? statementId(node) : null;
    model.set("selected", id && id !== model.get("selected") ? id : "");
    model.save_changes();
  });

  let drag = null;
  stage.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    drag = { x: event.clientX - dx, y: event.clientY - dy, moved: false };
  });
  stage.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const nx = event.clientX - drag.x;
    const ny = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(nx - dx, ny - dy) < 4) return;
    drag.moved = true;
    stage.classList.add("argmap-dragging");
    dx = nx;
    dy = ny;
    fitted = false;
    place();
  });
  const endDrag = (event) => {
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
      if (!(event.ctrlKey || event.metaKey)) return; // plain wheel scrolls the notebook
      event.preventDefault();
      const box = stage.getBoundingClientRect();
      zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX - box.left, event.clientY - box.top);
    },
    { passive: false },
  );
  fit.addEventListener("click", fitWidth);
  zoomIn.addEventListener("click", () => zoom(1.25));
  zoomOut.addEventListener("click", () => zoom(1 / 1.25));
  actual.addEventListener("click", () => {
    scale = 1;
    dx = 0;
    dy = 0;
    fitted = false;
    place();
  });
  focus.addEventListener("change", () => {
    model.set("focus", Number(focus.value));
    model.save_changes();
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
  };
  const syncFocus = () => {
    focus.value = String(Math.min(3, model.get("focus")));
  };
  const handlers = [
    ["change:svg", draw],
    ["change:graph", showGraph],
    ["change:selected", highlight],
    ["change:status", showStatus],
    ["change:focus", syncFocus],
    ["change:hidden_parties", showParties],
    ["change:height", draw],
    ["msg:custom", onCustom],
  ];
  for (const [event, handler] of handlers) model.on(event, handler);
  const resize = new ResizeObserver(() => {
    if (fitted) fitWidth();
  });
  resize.observe(stage);

  showParties();
  showStatus();
  syncFocus();
  draw();

  return () => {
    resize.disconnect();
    for (const [event, handler] of handlers) model.off(event, handler);
  };
}

export default { render };
