/** Where the text area of left and right pages begins (CSS px from the page's left edge), how wide it is (on left pages), and whether it is as wide on right ones. */
export interface PageSides {
  left: number;
  right: number;
  width: number;
  sameWidth: boolean;
}

/** Measure {@link PageSides} in a Paged.js layout with a probe page of each side, classed like the first page (its named page too). */
export function pageSides(): PageSides {
  const first = document.querySelector<HTMLElement>('.pagedjs_page')!;
  const measure = (side: 'left' | 'right') => {
    const probe = document.createElement('div');
    probe.className = `${first.className.replace(/pagedjs_(left|right)_page/g, '')} pagedjs_${side}_page`;
    probe.style.position = 'absolute';
    const margin = (edge: string) => {
      const ruler = document.createElement('div');
      ruler.style.width = `var(--pagedjs-margin-${edge})`;
      probe.append(ruler);
      return ruler.getBoundingClientRect().width;
    };
    first.parentElement!.append(probe);
    const measured = {start: margin('left'), end: margin('right')};
    probe.remove();
    return measured;
  };
  const left = measure('left');
  const right = measure('right');
  const width = first.getBoundingClientRect().width - left.start - left.end;
  return {left: left.start, right: right.start, width, sameWidth: Math.abs(left.start + left.end - right.start - right.end) < 0.5};
}
