/**
 * A streaming JSON splitter: it reads JSON text in chunks and hands over, one at a time, the values
 * at the paths asked for (each element of `locations`, each of `semanticSegments`, or a whole
 * `personal_information` object), parsing each with the engine's native `JSON.parse`. Everything
 * else is skipped without being kept. Memory is bounded by the largest single item
 * (MAX_JSON_ITEM_BYTES), never by the file: a 5 GB Records.json costs what one location costs.
 *
 * Why not a token-level streaming parser (@streamparser/json, clarinet, stream-json)? Those build
 * every value token by token in JavaScript, measured here several times slower than cutting the
 * item's text out and letting the native parser build it (see bench/import.mjs and
 * docs/importers.md). This scanner only tracks structure (brackets outside strings, keys on the
 * way to a wanted path); it is ~250 lines, dependency-free and runs the same in the browser.
 *
 * Path syntax: object keys joined by '.', array elements as '*'. `locations.*` is each element of
 * the top-level `locations` array; `*` each element of a top-level array; `chats.list.*` each chat.
 */
import { FormatError } from '../issues.js';
import { MAX_JSON_ITEM_BYTES } from '../bytes/limits.js';

export type JsonValueHandler = (path: string, value: unknown, index: number) => void;

interface Frame {
  readonly array: boolean;
  readonly path: string;
  key: string;
  /** object: 'key' | 'colon' | 'value' | 'comma'; array: 'first' | 'value' | 'comma'. */
  expect: 'key' | 'colon' | 'value' | 'comma' | 'first';
}

const enum Mode { Nav, Value, Key, Done }

const QUOTE = 34, BACKSLASH = 92, OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93, COMMA = 44, COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export interface JsonSplitterOptions {
  readonly paths: readonly string[];
  readonly maxItemChars?: number;
  /** Called for an item that could not be parsed or was too large; the splitter goes on. */
  readonly onItemError?: (path: string, index: number, reason: string) => void;
}

export class JsonSplitter {
  private readonly wanted: Set<string>;
  private readonly prefixes = new Set<string>();
  private readonly maxItemChars: number;
  private readonly onValue: JsonValueHandler;
  private readonly onItemError: ((path: string, index: number, reason: string) => void) | undefined;
  private readonly frames: Frame[] = [];
  private readonly counters = new Map<string, number>();
  private mode: Mode = Mode.Nav;
  private offset = 0;
  // Value capture/skip state.
  private emit = false;
  private valuePath = '';
  private depth = 0;
  private inString = false;
  private escape = false;
  private scalar = false;
  private parts: string[] = [];
  private captured = 0;
  private tooLarge = false;
  // Key state.
  private keyParts: string[] = [];
  private keyEscaped = false;
  private keyEscape = false;

  constructor(options: JsonSplitterOptions, onValue: JsonValueHandler) {
    this.wanted = new Set(options.paths);
    for (const path of options.paths) {
      const parts = path === '' ? [] : path.split('.');
      for (let n = 0; n < parts.length; n++) this.prefixes.add(parts.slice(0, n).join('.'));
    }
    this.maxItemChars = options.maxItemChars ?? MAX_JSON_ITEM_BYTES;
    this.onValue = onValue;
    this.onItemError = options.onItemError;
  }

  /** Characters consumed so far (for error offsets). */
  get position(): number {
    return this.offset;
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.mode === Mode.Value) {
        i = this.scanValue(text, i);
        continue;
      }
      if (this.mode === Mode.Key) {
        i = this.scanKey(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (this.mode === Mode.Done) this.fail(i, 'content after the end of the JSON value');
      const frame = this.frames[this.frames.length - 1];
      if (frame === undefined) {
        i = this.beginValue('', i, c);
        continue;
      }
      if (frame.array) {
        if (frame.expect === 'comma') {
          if (c === COMMA) frame.expect = 'value';
          else if (c === CLOSE_BRACKET) this.pop();
          else this.fail(i, "expected ',' or ']'");
          i++;
        } else if (c === CLOSE_BRACKET && frame.expect === 'first') {
          this.pop();
          i++;
        } else {
          frame.expect = 'comma';
          i = this.beginValue(join(frame.path, '*'), i, c);
        }
        continue;
      }
      switch (frame.expect) {
        case 'key':
        case 'first':
          if (c === QUOTE) {
            this.mode = Mode.Key;
            this.keyParts = [];
            this.keyEscaped = false;
            this.keyEscape = false;
          } else if (c === CLOSE_BRACE && frame.expect === 'first') this.pop();
          else this.fail(i, 'expected a key');
          i++;
          break;
        case 'colon':
          if (c !== COLON) this.fail(i, "expected ':'");
          frame.expect = 'value';
          i++;
          break;
        case 'value':
          frame.expect = 'comma';
          i = this.beginValue(join(frame.path, frame.key), i, c);
          break;
        case 'comma':
          if (c === COMMA) frame.expect = 'key';
          else if (c === CLOSE_BRACE) this.pop();
          else this.fail(i, "expected ',' or '}'");
          i++;
          break;
      }
    }
    this.offset += n;
  }

