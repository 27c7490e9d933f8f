/**
 * "Redact faces": a review screen of boxes over a photo. Boxes are drawn by dragging on the photo,
 * moved by dragging, resized with the corner handle (mouse, pen and touch through pointer events),
 * and with the keyboard (arrows move, Shift+arrows resize, Delete removes). Saving draws the upright
 * photo on a canvas, fills every box with solid black and re-encodes: canvas output carries no
 * metadata, and the copy is then read back by the same core check as cleaning.
 */
import { announce, append, clear, h } from '../dom.js';
import { faceDetectionAvailable, loadFaceDetector, type Box } from '../faces/index.js';
import { t, type MessageKey } from '../i18n/index.js';
import { saveBlob } from '../save.js';
import { scrubInWorker } from '../work/scrub-client.js';
import { dropzone } from './dropzone.js';

interface Message {
  readonly keys: readonly MessageKey[];
  readonly values?: Record<string, string | number>;
  readonly tone?: 'ok' | 'error';
}

/** Core's FILL_RGB (mid-grey, never sampled from the face), as the CLI paints: see core/faces/redact.ts. */
const FILL = '#808080';
const MIN_SIZE = 0.01;
const KEY_STEP = 0.01;

const state = {
  file: undefined as File | undefined,
  url: undefined as string | undefined,
  boxes: [] as Box[],
  /** Shown above the photo; kept as a key so a language switch re-translates it. */
  message: undefined as Message | undefined,
  resultUrl: undefined as string | undefined,
  detecting: false,
};
let root: HTMLElement | undefined;
/** A pointer is drawing, moving or resizing a box: re-rendering now would drop it. */
let interacting = false;
let renderAfterInteraction = false;
let focusIndex: number | undefined;

export function redactScreen(): HTMLElement {
  root = h('div', { class: 'redact-body' });
  render();
  return h(
    'section',
    { class: 'screen', 'aria-labelledby': 'redact-title' },
    h('h2', { id: 'redact-title', tabindex: -1 }, t('redact.title')),
    h('p', { class: 'intro' }, t('redact.intro')),
    dropzone({ hint: t('redact.dropHint'), filesLabel: t('redact.pick'), multiple: false, accept: 'image/*', testId: 'redact-drop', onFiles: (files) => files[0] && open(files[0].file) }),
    root,
  );
}

function open(file: File): void {
  if (state.url) URL.revokeObjectURL(state.url);
  if (state.resultUrl) URL.revokeObjectURL(state.resultUrl);
  state.file = file;
  state.url = URL.createObjectURL(file);
  state.boxes = [];
  state.message = faceDetectionAvailable() ? undefined : { keys: ['redact.noDetector'] };
  state.resultUrl = undefined;
  render();
  // Look for faces straight away: that is what the person came for. Boxes drawn meanwhile stay.
  if (faceDetectionAvailable()) void detect();
}

function render(): void {
  if (root === undefined) return;
  if (interacting) {
    renderAfterInteraction = true;
    return;
  }
  clear(root);
  if (state.file === undefined || state.url === undefined) return;
  const image = h('img', { src: state.url, alt: '', draggable: 'false', class: 'redact-image' });
  image.addEventListener('error', () => {
    state.message = { keys: ['redact.notImage'] };
    state.file = undefined;
    render();
  });
  const stage = h('div', { class: 'stage', role: 'group', 'aria-busy': state.detecting ? 'true' : undefined, 'data-detecting': state.detecting ? 'true' : undefined, 'aria-label': t(state.boxes.length === 1 ? 'redact.stage.one' : 'redact.stage', { count: state.boxes.length }), 'data-testid': 'redact-stage' }, image);
  state.boxes.forEach((box, index) => stage.appendChild(boxElement(box, index)));
  stage.addEventListener('pointerdown', (event) => {
    if (event.target !== stage && event.target !== image) return;
    event.preventDefault();
    startDraw(stage, event);
  });
  append(root, [
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', on: { click: addBox }, 'data-testid': 'redact-add' }, t('redact.add')),
      h('button', { type: 'button', class: 'primary', on: { click: () => void save() }, 'data-testid': 'redact-save' }, t('redact.save')),
      h('span', { class: 'count' }, boxCount(state.boxes.length)),
    ),
    state.message !== undefined && h('p', { class: `notice ${state.message.tone ?? ''}`, role: 'status', 'data-testid': 'redact-message' }, messageText(state.message)),
    h('p', { class: 'hint' }, t('redact.fillNote'), ' ', t('redact.help')),
    stage,
    state.resultUrl !== undefined && h('figure', { class: 'result' }, h('img', { src: state.resultUrl, alt: t('redact.result'), 'data-testid': 'redact-result' }), h('figcaption', {}, t('redact.result'))),
  ]);
  if (focusIndex !== undefined) {
    (stage.querySelectorAll<HTMLElement>('.box')[focusIndex] ?? stage).focus();
    focusIndex = undefined;
  }
}

