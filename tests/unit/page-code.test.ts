import vm from 'node:vm';
import {describe, expect, it} from 'vitest';
import {pageScript} from '../../src/render/pdf/page-code.js';
import {CLOSING_MARKS, LINE_END_MARKS, OPENING_MARKS} from '../../src/typography/marks.js';

/** What the page code installs, run as Chromium runs it before a document's own scripts (no document yet). */
function installed(): Record<string, unknown> {
  const window: {huibian?: Record<string, unknown>} = {};
  vm.runInNewContext(pageScript(), {window});
  return window.huibian ?? {};
}

describe('the page code', () => {
  it('should link its modules into one script that installs every function the program calls in the page', () => {
    const code = installed();
    for (const name of ['loadFonts', 'textArea', 'fitWideTables', 'setLines', 'paginate', 'fillToc', 'pageSides', 'splitTallTables', 'outlineHeadings']) {
      expect(typeof code[name], name).toBe('function');
    }
    for (const name of ['placeNotes', 'bodyText', 'sectionTexts', 'fitSpine', 'layOutPreview']) expect(typeof code[name], name).toBe('function');
  });

  it('should run each module in strict mode, with no import or export left', () => {
    const script = pageScript();
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
    expect(script.match(/'use strict'/g)).toHaveLength(1);
    expect(script.startsWith("(() => {\n'use strict';")).toBe(true);
  });

  it('should take the mark sets from typography/marks.ts, declared there alone', () => {
    const script = pageScript();
    // Once each as a string in the code (comments may quote them).
    for (const marks of [CLOSING_MARKS, OPENING_MARKS, LINE_END_MARKS]) expect(script.split(`'${marks}'`), marks).toHaveLength(2);
    expect(script).toContain('modules["typography/marks.js"]');
  });
});
