import {describe, expect, it} from 'vitest';
import {findPersonalData, isResidentId, maskPersonalData, personalDataSummary} from '../../src/typography/personal-data.js';

const kinds = (text: string) => findPersonalData(text, new Date('2026-12-01')).map((m) => [m.kind, text.slice(m.start, m.end), m.masked]);

describe('resident ID numbers (GB 11643)', () => {
  it('should take an ID whose check digit, date and province agree', () => {
    // The standard's own example, and numbers whose check digit was worked out by hand.
    for (const id of ['11010519491231002X', '44030419900307123X', '510107200002294564', '630121198511110078']) expect(isResidentId(id)).toBe(true);
    expect(isResidentId('11010519491231002x')).toBe(true);
  });

  it('should refuse a wrong check digit, a date that never was or is still to come or too long ago, an unknown province', () => {
    // Each but the first has the check digit its digits ask for.
    expect(isResidentId('110105194912310021')).toBe(false);
    // 2001 was no leap year: 29 February is no birthday (the check digit is right for the digits).
    expect(isResidentId('510107200102294561')).toBe(false);
    expect(isResidentId('110105203012310026', new Date('2026-12-01'))).toBe(false);
    expect(isResidentId('990105194912310023')).toBe(false);
    expect(isResidentId('110105184912310020')).toBe(false);
  });

  it('should find an ID in running text, full-width digits too, and mask its birth date', () => {
    expect(kinds('村民张某（身份证号11010519491231002X）领取了补贴。')).toEqual([['id', '11010519491231002X', '110105********002X']]);
    const wide = '４４０３０４１９９００３０７１２３Ｘ';
    expect(findPersonalData(`号码${wide.slice(0, 17)}X。`, new Date('2026-12-01'))).toHaveLength(1);
  });

  it('should leave a number alone that is part of a longer one or of a code', () => {
    expect(kinds('订单号 911010519491231002X7 已付款')).toEqual([]);
    expect(kinds('编号 A11010519491231002X')).toEqual([]);
    expect(kinds('版本 3.11010519491231002X')).toEqual([]);
  });
});

describe('mobile numbers', () => {
  it('should find eleven digits beginning 13–19, and the 3-4-4 forms, keeping separators when masked', () => {
    expect(kinds('联系电话：13812345678。')).toEqual([['mobile', '13812345678', '138****5678']]);
    expect(kinds('请拨 138-1234-5678 或 159 8765 4321')).toEqual([
      ['mobile', '138-1234-5678', '138-****-5678'],
      ['mobile', '159 8765 4321', '159 **** 4321'],
    ]);
    expect(kinds('电话86-13812345678')).toEqual([['mobile', '13812345678', '138****5678']]);
    expect(kinds('两个号码13812345678,13987654321都能打通')).toHaveLength(2);
  });

  it('should leave numbers alone that are no mobile number', () => {
    expect(kinds('12812345678')).toEqual([]);
    expect(kinds('全年收入138123456789元')).toEqual([]);
    expect(kinds('138-1234 5678')).toEqual([]);
    expect(kinds('比值 0.13812345678')).toEqual([]);
    expect(kinds('ISBN 9787138123456')).toEqual([]);
    expect(kinds('邮编 310012，座机 0571-87654321')).toEqual([]);
  });

  it('should mask every number of a text and leave the rest character for character', () => {
    const text = '张某，电话13812345678，身份证11010519491231002X。';
    expect(maskPersonalData(text, findPersonalData(text))).toBe('张某，电话138****5678，身份证110105********002X。');
  });
});

describe('the build’s line about them', () => {
  it('should say nothing when there is nothing, and say what was found or masked', () => {
    expect(personalDataSummary([{id: 0, mobile: 0}, undefined], true)).toBeUndefined();
    expect(personalDataSummary([{id: 1, mobile: 1}, undefined, {id: 0, mobile: 1}], true)).toBe('已遮盖个人信息 3 处（身份证号 1、手机号 2）');
    expect(personalDataSummary([{id: 0, mobile: 2}], false)).toMatch(/^稿件中有疑似个人信息 2 处（手机号 2）：.*--mask-personal/);
  });
});
