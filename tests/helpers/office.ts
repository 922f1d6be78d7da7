import {execFile} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import JSZip from 'jszip';
import mammoth from 'mammoth';

const run = promisify(execFile);

/**
 * Open a `.docx` in LibreOffice (headless) and print it to PDF, as an office without Word would:
 * the path of the PDF and what LibreOffice said. Each call has a profile of its own, so that
 * two test processes may convert at once.
 */
export async function officePdf(docx: string): Promise<{pdf: string; output: string}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-office-'));
  const profile = pathToFileURL(path.join(dir, 'profile')).href;
  const {stdout, stderr} = await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    timeout: 120_000,
  });
  await rm(path.join(dir, 'profile'), {recursive: true, force: true});
  return {pdf: path.join(dir, `${path.basename(docx, '.docx')}.pdf`), output: stdout + stderr};
}

/** The document read back with mammoth (as huibian's own import reads Word files): its HTML, and what mammoth warned of. */
export async function docxHtml(docx: string): Promise<{html: string; messages: string[]}> {
  const result = await mammoth.convertToHtml({path: docx});
  return {html: result.value, messages: result.messages.map((m) => m.message)};
}

/** One part of the package (`word/document.xml`), as text. */
export async function docxPart(docx: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(docx));
  const file = zip.file(name);
  if (!file) throw new Error(`${docx} has no ${name}`);
  return file.async('string');
}

/** How often `pattern` occurs in `text`. */
export const occurrences = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern.source, 'g')) ?? []).length;
