import {readFile} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {stopIfCancelled} from '../../src/report/cancel.js';

/** Hold the process as a long synchronous step does (pdf-lib saving a book). */
function busy(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

describe('stopIfCancelled', () => {
  it('should go on when the build was not cancelled, and stop with the reason when it was', async () => {
    const controller = new AbortController();
    await expect(stopIfCancelled(controller.signal)).resolves.toBeUndefined();
    await expect(stopIfCancelled(undefined)).resolves.toBeUndefined();
    controller.abort(new Error('已取消'));
    await expect(stopIfCancelled(controller.signal)).rejects.toThrow('已取消');
  });

  it('should see a signal that came while the process was busy, right after the busy step', async () => {
    const controller = new AbortController();
    const cancel = () => controller.abort(new Error('已取消'));
    process.once('SIGUSR2', cancel);
    try {
      // In an I/O callback, as after an `await` on a file: the turn's poll for events is past.
      await readFile(import.meta.filename);
      process.kill(process.pid, 'SIGUSR2');
      busy(50);
      // The signal is only handled on a later turn: a bare check would miss it.
      expect(controller.signal.aborted).toBe(false);
      await expect(stopIfCancelled(controller.signal)).rejects.toThrow('已取消');
    } finally {
      process.off('SIGUSR2', cancel);
    }
  });
});