function boxElement(box: Box, index: number): HTMLElement {
  const n = index + 1;
  const count = state.boxes.length;
  const handle = h('div', { class: 'handle', 'aria-hidden': 'true', title: t('redact.resize', { n }) });
  const remove = h('button', { type: 'button', class: 'remove', 'aria-label': t('redact.remove', { n }), tabindex: -1 }, '×');
  const element = h('div', { class: 'box', tabindex: 0, role: 'button', 'aria-label': t('redact.box', { n, count }), 'data-testid': 'redact-box' }, handle, remove);
  place(element, box);
  remove.addEventListener('click', () => removeBox(index));
  element.addEventListener('keydown', (event) => onBoxKey(event, index));
  element.addEventListener('pointerdown', (event) => {
    if (event.target === remove) return;
    event.preventDefault();
    event.stopPropagation();
    element.focus();
    drag(element, event, index, event.target === handle ? 'resize' : 'move');
  });
  return element;
}

function place(element: HTMLElement, box: Box): void {
  // CSSOM writes are allowed under `style-src 'self'` (only style attributes in markup are not).
  element.style.left = `${box.x * 100}%`;
  element.style.top = `${box.y * 100}%`;
  element.style.width = `${box.w * 100}%`;
  element.style.height = `${box.h * 100}%`;
}

function clamp(box: Box): Box {
  const w = Math.min(1, Math.max(MIN_SIZE, box.w));
  const h = Math.min(1, Math.max(MIN_SIZE, box.h));
  return { x: Math.min(1 - w, Math.max(0, box.x)), y: Math.min(1 - h, Math.max(0, box.y)), w, h };
}

function pointIn(stage: HTMLElement, event: PointerEvent): { x: number; y: number } {
  const rect = stage.getBoundingClientRect();
  return { x: Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)), y: Math.min(1, Math.max(0, (event.clientY - rect.top) / rect.height)) };
}

function startDraw(stage: HTMLElement, event: PointerEvent): void {
  const start = pointIn(stage, event);
  const index = state.boxes.length;
  state.boxes.push({ x: start.x, y: start.y, w: 0, h: 0 });
  const element = boxElement(state.boxes[index]!, index);
  stage.appendChild(element);
  stage.setPointerCapture(event.pointerId);
  interacting = true;
  const move = (moveEvent: PointerEvent) => {
    const at = pointIn(stage, moveEvent);
    const box = { x: Math.min(start.x, at.x), y: Math.min(start.y, at.y), w: Math.abs(at.x - start.x), h: Math.abs(at.y - start.y) };
    state.boxes[index] = box;
    place(element, box);
  };
  const up = () => {
    stage.removeEventListener('pointermove', move);
    stage.removeEventListener('pointerup', up);
    stage.removeEventListener('pointercancel', up);
    interacting = false;
    renderAfterInteraction = false;
    const box = state.boxes[index]!;
    if (box.w < MIN_SIZE || box.h < MIN_SIZE) state.boxes.splice(index, 1);
    else {
      state.boxes[index] = clamp(box);
      focusIndex = index;
    }
    render();
    announce(boxCount(state.boxes.length));
  };
  stage.addEventListener('pointermove', move);
  stage.addEventListener('pointerup', up);
  stage.addEventListener('pointercancel', up);
}

function drag(element: HTMLElement, event: PointerEvent, index: number, mode: 'move' | 'resize'): void {
  const stage = element.parentElement!;
  const origin = pointIn(stage, event);
  const initial = { ...state.boxes[index]! };
  element.setPointerCapture(event.pointerId);
  interacting = true;
  const move = (moveEvent: PointerEvent) => {
    const at = pointIn(stage, moveEvent);
    const dx = at.x - origin.x;
    const dy = at.y - origin.y;
    const box = mode === 'move' ? { ...initial, x: initial.x + dx, y: initial.y + dy } : { ...initial, w: Math.min(1 - initial.x, initial.w + dx), h: Math.min(1 - initial.y, initial.h + dy) };
    state.boxes[index] = clamp(box);
    place(element, state.boxes[index]);
  };
  const up = () => {
    element.removeEventListener('pointermove', move);
    element.removeEventListener('pointerup', up);
    element.removeEventListener('pointercancel', up);
    interacting = false;
    if (renderAfterInteraction) {
      renderAfterInteraction = false;
      render();
    }
  };
  element.addEventListener('pointermove', move);
  element.addEventListener('pointerup', up);
  element.addEventListener('pointercancel', up);
}

