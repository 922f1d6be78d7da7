import {execFile} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {EnvironmentError} from '../report/messages.js';

const run = promisify(execFile);

/** Ghostscript's own ICC profiles (Debian: /usr/share/ghostscript/<version>/iccprofiles). */
function iccProfile(colour: 'gray' | 'cmyk'): string | undefined {
  const root = '/usr/share/ghostscript';
  if (!existsSync(root)) return undefined;
  for (const version of readdirSync(root).sort().reverse()) {
    const candidate = path.join(root, version, 'iccprofiles', `default_${colour}.icc`);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** PostScript prefix declaring PDF/X-1a and its output intent (the profile Ghostscript ships). */
function pdfxPrefix(icc: string, colour: 'gray' | 'cmyk'): string {
  const components = colour === 'gray' ? 1 : 4;
  const condition = colour === 'gray' ? 'Gray' : 'CMYK';
  return `%!
[ /GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001) /Trapped /False /DOCINFO pdfmark
/ICCProfile (${icc.replace(/[()\\]/g, '\\$&')}) def
[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[{icc_PDFX} << /N ${components} >> /PUT pdfmark
[{icc_PDFX} ICCProfile (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[{OutputIntent_PDFX} << /Type /OutputIntent /S /GTS_PDFX /OutputCondition (${condition}) /Info (${condition}) /OutputConditionIdentifier (Custom) /RegistryName (http://www.color.org) /DestOutputProfile {icc_PDFX} >> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`;
}

/**
 * Convert a press PDF to PDF/X-1a with Ghostscript: gray (black text as K only, for one-colour
 * booklets) or CMYK, no transparency, no annotations, page boxes kept, text kept as text.
 * Ghostscript 10.0's new PDF reader loses the text map of some glyphs, so its classic reader
 * is asked for where it still exists. `signal` cancels it (Ghostscript is ended).
 */
export async function toPdfx(pdf: Uint8Array, colour: 'gray' | 'cmyk', signal?: AbortSignal): Promise<Uint8Array> {
  try {
    await run('gs', ['--version']);
  } catch {
    throw new EnvironmentError('生成 PDF/X 需要 Ghostscript：Debian/Ubuntu 上运行 `apt-get install -y ghostscript`');
  }
  const icc = iccProfile(colour);
  if (!icc) throw new EnvironmentError(`找不到 Ghostscript 自带的 ${colour} ICC 色彩描述文件：请重新安装 ghostscript`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'huibian-pdfx-'));
  try {
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    const prefix = path.join(dir, 'pdfx.ps');
    await writeFile(input, pdf);
    await writeFile(prefix, pdfxPrefix(icc, colour));
    const args = (classic: boolean) => [
      '-q',
      '-dPDFX',
      '-dBATCH',
      '-dNOPAUSE',
      '-dSAFER',
      `--permit-file-read=${icc}`,
      '-sDEVICE=pdfwrite',
      '-dPDFSETTINGS=/prepress',
      '-dCompatibilityLevel=1.3',
      '-dShowAnnots=false',
      ...(classic ? ['-dNEWPDF=false'] : []),
      `-sColorConversionStrategy=${colour === 'gray' ? 'Gray' : 'CMYK'}`,
      `-sProcessColorModel=${colour === 'gray' ? 'DeviceGray' : 'DeviceCMYK'}`,
      `-sOutputFile=${output}`,
      prefix,
      input,
    ];
    // A cancel ends Ghostscript at once.
    const options = {timeout: 600_000, maxBuffer: 16 << 20, ...(signal ? {signal} : {})};
    try {
      await run('gs', args(true), options);
    } catch {
      signal?.throwIfAborted();
      // Newer Ghostscript has no classic reader: use the one it has.
      await run('gs', args(false), options);
    }
    return new Uint8Array(await readFile(output));
  } catch (cause) {
    if (cause instanceof EnvironmentError || signal?.aborted) throw cause;
    const detail = (cause as {stderr?: string}).stderr?.trim().split('\n').slice(-2).join(' ') ?? String(cause);
    throw new EnvironmentError(`Ghostscript 转换 PDF/X 失败：${detail}`, {cause});
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}
