// The types of view.js for the JupyterLab extension, which draws with this same module.
// The module needs only this much of an anywidget model.
export interface ViewModel {
  get(name: string): any;
  set(name: string, value: unknown): void;
  save_changes(): void;
  on(event: string, handler: (...args: any[]) => void): void;
  off(event: string, handler: (...args: any[]) => void): void;
}

declare const view: {
  render(props: { model: ViewModel; el: HTMLElement }): () => void;
};
export default view;
