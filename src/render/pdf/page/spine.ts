/** Where the spine's text went: printed, none (a narrow spine), or left off (the title would not fit). */
export type SpineFit = 'printed' | 'none' | 'too-long';

/**
 * Shrink the cover's spine type until its title and author fit its length (a long title;
 * Latin letters stand upright), not below `minScale`; if it still does not fit, the spine goes
 * without text. Returns what became of the spine and the text the sheet prints.
 */
export function fitSpine(minScale: number): {spine: SpineFit; text: string} {
  const spine = document.querySelector<HTMLElement>('.spread-spine');
  let fit: SpineFit = spine && spine.childElementCount > 0 ? 'printed' : 'none';
  if (spine && fit === 'printed') {
    let scale = 1;
    while (spine.scrollHeight > spine.clientHeight + 1 && fit === 'printed') {
      scale *= 0.9;
      if (scale < minScale) {
        spine.replaceChildren();
        fit = 'too-long';
      } else spine.style.setProperty('--spine-scale', String(scale));
    }
  }
  return {spine: fit, text: document.body.textContent ?? ''};
}
