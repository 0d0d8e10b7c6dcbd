// The *.argmap.json document: the diagram (view.js, drawn by the server extension) and a side
// panel to read and change the selected statement. The text lives in the document's context,
// so saving, the dirty mark, revert and the changed-on-disk dialog are JupyterLab's own.

import { ToolbarButton } from '@jupyterlab/apputils';
import {
  ABCWidgetFactory,
  DocumentRegistry,
  DocumentWidget,
  IDocumentWidget
} from '@jupyterlab/docregistry';
import { PathExt } from '@jupyterlab/coreutils';
import { Widget } from '@lumino/widgets';

import { DRAWN, Drawing, LocalModel, draw, problemBox, query, view } from './drawing';
import {
  ADDITIONS,
  KINDS,
  MapData,
  add,
  dump,
  edit,
  link,
  remove,
  statement,
  unlink
} from './edits';
import { argmapIcon } from './icon';

const VERDICTS = new Set(['upholds', 'rejects', 'acknowledges']);
const LINK_KINDS = ['support', 'attack', 'upholds', 'rejects', 'acknowledges'];

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text; // text, never markup
  }
  return node;
}

function button(text: string, action: () => void, title = ''): HTMLButtonElement {
  const node = el('button', 'jp-Button jp-mod-styled argmap-side-button', text);
  node.type = 'button';
  node.title = title;
  node.addEventListener('click', action);
  return node;
}

function choice(options: [string, string][], value = ''): HTMLSelectElement {
  const select = el('select', 'jp-mod-styled argmap-side-select');
  for (const [key, label] of options) {
    const option = el('option', '', label);
    option.value = key;
    select.append(option);
  }
  if (value) {
    select.value = value;
  }
  return select;
}

export class ArgmapPanel extends Widget {
  constructor(private context: DocumentRegistry.IContext<DocumentRegistry.IModel>) {
    super();
    this.addClass('argmap-document');
    this.node.tabIndex = -1;
    const main = el('div', 'argmap-document-main');
    this._problems = el('div', 'argmap-document-problems');
    this._host = el('div', 'argmap-document-view');
    main.append(this._problems, this._host);
    this._side = el('aside', 'argmap-side');
    this._side.setAttribute('aria-label', 'Selected statement');
    this.node.append(main, this._side);
    this._model = new LocalModel({ height: '100%' }, changed => this._saved(changed));
    this._cleanup = view.render({ model: this._model, el: this._host });
    void context.ready.then(() => {
      context.model.contentChanged.connect(this._schedule, this);
      void this._redraw();
    });
  }

  /** The map in the document, or null while its text is not JSON. */
  get data(): MapData | null {
    try {
      return JSON.parse(this.context.model.toString()) as MapData;
    } catch {
      return null;
    }
  }

  undo(): void {
    if (this.context.model.sharedModel.canUndo()) {
      this.context.model.sharedModel.undo();
      this.context.model.dirty = true;
    }
  }

  redo(): void {
    if (this.context.model.sharedModel.canRedo()) {
      this.context.model.sharedModel.redo();
      this.context.model.dirty = true;
    }
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._cleanup();
    window.clearTimeout(this._timer);
    super.dispose();
  }

  // ---- drawing ----

  private _schedule(): void {
    if (this.context.model.toString() === this._drawnText) {
      return; // this panel's own change, drawn already
    }
    window.clearTimeout(this._timer);
    this._timer = window.setTimeout(() => void this._redraw(), 300);
  }

  private _saved(changed: Set<string>): void {
    const follows = changed.has('selected') && this._model.get('focus') > 0;
    if (DRAWN.some(name => changed.has(name)) || follows) {
      void this._redraw();
    }
    if (changed.has('selected')) {
      this._showSide();
    }
  }

  private async _redraw(): Promise<void> {
    const text = this.context.model.toString();
    const ticket = ++this._ticket;
    try {
      const drawing = await draw(text, query(this._model, PathExt.basename(this.context.path)));
      if (ticket === this._ticket) {
        this._show(drawing, text);
      }
    } catch (error) {
      if (ticket === this._ticket) {
        this._problems.replaceChildren(problemBox(error));
        this.node.dataset.state = 'problem';
      }
    }
  }

