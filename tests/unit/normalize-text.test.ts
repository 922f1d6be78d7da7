import {describe, expect, it} from 'vitest';
import {normalizeText} from '../../src/typography/normalize.js';

/** Each pair: copy as users paste it → exactly what must be printed (issue 9, docs/typography.md rules 19–21). */
function table(name: string, cases: Array<[string, string]>): void {
  describe(name, () => {
    for (const [input, output] of cases) {
      it(`should turn ${JSON.stringify(input)} into ${JSON.stringify(output)}`, () => {
        expect(normalizeText(input)).toBe(output);
      });
    }
    it('should be stable: normalizing its own output changes nothing', () => {
      for (const [, output] of cases) expect(normalizeText(output)).toBe(output);
    });
  });
}

table('issue 9 defect 2: no space next to a full-width mark', [
  ['请使用“stable” ，以避免问题', '请使用“stable”，以避免问题'],
  ['访问根URL 。', '访问根URL。'],
  ['他说“好 ”', '他说“好”'],
  ['参数（ 可选 ）必须写', '参数（可选）必须写'],
  ['结束。 下一句', '结束。下一句'],
  ['列表： 第一', '列表：第一'],
  ['他说 “你好” 然后走了', '他说“你好”然后走了'],
  ['这就是 —— 答案', '这就是——答案'],
  ['《 书名 》出版', '《书名》出版'],
  // Double quotes are set full width even in Latin text: no space beside them. A space
  // between Latin words, and beside an apostrophe, stays.
  ['the “stable” release', 'the“stable”release'],
  ['14.4. 我可以把软件封装成 Debian “软件包”吗', '14.4. 我可以把软件封装成Debian“软件包”吗'],
  ['6.5. “测试版”包含什么？', '6.5.“测试版”包含什么？'],
  ['the students’ books 很多', 'the students’ books很多'],
  ['使用 Open Source 软件', '使用Open Source软件'],
]);

table('issue 9 defect 7: marks that belong to Latin stay ASCII', [
  ['以 "." 开头的文件', '以“.”开头的文件'],
  ['输入 ":help netrw" 查看帮助', '输入“:help netrw”查看帮助'],
  ['用逗号 "," 分隔', '用逗号“,”分隔'],
  ['配置在 ~/.ssh/config 里', '配置在 ~/.ssh/config 里'], // autospace gives a path no gap: its typed spaces stay
  ['运行 ./configure 即可', '运行 ./configure 即可'],
  ['阅读 README.Debian 文件', '阅读README.Debian文件'],
  ['版本 2.6.32 的内核', '版本2.6.32的内核'],
  ['每天 9:30 开会', '每天9:30开会'],
  ['比例为 3:2 左右', '比例为3:2左右'],
  ['文件名.txt 不变', '文件名.txt不变'],
  ['调用 printf() 输出', '调用 printf() 输出'],
  ['增长97.5%,达1,200户', '增长97.5%，达1,200户'],
  ['1.2万元', '1.2万元'],
]);

table('issue 9 defect 7: a comma after a Latin or digit run before Chinese is Chinese', [
  ['增长1.5%,完成', '增长1.5%，完成'],
  ['圆周率3.14,A4纸', '圆周率3.14，A4纸'],
  ['iPhone 15 Pro,增长', 'iPhone 15 Pro，增长'],
  ['比分3:2,比例', '比分3:2，比例'],
  ['例如:Debian', '例如：Debian'],
  ['时间:10点', '时间：10点'],
  ['Linux!太好了', 'Linux！太好了'],
  ['内核2.6.32,然后', '内核2.6.32，然后'],
  ['他说, OK', '他说，OK'],
  // After a curly quote, what follows decides.
  ['见“stable”,以免出错', '见“stable”，以免出错'],
  ['题为 "Free Software, "do-ocracy", and democracy" 的演讲', '题为“Free Software,“do-ocracy”, and democracy”的演讲'],
]);

table('issue 9 defect 1: a single ~ between numbers is a range', [
  ['今年气温15~20℃，湿度60~70%', '今年气温15～20℃，湿度60～70%'],
  ['每户 3 ~ 5 人', '每户3～5人'],
  ['增长3%~5%', '增长3%～5%'],
  ['进入 ~/.ssh 目录', '进入 ~/.ssh 目录'],
]);

table('issue 9 defect 8: titles', [
  ['求真务实为民办实事:我市扎实开展“我为群众办实事”实践活动', '求真务实为民办实事：我市扎实开展“我为群众办实事”实践活动'],
  ['85. MC 的用法', '85. MC的用法'],
]);
