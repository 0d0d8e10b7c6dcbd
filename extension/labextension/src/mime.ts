// Outputs: application/vnd.argmap+json drawn as the interactive diagram (view.js, drawn by
// the server extension, no kernel or widget state needed); the static SVG that argmap.View
// and argmap.Editor put beside their widget is hidden here, where the widget shows itself.

import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';

import { DRAWN, LocalModel, draw, problemBox, query, view } from './drawing';

const MIME_TYPE = 'application/vnd.argmap+json';
const FALLBACK_MIME = 'application/vnd.argmap.fallback+json';

interface Shown {
  map: unknown;
  options?: { direction?: string; legend?: boolean; evaluate?: boolean; title?: boolean };
}

class MapRenderer extends Widget implements IRenderMime.IRenderer {
  constructor() {
    super();
    this.addClass('argmap-output');
    this._host = document.createElement('div');
    this._problems = document.createElement('div');
    this.node.append(this._problems, this._host);
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const shown = model.data[MIME_TYPE] as unknown as Shown;
    this._text = JSON.stringify(shown.map);
    if (!this._model) {
      const options = shown.options ?? {};
      this._model = new LocalModel(
        {
          direction: options.direction ?? 'BT',
          legend: options.legend ?? false,
          evaluate: options.evaluate ?? false,
          show_title: options.title ?? true
        },
        changed => {
          const follows = changed.has('selected') && this._model!.get('focus') > 0;
          if (DRAWN.some(name => changed.has(name)) || follows) {
            void this._redraw();
          }
        }
      );
      this._cleanup = view.render({ model: this._model, el: this._host });
    }
    await this._redraw();
  }

  dispose(): void {
    this._cleanup?.();
    super.dispose();
  }

  private async _redraw(): Promise<void> {
    const model = this._model!;
    try {
      const drawing = await draw(this._text, query(model, 'output'));
      this._problems.replaceChildren();
      model.set('svg', drawing.svg);
      model.set('graph', drawing.graph);
    } catch (error) {
      this._problems.replaceChildren(problemBox(error));
    }
  }

  private _host: HTMLElement;
  private _problems: HTMLElement;
  private _text = '';
  private _model: LocalModel | null = null;
  private _cleanup: (() => void) | null = null;
}

class Hidden extends Widget implements IRenderMime.IRenderer {
  constructor() {
    super();
    this.addClass('argmap-fallback');
  }

  async renderModel(): Promise<void> {
    // Nothing: the widget beside this output shows the diagram.
  }
}

const extensions: IRenderMime.IExtension[] = [
  {
    id: 'jupyter-argmap:mime',
    description: 'Shows application/vnd.argmap+json outputs as the interactive diagram.',
    rendererFactory: {
      safe: true,
      mimeTypes: [MIME_TYPE],
      createRenderer: () => new MapRenderer()
    },
    rank: 0,
    dataType: 'json'
  },
  {
    id: 'jupyter-argmap:fallback',
    description: "Hides the static copy of a View's or Editor's diagram beside the widget.",
    rendererFactory: {
      safe: true,
      mimeTypes: [FALLBACK_MIME],
      createRenderer: () => new Hidden()
    },
    rank: 0,
    dataType: 'json'
  }
];

export default extensions;
