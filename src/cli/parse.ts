import {type ParseArgsConfig, parseArgs} from 'node:util';
import {UsageError} from '../report/messages.js';

/** A command's arguments as `parseArgs` reads them; an unknown or malformed option is a {@link UsageError}. */
export function parseCommandLine<const T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs<{args: string[]; allowPositionals: true; options: T}>({args, allowPositionals: true, options});
  } catch (cause) {
    throw new UsageError(`命令行有误：${(cause as Error).message}`);
  }
}

/** `value` if it is one of `allowed`; a {@link UsageError} naming `what` and saying what is (`say`) otherwise. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], what: string, say: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`未知的${what} \`${value}\`：可用 ${say}`);
  return value as T;
}
