// Draw a map in JupyterLab with the notebook View's own browser module (view.js): the server
// extension lays the map out with argmap, and a small local model stands in for the widget's.

import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

import view, { ViewModel } from '../../argmap/widgets/static/view.js';

export { view };

/** What the server draws: the View's `svg` and `graph` traits, and the map's title. */
export interface Drawing {
  svg: string;
  graph: Graph;
  title: string;
}

export interface Graph {
  parties: { id: string; name: string; role: string }[];
  nodes: Record<string, { party: string; kind: string; title: string; text: string }>;
  links: [string, string, string][];
  folded: Record<string, unknown>;
}

/** A map the server refused: what is wrong, one problem a line (as `argmap validate`). */
export class MapProblem extends Error {
  constructor(
    message: string,
    readonly problems: string[]
  ) {
    super(message);
  }
}

/** The View's choices that change what is drawn; the rest (selection) stays in the browser. */
export const DRAWN = [
  'focus',
  'focus_root',
  'hidden_parties',
  'collapsed',
  'direction',
  'legend',
  'evaluate',
  'show_title'
];

const DEFAULTS: Record<string, unknown> = {
  svg: '',
  graph: {},
  selected: '',
  focus: 0,
  focus_root: '',
  hidden_parties: [],
  collapsed: [],
  direction: 'BT',
  legend: false,
  evaluate: false,
  show_title: true,
  status: '',
  height: 'auto'
};

/**
 * The part of an anywidget model view.js uses: traits, change events, save_changes.
 * `onSave` hears which traits changed since the last save, as the kernel would.
 */
export class LocalModel implements ViewModel {
  constructor(
    initial: Record<string, unknown>,
    private onSave: (changed: Set<string>) => void
  ) {
    this._state = { ...DEFAULTS, ...initial };
  }

  get(name: string): any {
    return this._state[name];
  }

  set(name: string, value: unknown): void {
    if (JSON.stringify(this._state[name]) === JSON.stringify(value)) {
      return;
    }
    this._state[name] = value;
    this._changed.add(name);
    for (const handler of this._handlers.get(`change:${name}`) ?? []) {
      handler();
    }
  }

  save_changes(): void {
    const changed = this._changed;
    this._changed = new Set();
    this.onSave(changed);
  }

  on(event: string, handler: (...args: any[]) => void): void {
    const list = this._handlers.get(event) ?? [];
    list.push(handler);
    this._handlers.set(event, list);
  }

  off(event: string, handler: (...args: any[]) => void): void {
    const list = this._handlers.get(event) ?? [];
    this._handlers.set(
      event,
      list.filter(h => h !== handler)
    );
  }

  private _state: Record<string, unknown>;
  private _changed = new Set<string>();
  private _handlers = new Map<string, ((...args: any[]) => void)[]>();
}

/** The query arguments of /argmap/render for a model's drawing choices. */
export function query(model: ViewModel, file: string): string {
  const args = new URLSearchParams();
  args.append('file', file);
  args.append('direction', model.get('direction'));
  args.append('legend', String(model.get('legend')));
  args.append('evaluate', String(model.get('evaluate')));
  args.append('title', String(model.get('show_title')));
  args.append('focus', String(model.get('focus')));
  args.append('root', model.get('focus_root') || model.get('selected'));
  for (const id of model.get('hidden_parties')) {
    args.append('hidden', id);
  }
  for (const id of model.get('collapsed')) {
    args.append('collapsed', id);
  }
  return args.toString();
}

/** Ask the server extension to draw the map text; a refused map throws MapProblem. */
export async function draw(text: string, args: string): Promise<Drawing> {
  const settings = ServerConnection.makeSettings();
  const url = URLExt.join(settings.baseUrl, 'argmap', 'render') + `?${args}`;
  let response: Response;
  try {
    response = await ServerConnection.makeRequest(
      url,
      { method: 'POST', body: text, headers: { 'Content-Type': 'application/json' } },
      settings
    );
  } catch (error) {
    throw new MapProblem('the Jupyter server cannot be reached', [String(error)]);
  }
  let answer: any = {};
  try {
    answer = await response.json();
  } catch {
    // answered without JSON: the status says enough
  }
  if (!response.ok) {
    const problems: string[] = Array.isArray(answer.problems) ? answer.problems : [];
    throw new MapProblem(
      answer.message || `the server could not draw the map (HTTP ${response.status})`,
      problems
    );
  }
  return answer as Drawing;
}

/** A box of problems: a headline and one line each, as text (never markup). */
export function problemBox(error: unknown): HTMLElement {
  const box = document.createElement('div');
  box.className = 'argmap-problems';
  box.setAttribute('role', 'alert');
  const head = document.createElement('strong');
  head.textContent = error instanceof Error ? error.message : String(error);
  box.append(head);
  const list = document.createElement('ul');
  for (const problem of error instanceof MapProblem ? error.problems : []) {
    const item = document.createElement('li');
    item.textContent = problem;
    list.append(item);
  }
  box.append(list);
  return box;
}
