/** A one-line progress bar on stderr, only when stderr is a terminal. */
export class ProgressBar {
  private readonly enabled: boolean;
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly label: string,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.stream = stream;
    this.enabled = stream.isTTY === true && total > 1;
  }

  private readonly stream: NodeJS.WriteStream;

  update(done: number, current = ''): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < this.total && now - this.lastDraw < 80) return;
    this.lastDraw = now;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const name = current.length > 40 ? `…${current.slice(-39)}` : current;
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total} ${name}`.padEnd(100) + '\r');
  }

  finish(): void {
    if (this.enabled) this.stream.write(`\r${' '.repeat(100)}\r`);
  }
}
