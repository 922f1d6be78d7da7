import type {BuildProgress, StepName} from '../core/options.js';

/** The words the user sees for each step of a build. */
const STEP_LABELS: Record<StepName, string> = {
  parse: '解析稿件',
  compile: '编排全书',
  paginate: '分页排版',
  print: '生成 PDF',
  write: '写出文件',
};

/**
 * Progress on stderr: on a terminal one line that updates in place, elsewhere (CI, logs)
 * plain lines, one per finished step and one every 50 pages. Each step says how long it took.
 */
export class Progress implements BuildProgress {
  private current?: {name: StepName; started: number; detail: string};
  private readonly timings: Array<[StepName, number]> = [];
  private lastPlainPages = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly interactive = Boolean(stream.isTTY) && !process.env.CI,
  ) {}

  /** Begin a step, ending the one before. */
  step(name: StepName): void {
    this.end();
    this.current = {name, started: performance.now(), detail: ''};
    this.lastPlainPages = 0;
    this.draw();
  }

  /** Say how far the current step is (e.g. “128 页”). */
  detail(text: string, pages?: number): void {
    if (!this.current) return;
    this.current.detail = text;
    if (this.interactive) this.draw();
    else if (pages !== undefined && pages - this.lastPlainPages >= 50) {
      this.lastPlainPages = pages;
      this.stream.write(`  ${STEP_LABELS[this.current.name]}：${text}\n`);
    }
  }

  /** End the current step and print its time. */
  end(): void {
    const step = this.current;
    if (!step) return;
    const seconds = (performance.now() - step.started) / 1000;
    this.timings.push([step.name, seconds]);
    const detail = step.detail ? `（${step.detail}）` : '';
    this.stream.write(`${this.interactive ? '\r\x1b[K' : ''}✔ ${STEP_LABELS[step.name]} ${seconds.toFixed(1)} 秒${detail}\n`);
    this.current = undefined;
  }

  /**
   * The layout failed (a crash, a timeout) and starts again in a fresh browser: one line
   * saying so, and the current step ends without a tick, its time still counted.
   */
  retry(reason: string): void {
    const step = this.current;
    if (step) this.timings.push([step.name, (performance.now() - step.started) / 1000]);
    this.current = undefined;
    this.stream.write(`${this.interactive ? '\r\x1b[K' : ''}↻ ${reason}：用新的浏览器从头重排一次\n`);
  }

  /** Abandon the current step without a tick (the build failed). */
  fail(): void {
    if (this.current && this.interactive) this.stream.write('\r\x1b[K');
    this.current = undefined;
  }

  /** Seconds per finished step. */
  get steps(): ReadonlyArray<[StepName, number]> {
    return this.timings;
  }

  private draw(): void {
    if (!this.current) return;
    const line = `… ${STEP_LABELS[this.current.name]}${this.current.detail ? `：${this.current.detail}` : ''}`;
    this.stream.write(this.interactive ? `\r\x1b[K${line}` : `${line}\n`);
  }
}