  /** Call after the last chunk: throws when the JSON ended early (items already emitted stay emitted). */
  end(): void {
    if (this.mode === Mode.Value && this.scalar) this.finishValue('', 0, 0);
    if (this.mode !== Mode.Done || this.frames.length > 0) {
      throw new FormatError({ code: 'truncated', offset: this.offset, detail: 'the JSON ends before its last value closes (truncated file?)' });
    }
  }

  private fail(i: number, detail: string): never {
    throw new FormatError({ code: 'invalid', offset: this.offset + i, detail: `JSON: ${detail}` });
  }

  private pop(): void {
    this.frames.pop();
    if (this.frames.length === 0) this.mode = Mode.Done;
  }

  /** Starts the value whose first character `c` is at `i`; returns where to continue. */
  private beginValue(path: string, i: number, c: number): number {
    if (!this.wanted.has(path) && this.prefixes.has(path) && (c === OPEN_BRACE || c === OPEN_BRACKET)) {
      this.frames.push({ array: c === OPEN_BRACKET, path, key: '', expect: 'first' });
      this.mode = Mode.Nav;
      return i + 1;
    }
    this.mode = Mode.Value;
    this.emit = this.wanted.has(path);
    this.valuePath = path;
    this.depth = 0;
    this.inString = false;
    this.escape = false;
    this.scalar = c !== OPEN_BRACE && c !== OPEN_BRACKET && c !== QUOTE;
    this.parts = [];
    this.captured = 0;
    this.tooLarge = false;
    return i;
  }

  /** Scans a value from `i`; returns where to continue. */
  private scanValue(text: string, i: number): number {
    const n = text.length;
    const start = i;
    if (this.scalar) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) return this.finishValue(text, start, i);
        i++;
      }
      this.keep(text, start, n);
      return n;
    }
    let depth = this.depth;
    let inString = this.inString;
    let escape = this.escape;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === BACKSLASH) escape = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) return this.finishValue(text, start, i + 1);
        }
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return this.finishValue(text, start, i + 1);
        if (depth < 0) this.fail(i, 'unbalanced brackets');
      }
      i++;
    }
    this.depth = depth;
    this.inString = inString;
    this.escape = escape;
    this.keep(text, start, n);
    return n;
  }

  private keep(text: string, start: number, end: number): void {
    if (!this.emit || this.tooLarge) return;
    this.captured += end - start;
    if (this.captured > this.maxItemChars) {
      this.tooLarge = true;
      this.parts = [];
      return;
    }
    this.parts.push(text.slice(start, end));
  }

  private finishValue(text: string, start: number, end: number): number {
    const path = this.valuePath;
    this.mode = this.frames.length === 0 ? Mode.Done : Mode.Nav;
    if (this.emit) {
      const index = this.counters.get(path) ?? 0;
      this.counters.set(path, index + 1);
      if (this.tooLarge || this.captured + (end - start) > this.maxItemChars) {
        this.onItemError?.(path, index, `item larger than MAX_JSON_ITEM_BYTES (${this.maxItemChars} characters); skipped`);
      } else {
        const piece = text === '' ? '' : text.slice(start, end);
        const itemText = this.parts.length > 0 ? this.parts.join('') + piece : piece;
        this.parts = [];
        let value: unknown;
        let ok = true;
        try {
          value = JSON.parse(itemText);
        } catch (error) {
          ok = false;
          this.onItemError?.(path, index, `not valid JSON (${(error as Error).message})`);
        }
        if (ok) this.onValue(path, value, index);
      }
    }
    this.parts = [];
    this.captured = 0;
    return end;
  }

  private scanKey(text: string, i: number): number {
    const n = text.length;
    const start = i;
    let escape = this.keyEscape;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (escape) escape = false;
      else if (c === BACKSLASH) {
        escape = true;
        this.keyEscaped = true;
      } else if (c === QUOTE) {
        this.keyParts.push(text.slice(start, i));
        const raw = this.keyParts.join('');
        const frame = this.frames[this.frames.length - 1]!;
        frame.key = this.keyEscaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        frame.expect = 'colon';
        this.mode = Mode.Nav;
        this.keyEscape = false;
        return i + 1;
      }
      i++;
    }
    this.keyEscape = escape;
    this.keyParts.push(text.slice(start, n));
    return n;
  }
}
