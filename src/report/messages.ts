import path from 'node:path';
import {constants} from 'node:os';
import type {VFile} from 'vfile';
import type {VFileMessage} from 'vfile-message';

/** Thrown when user input cannot be built; the files carry the messages to print. */
export class InputError extends Error {
  readonly files: VFile[];

  /** @param files files whose `messages` explain the failure (at least one fatal). */
  constructor(files: VFile[]) {
    super(`${countFatal(files)} 处错误，未生成任何输出`);
    this.name = 'InputError';
    this.files = files;
  }
}

/** Thrown for problems with the machine or the environment (no browser, unwritable folder…). */
export class EnvironmentError extends Error {
  /** @param message what is wrong and what to do, one line. */
  constructor(message: string, options?: {cause?: unknown}) {
    super(message, options);
    this.name = 'EnvironmentError';
  }
}

/** A mistake in the command line itself (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The user cancelled (Ctrl-C, `kill`): nothing was written. */
export class CancelledError extends EnvironmentError {
  /** What the process exits with: 128 + the signal's number, as for a process the signal ended (130 for Ctrl-C). */
  readonly exitCode: number;

  constructor(signal: 'SIGINT' | 'SIGTERM') {
    super('已取消，未写出任何文件');
    this.name = 'CancelledError';
    this.exitCode = 128 + constants.signals[signal];
  }
}

function countFatal(files: VFile[]): number {
  return files.reduce((n, f) => n + f.messages.filter((m) => m.fatal).length, 0);
}

/**
 * Format messages as `file:line:column: severity: reason [rule]`, one per line, the form
 * editors and CI logs link to (GNU style); sorted by file and place.
 */
export function formatMessages(files: VFile[], cwd = process.cwd()): string {
  const lines: string[] = [];
  for (const file of files) {
    const name = file.path ? path.relative(cwd, path.resolve(file.cwd, file.path)) || file.path : '<input>';
    const sorted = [...file.messages].sort(byPlace);
    for (const m of sorted) {
      const line = m.line ?? 1;
      const column = m.column ?? 1;
      const severity = m.fatal ? 'error' : m.fatal === false ? 'warning' : 'info';
      const rule = m.ruleId ? ` [${m.source ?? 'huibian'}:${m.ruleId}]` : '';
      lines.push(`${name}:${line}:${column}: ${severity}: ${m.reason}${rule}`);
    }
  }
  return lines.join('\n');
}

function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** True when any file has a fatal message. */
export function hasFatal(files: VFile[]): boolean {
  return countFatal(files) > 0;
}

/** Record a fatal message on `file` without throwing, so that all problems of a stage are reported together. */
export function error(file: VFile, reason: string, place: {line: number; column: number} | undefined, ruleId: string): void {
  const message = file.message(reason, {place, ruleId, source: 'huibian'});
  message.fatal = true;
}
