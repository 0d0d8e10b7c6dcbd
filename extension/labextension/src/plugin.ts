// The JupyterLab plugin: *.argmap.json as a file type and a document, and ways to make one.

import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette, WidgetTracker } from '@jupyterlab/apputils';
import { IDocumentWidget } from '@jupyterlab/docregistry';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { ILauncher } from '@jupyterlab/launcher';
import { IMainMenu } from '@jupyterlab/mainmenu';

import { ArgmapFactory, ArgmapPanel } from './document';
import { argmapIcon } from './icon';
import template from './template.argmap.json';

const FACTORY = 'Argument map';
const FILE_TYPE = 'argmap';
const CREATE = 'argmap:create-new';

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'jupyter-argmap:plugin',
  description: 'Argument maps as documents: open, edit and save *.argmap.json files.',
  autoStart: true,
  optional: [ILauncher, IMainMenu, ICommandPalette, IDefaultFileBrowser],
  activate: (
    app: JupyterFrontEnd,
    launcher: ILauncher | null,
    mainMenu: IMainMenu | null,
    palette: ICommandPalette | null,
    browser: IDefaultFileBrowser | null
  ) => {
    app.docRegistry.addFileType({
      name: FILE_TYPE,
      displayName: 'Argument map',
      extensions: ['.argmap.json'],
      mimeTypes: ['application/json'],
      fileFormat: 'text',
      contentType: 'file',
      icon: argmapIcon
    });
    const factory = new ArgmapFactory({
      name: FACTORY,
      label: 'Argument map',
      fileTypes: [FILE_TYPE],
      defaultFor: [FILE_TYPE],
      modelName: 'text'
    });
    const tracker = new WidgetTracker<IDocumentWidget<ArgmapPanel>>({ namespace: 'argmap' });
    factory.widgetCreated.connect((_, widget) => {
      widget.context.pathChanged.connect(() => void tracker.save(widget));
      void tracker.add(widget);
    });
    app.docRegistry.addWidgetFactory(factory);

    app.commands.addCommand(CREATE, {
      label: args => (args.isPalette ? 'New argument map' : 'Argument map'),
      caption: 'A new argument map of two parties (untitled.argmap.json)',
      icon: args => (args.isPalette ? undefined : argmapIcon),
      execute: async args => {
        const cwd = (args.cwd as string) ?? browser?.model.path ?? '';
        const contents = app.serviceManager.contents;
        const made = await contents.newUntitled({ path: cwd, type: 'file', ext: '.argmap.json' });
        await contents.save(made.path, {
          type: 'file',
          format: 'text',
          content: JSON.stringify(template, null, 2) + '\n'
        });
        return app.commands.execute('docmanager:open', { path: made.path, factory: FACTORY });
      }
    });
    launcher?.add({ command: CREATE, category: 'Other', rank: 1 });
    mainMenu?.fileMenu.newMenu.addItem({ command: CREATE, rank: 30 });
    palette?.addItem({ command: CREATE, category: 'Argument map', args: { isPalette: true } });
  }
};

export default plugin;
