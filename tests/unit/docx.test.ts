import {describe, expect, it} from 'vitest';
import {mirrorMargins, rightBinding} from '../../src/render/docx/package.js';
import {fit} from '../../src/render/docx/pictures.js';
import {wordFont, wordLanguage} from '../../src/render/docx/word-fonts.js';
import {bookmark} from '../../src/render/docx/write-docx.js';

describe('the Word package touches', () => {
  it('should put w:mirrorMargins where WordprocessingML orders it, once', () => {
    const settings = '<w:settings xmlns:w="x"><w:displayBackgroundShape/><w:evenAndOddHeaders/><w:compat/></w:settings>';
    const mirrored = mirrorMargins(settings);
    expect(mirrored).toBe('<w:settings xmlns:w="x"><w:displayBackgroundShape/><w:mirrorMargins/><w:evenAndOddHeaders/><w:compat/></w:settings>');
    expect(mirrorMargins(mirrored)).toBe(mirrored);
    // With none of the settings that go before it: first.
    expect(mirrorMargins('<w:settings a="1"><w:compat/></w:settings>')).toBe('<w:settings a="1"><w:mirrorMargins/><w:compat/></w:settings>');
    expect(mirrorMargins('<w:settings><w:zoom w:percent="100"></w:zoom><w:compat/></w:settings>')).toBe(
      '<w:settings><w:zoom w:percent="100"></w:zoom><w:mirrorMargins/><w:compat/></w:settings>',
    );
  });

  it('should bind every vertical section on the right, after its text direction', () => {
    const doc = '<w:sectPr><w:titlePg/><w:textDirection w:val="tbRl"/><w:docGrid/></w:sectPr><w:sectPr><w:textDirection w:val="tbRl"/></w:sectPr>';
    expect(rightBinding(doc)).toBe(
      '<w:sectPr><w:titlePg/><w:textDirection w:val="tbRl"/><w:rtlGutter/><w:docGrid/></w:sectPr><w:sectPr><w:textDirection w:val="tbRl"/><w:rtlGutter/></w:sectPr>',
    );
  });
});

describe('Word names', () => {
  it('should name bookmarks as Word allows: a letter first, letters, digits and _, at most 40', () => {
    expect(bookmark('a12')).toBe('h_a12');
    expect(bookmark('ix-3')).toBe('h_ix_3');
    const long = bookmark(`a1-${'长'.repeat(60)}`);
    expect(long).toMatch(/^[A-Za-z]\w{0,39}$/);
    expect(bookmark(`a1-${'长'.repeat(61)}`)).not.toBe(long);
  });

  it('should tag the East Asian language by region, and name the faces of the script', () => {
    expect(wordLanguage({language: 'zh-Hans'})).toBe('zh-CN');
    expect(wordLanguage({language: 'zh-Hant'})).toBe('zh-TW');
    expect(wordLanguage({language: 'zh-TW'})).toBe('zh-TW');
    expect(wordLanguage({language: 'zh-HK'})).toBe('zh-HK');
    expect(wordLanguage({language: 'zh-Hans-SG'})).toBe('zh-SG');
    expect(wordFont({language: 'zh-Hans'}, 'song')).toEqual({ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman'});
    expect(wordFont({language: 'zh-Hant'}, 'kai').eastAsia).toBe('標楷體');
  });
});

describe('picture sizes', () => {
  it('should keep a picture at its size, shrink it to fit the box, never grow it', () => {
    const box = {width: 400, height: 300};
    expect(fit({width: 200, height: 100}, box)).toEqual({width: 200, height: 100});
    expect(fit({width: 800, height: 500}, box)).toEqual({width: 400, height: 250});
    expect(fit({width: 300, height: 900}, box)).toEqual({width: 100, height: 300});
  });
});
