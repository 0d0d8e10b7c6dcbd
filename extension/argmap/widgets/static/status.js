// A line of plain text for the editor's status: textContent only, never markup.
function render({ model, el }) {
  el.classList.add("argmap-status-line");
  el.setAttribute("role", "status");
  const show = () => {
    el.textContent = model.get("value");
    el.dataset.level = model.get("level");
    el.style.whiteSpace = "pre-wrap";
    el.style.padding = model.get("value") ? "3px 6px" : "0";
    el.style.color = model.get("level") === "problem" ? "#b71c1c" : "inherit";
    el.style.background = model.get("level") === "problem" ? "#fdecea" : "transparent";
  };
  model.on("change:value", show);
  model.on("change:level", show);
  show();
  return () => {
    model.off("change:value", show);
    model.off("change:level", show);
  };
}
export default { render };