function onBoxKey(event: KeyboardEvent, index: number): void {
  const box = state.boxes[index];
  if (box === undefined) return;
  const step = KEY_STEP;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
  const delta = moves[event.key];
  if (event.key === 'Delete' || event.key === 'Backspace') {
    event.preventDefault();
    removeBox(index);
    return;
  }
  if (delta === undefined) return;
  event.preventDefault();
  const next = event.shiftKey ? { ...box, w: box.w + delta[0], h: box.h + delta[1] } : { ...box, x: box.x + delta[0], y: box.y + delta[1] };
  state.boxes[index] = clamp(next);
  place(event.currentTarget as HTMLElement, state.boxes[index]);
}

function addBox(): void {
  state.boxes.push({ x: 0.35, y: 0.3, w: 0.3, h: 0.3 });
  focusIndex = state.boxes.length - 1;
  render();
  announce(boxCount(state.boxes.length));
}

function removeBox(index: number): void {
  state.boxes.splice(index, 1);
  focusIndex = state.boxes.length > 0 ? Math.min(index, state.boxes.length - 1) : undefined;
  render();
  announce(boxCount(state.boxes.length));
}

async function detect(): Promise<void> {
  const file = state.file;
  if (file === undefined) return;
  state.message = { keys: ['redact.detecting'] };
  state.detecting = true;
  render();
  try {
    const detector = await loadFaceDetector();
    if (detector === undefined) throw new Error('no detector');
    const found = await detector.detect(await createImageBitmap(file));
    if (state.file !== file) return; // another photo was opened meanwhile
    state.boxes.push(...found.map(clamp));
    state.message = { keys: [found.length === 0 ? 'redact.detectedNone' : found.length === 1 ? 'redact.detected.one' : 'redact.detected'], values: { count: found.length } };
  } catch {
    if (state.file !== file) return;
    state.message = { keys: ['redact.detectFailed'] };
  } finally {
    if (state.file === file) state.detecting = false;
  }
  render();
}

/** Draws the upright photo with solid boxes and returns the new file (no metadata by construction). */
export async function redactToBlob(file: Blob, boxes: readonly Box[]): Promise<Blob> {
  // createImageBitmap applies the EXIF orientation ('from-image' is the default), like the <img>.
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D canvas');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  context.fillStyle = FILL;
  for (const box of boxes) {
    // Round outwards so a box never leaves a partly covered pixel at its edge.
    const left = Math.floor(box.x * canvas.width);
    const top = Math.floor(box.y * canvas.height);
    const right = Math.ceil((box.x + box.w) * canvas.width);
    const bottom = Math.ceil((box.y + box.h) * canvas.height);
    context.fillRect(left, top, right - left, bottom - top);
  }
  const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.92));
  if (blob === null) throw new Error('the browser could not encode the picture');
  return blob;
}

async function save(): Promise<void> {
  const file = state.file;
  if (file === undefined) return;
  if (state.boxes.length === 0) {
    state.message = { keys: ['redact.noBoxes'] };
    render();
    return;
  }
  state.message = { keys: ['redact.saving'] };
  render();
  try {
    let output = await redactToBlob(file, state.boxes);
    // Belt and braces: the same check as cleaning. A canvas writes no metadata, so this is "already clean".
    const check = await scrubInWorker(output, false);
    if (check.output === undefined) throw new Error(check.detail ?? 'check failed');
    output = check.output;
    if (state.resultUrl) URL.revokeObjectURL(state.resultUrl);
    state.resultUrl = URL.createObjectURL(output);
    const stem = file.name.replace(/\.[^.]*$/, '');
    await saveBlob(output, `${stem}-redacted.${output.type === 'image/png' ? 'png' : 'jpg'}`);
    state.message = { keys: ['redact.saved', 'redact.savedVerified'], tone: 'ok' };
  } catch (error) {
    state.message = { tone: 'error', keys: ['common.error'], values: { reason: error instanceof Error ? error.message : String(error) } };
  }
  render();
  announce(messageText(state.message));
}

function messageText(message: Message): string {
  return message.keys.map((key) => t(key, message.values)).join(' ');
}

function boxCount(count: number): string {
  return t(count === 1 ? 'redact.boxes.one' : 'redact.boxes', { count });
}
