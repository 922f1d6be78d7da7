import {toString as textOf} from 'hast-util-to-string';
import {describe, expect, it} from 'vitest';
import {processText} from '../helpers/process.js';

// Numbers of people who do not exist: the ID's check digit is right, the mobile number unassigned-looking.
const ID = '44030419900307123X';
const MOBILE = '13912345678';
const manuscript = [
  '---',
  `title: 走访困难户`,
  `author: 联络员 王某 ${MOBILE}`,
  'tags: [民生]',
  '---',
  '',
  `王某（身份证号 ${ID}）家中三口人，联系电话${MOBILE}。`,
  '',
  `| 户主 | 电话 |`,
  '|---|---|',
  `| 王某 | 139-1234-5678 |`,
  '',
  `![王某家，电话 ${MOBILE}](a.png)`,
  '',
  '```',
  `登记：${ID}`,
  '```',
  '',
  `全年收入 139123456789 元，编号 ${ID}7，比值 0.${MOBILE}。`,
  '',
].join('\n');

describe('remark-personal-data', () => {
  it('should warn in check at each number’s line and column, masked in the message, and nowhere else', async () => {
    const {file} = await processText(manuscript, {lint: true});
    const found = file.messages
      .filter((m) => m.ruleId === 'personal-data')
      .map((m) => [m.line, m.column, m.reason.split('：')[0]])
      .sort(([a, b], [c, d]) => Number(a) - Number(c) || Number(b) - Number(d));
    expect(found).toEqual([
      [3, 16, '疑似手机号（139****5678）'],
      [7, 9, '疑似身份证号（440304********123X）'],
      [7, 38, '疑似手机号（139****5678）'],
      [11, 8, '疑似手机号（139-****-5678）'],
      [13, 10, '疑似手机号（139****5678）'],
      [16, 4, '疑似身份证号（440304********123X）'],
    ]);
    expect(file.data.personalData).toEqual({id: 2, mobile: 4});
  });

  it('should leave the text as written in a build without --mask-personal, and count what is there', async () => {
    const {tree, file} = await processText(manuscript);
    expect(textOf(tree)).toContain(ID);
    expect(file.data.matter?.author).toContain(MOBILE);
    expect(file.messages.filter((m) => m.ruleId === 'personal-data')).toEqual([]);
    expect(file.data.personalData).toEqual({id: 2, mobile: 4});
  });

  it('should mask every number in the text, the table, the alt text, the code and the byline, and nothing else', async () => {
    const {tree, html, file} = await processText(manuscript, {maskPersonal: true});
    const text = textOf(tree);
    // Apart from the numbers that are none of these (below), no number is left whole.
    const others = ['139123456789', `${ID}7`, `0.${MOBILE}`];
    expect(others.reduce((rest, other) => rest.replace(other, ''), html)).not.toMatch(/139\d{4}5678|1234-5678|4403041990/);
    expect(text).toContain('王某（身份证号440304********123X）家中三口人，联系电话139****5678。');
    expect(text).toContain('139-****-5678');
    expect(text).toContain('登记：440304********123X');
    expect(html).toContain('alt="王某家，电话 139****5678"');
    expect(file.data.matter?.author).toBe('联络员 王某139****5678');
    // Numbers that are no ID and no mobile number print as written.
    expect(text).toContain(`139123456789`);
    expect(text).toContain(`${ID}7`);
    expect(text).toContain(`0.${MOBILE}`);
    expect(file.data.personalData).toEqual({id: 2, mobile: 4});
  });

  it('should leave nothing of a tel: link’s number (the address is not kept, its text is masked)', async () => {
    const {html} = await processText(`---\ntitle: 题\n---\n\n请拨打[${MOBILE}](tel:${MOBILE})。\n`, {maskPersonal: true});
    expect(html).toContain('139****5678');
    expect(html).not.toContain(MOBILE);
  });

  it('should leave a number book.yaml lists as public alone, however it is written, and no other', async () => {
    const {html, file} = await processText(manuscript, {maskPersonal: true, publicNumbers: [MOBILE]});
    // The table writes it 139-1234-5678, the byline and the text without separators: all stay.
    expect(html).toContain('<td>139-1234-5678</td>');
    expect(file.data.matter?.author).toContain(MOBILE);
    expect(html).toContain('440304********123X');
    expect(file.data.personalData).toEqual({id: 2, mobile: 0});
    const {file: checked} = await processText(manuscript, {lint: true, publicNumbers: [MOBILE]});
    expect(checked.messages.filter((m) => m.ruleId === 'personal-data').map((m) => m.reason.slice(0, 5))).toEqual(['疑似身份证', '疑似身份证']);
  });
});