  private _show(drawing: Drawing, text: string): void {
    this._drawnText = text;
    this._problems.replaceChildren();
    this._model.set('svg', drawing.svg);
    this._model.set('graph', drawing.graph);
    const selected = this._model.get('selected');
    if (selected && !(selected in drawing.graph.nodes)) {
      this._model.set('selected', '');
    }
    this.node.dataset.state = 'drawn';
    this._showSide();
  }

  /** Check a change with the server, then put it into the document (one undo step). */
  private async _apply(next: MapData, select?: string): Promise<void> {
    const text = dump(next);
    const ticket = ++this._ticket;
    try {
      const drawing = await draw(text, query(this._model, PathExt.basename(this.context.path)));
      if (ticket !== this._ticket) {
        return;
      }
      this._drawnText = text;
      this.context.model.sharedModel.setSource(text);
      this.context.model.dirty = true; // a text model leaves that to its editor
      if (select) {
        this._model.set('selected', select);
      }
      this._show(drawing, text);
    } catch (error) {
      this._note(problemBox(error), 'The map was not changed:');
    }
  }

  private _note(box: HTMLElement, headline: string): void {
    box.prepend(el('div', '', headline));
    this._side.querySelector('.argmap-problems')?.remove();
    this._side.prepend(box);
  }

  // ---- the side panel ----

  private _showSide(): void {
    const data = this.data;
    const id = this._model.get('selected');
    this._side.replaceChildren();
    if (!data || !id || !data.statements.some(s => s.id === id)) {
      this._side.append(
        el('p', 'argmap-side-hint', 'Click a box to read it here, edit it, or argue with it.')
      );
      return;
    }
    const s = statement(data, id);
    const parties = new Map(data.parties.map(p => [p.id, p.name]));
    const sources = new Map((data.sources ?? []).map(src => [src.id, src]));
    const heading = el('h2', 'argmap-side-title', s.title || s.id);
    const meta = el('div', 'argmap-side-meta', `${s.id} · ${s.kind} · ${parties.get(s.party) ?? s.party}`);
    const text = el('p', 'argmap-side-text', s.text);
    this._side.append(heading, meta, text);

    if (s.citations?.length) {
      const list = el('ul', 'argmap-side-citations');
      for (const citation of s.citations) {
        const item = el('li');
        const source = sources.get(citation.source);
        const name = source?.title ?? citation.source;
        if (source?.url && /^https?:\/\//i.test(source.url)) {
          const a = el('a', '', name);
          a.href = source.url;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          item.append(a);
        } else {
          item.append(el('span', '', name));
        }
        if (citation.locator) {
          item.append(el('span', '', `, ${citation.locator}`));
        }
        if (citation.quote) {
          item.append(el('q', 'argmap-side-quote', citation.quote));
        }
        list.append(item);
      }
      this._side.append(el('h3', '', 'Sources'), list);
    }

    const links = (data.relations ?? []).filter(r => r.from === id || r.to === id);
    const court = links.filter(r => r.to === id && VERDICTS.has(r.kind));
    if (court.length) {
      const list = el('ul', 'argmap-side-court');
      for (const r of court) {
        const finding = data.statements.find(f => f.id === r.from);
        list.append(el('li', '', `${r.from} ${r.kind} it: ${finding?.title || finding?.text || ''}`));
      }
      this._side.append(el('h3', '', 'The court'), list);
    }

    if (links.length) {
      const list = el('ul', 'argmap-side-links');
      for (const r of links) {
        const item = el('li', '', `${r.from} ${r.kind} ${r.to} `);
        item.append(
          button('Unlink', () => void this._apply(unlink(data, r.from, r.to)), 'Remove this link')
        );
        list.append(item);
      }
      this._side.append(el('h3', '', 'Links'), list);
    }
    this._side.append(this._editForm(data, id), this._addForm(data, id), this._linkForm(data, id));
  }

