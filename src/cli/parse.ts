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
