/**
 * Stop here if the build has been cancelled (its signal aborted). A Ctrl-C that comes while
 * the process is busy — pdf-lib saving a long book holds it for seconds — is only handled on
 * a later turn of the event loop, after the busy step: one whole turn passes first, so that
 * such a cancel is seen here, not missed. Cheap: call it between the steps of a build, and
 * right before an output replaces the previous one.
 */
export async function stopIfCancelled(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  // The first immediate runs in the turn under way, whose poll for events may have come before the signal.
  await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
  signal.throwIfAborted();
}