  private _editForm(data: MapData, id: string): HTMLElement {
    const s = statement(data, id);
    const form = el('section', 'argmap-side-form argmap-side-edit');
    const title = el('input', 'jp-mod-styled argmap-side-input');
    title.value = s.title ?? '';
    title.placeholder = 'Title';
    title.setAttribute('aria-label', 'Title');
    const text = el('textarea', 'jp-mod-styled argmap-side-input');
    text.value = s.text;
    text.rows = 4;
    text.setAttribute('aria-label', 'Text');
    const party = choice(
      data.parties.map(p => [p.id, p.name]),
      s.party
    );
    party.setAttribute('aria-label', 'Party');
    const kind = choice(
      KINDS.map(k => [k, k]),
      s.kind
    );
    kind.setAttribute('aria-label', 'Kind');
    const fields = (): Parameters<typeof edit>[2] => ({
      title: title.value,
      text: text.value,
      party: party.value,
      kind: kind.value
    });
    form.append(
      el('h3', '', 'Edit'),
      title,
      text,
      party,
      kind,
      button('Apply', () => void this._apply(edit(data, id, fields()))),
      button('Delete', () => void this._apply(remove(data, id)), 'Delete it with its links')
    );
    return form;
  }

  private _addForm(data: MapData, id: string): HTMLElement {
    const form = el('section', 'argmap-side-form argmap-side-add');
    const court = data.parties.find(p => p.role === 'court');
    const kinds: [string, string][] = [
      ['reason', 'a reason (pro)'],
      ['objection', 'an objection (contra)']
    ];
    if (court) {
      kinds.push(
        ['upholds', 'a finding that upholds it'],
        ['rejects', 'a finding that rejects it'],
        ['acknowledges', 'a finding that acknowledges it']
      );
    }
    const kind = choice(kinds);
    kind.setAttribute('aria-label', 'What to add');
    const party = choice(
      data.parties.map(p => [p.id, p.name]),
      statement(data, id).party
    );
    party.setAttribute('aria-label', 'Said by');
    kind.addEventListener('change', () => {
      if (court && ADDITIONS[kind.value].kind === 'finding') {
        party.value = court.id;
      }
    });
    const title = el('input', 'jp-mod-styled argmap-side-input');
    title.placeholder = 'Title';
    title.setAttribute('aria-label', 'New title');
    const text = el('textarea', 'jp-mod-styled argmap-side-input');
    text.placeholder = 'Text';
    text.rows = 3;
    text.setAttribute('aria-label', 'New text');
    const go = (): void => {
      try {
        const added = add(data, id, kind.value, party.value, {
          title: title.value,
          text: text.value
        });
        void this._apply(added.data, id);
      } catch (error) {
        this._note(problemBox(error), 'Nothing was added:');
      }
    };
    form.append(el('h3', '', 'Add to it'), kind, party, title, text, button('Add', go));
    return form;
  }

  private _linkForm(data: MapData, id: string): HTMLElement {
    const form = el('section', 'argmap-side-form argmap-side-link');
    const others = data.statements
      .filter(s => s.id !== id)
      .map(s => [s.id, `${s.id}: ${s.title || s.text}`.slice(0, 60)] as [string, string]);
    const kind = choice(LINK_KINDS.map(k => [k, k]));
    kind.setAttribute('aria-label', 'Link kind');
    const target = choice(others);
    target.setAttribute('aria-label', 'Link to');
    form.append(
      el('h3', '', 'Link it'),
      kind,
      target,
      button('Link', () => void this._apply(link(data, id, target.value, kind.value)))
    );
    return form;
  }

  private _model: LocalModel;
  private _host: HTMLElement;
  private _side: HTMLElement;
  private _problems: HTMLElement;
  private _cleanup: () => void;
  private _timer = 0;
  private _ticket = 0;
  private _drawnText: string | null = null;
}

export class ArgmapFactory extends ABCWidgetFactory<IDocumentWidget<ArgmapPanel>> {
  protected createNewWidget(
    context: DocumentRegistry.IContext<DocumentRegistry.IModel>
  ): IDocumentWidget<ArgmapPanel> {
    const content = new ArgmapPanel(context);
    const widget = new DocumentWidget({ content, context });
    widget.title.icon = argmapIcon;
    widget.toolbar.addItem(
      'argmap-undo',
      new ToolbarButton({ label: 'Undo', tooltip: 'Undo the last change', onClick: () => content.undo() })
    );
    widget.toolbar.addItem(
      'argmap-redo',
      new ToolbarButton({ label: 'Redo', tooltip: 'Redo', onClick: () => content.redo() })
    );
    return widget;
  }
}
