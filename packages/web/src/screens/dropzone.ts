/** A drop area with "choose files" and "choose a folder" buttons (keyboard and screen-reader friendly). */
import { h } from '../dom.js';
import { fromDataTransfer, fromFileList, type InputFile } from '../files.js';

export interface DropzoneOptions {
  readonly hint: string;
  readonly filesLabel: string;
  readonly folderLabel?: string;
  readonly multiple: boolean;
  readonly accept?: string;
  readonly testId: string;
  onFiles(files: InputFile[]): void;
}

export function dropzone(options: DropzoneOptions): HTMLElement {
  const fileInput = h('input', { type: 'file', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true', multiple: options.multiple, accept: options.accept, 'data-testid': `${options.testId}-files` });
  const folderInput = h('input', { type: 'file', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true', 'data-testid': `${options.testId}-folder` });
  folderInput.webkitdirectory = true;
  const take = (input: HTMLInputElement) => () => {
    const files = fromFileList(input.files);
    input.value = '';
    if (files.length > 0) options.onFiles(files);
  };
  fileInput.addEventListener('change', take(fileInput));
  folderInput.addEventListener('change', take(folderInput));

  const zone = h(
    'div',
    { class: 'dropzone', 'data-testid': options.testId },
    h('p', { class: 'dropzone-hint' }, options.hint),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary', on: { click: () => fileInput.click() } }, options.filesLabel),
      options.folderLabel !== undefined && h('button', { type: 'button', on: { click: () => folderInput.click() } }, options.folderLabel),
    ),
    fileInput,
    options.folderLabel !== undefined && folderInput,
  );
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    if (event.dataTransfer === null) return;
    void fromDataTransfer(event.dataTransfer).then((files) => {
      if (files.length > 0) options.onFiles(options.multiple ? files : files.slice(0, 1));
    });
  });
  return zone;
}
