import {describe, expect, it} from 'vitest';
import {decodeText} from '../../src/import/decode-text.js';
import {reportLine} from '../../src/cli/import-command.js';
import {type ArticleDraft, draftToMarkdown} from '../../src/import/draft.js';
import {htmlArticle} from '../../src/import/html-article.js';
import {bylineOf} from '../../src/import/metadata-lines.js';
import {textArticle} from '../../src/import/text-article.js';
import {NEWS_TEXT, wechatPage} from '../helpers/import-sources.js';

const SAMPLE = '青溪镇的春天来了，村民们忙着春耕。\n第二段：茶园里一片新绿。';

describe('decoding text files', () => {
  it('should read UTF-8, with and without a BOM, and UTF-16 either way round, with or without a BOM', () => {
    const utf8 = Buffer.from(SAMPLE, 'utf8');
    expect(decodeText(utf8)).toEqual({text: SAMPLE, encoding: 'UTF-8'});
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({text: SAMPLE, encoding: 'UTF-8 (BOM)'});
    const le = Buffer.from(SAMPLE, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({text: SAMPLE, encoding: 'UTF-16LE'});
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({text: SAMPLE, encoding: 'UTF-16BE'});
    expect(decodeText(le)).toEqual({text: SAMPLE, encoding: 'UTF-16LE'});
    expect(decodeText(be)).toEqual({text: SAMPLE, encoding: 'UTF-16BE'});
  });

  it('should tell GBK (read as GB18030) from Big5 by how common the characters come out', () => {
    // 青溪镇的春天下 in GBK, and 青溪鎮的春天來了 in Big5 (bytes from iconv).
    expect(decodeText(Buffer.from('c7e0cfaad5f2b5c4b4bacceccfc2', 'hex'))).toEqual({text: '青溪镇的春天下', encoding: 'GB18030'});
    expect(decodeText(Buffer.from('ab43b7cbc2edaabaac4ba4d1a8d3a446', 'hex'))).toEqual({text: '青溪鎮的春天來了', encoding: 'Big5'});
  });
});

describe('reading an article out of plain text', () => {
  it('should find the title, byline and source, drop the breadcrumb, and keep every paragraph', () => {
    const draft = textArticle(NEWS_TEXT, 'fallback');
    expect(draft.title).toBe('青溪镇举办首届农民丰收节,千余群众共享丰收喜悦');
    expect(draft.author).toBe('王晓燕、李建国');
    expect(draft.source).toBe('青溪发布');
    expect(draft.dropped).toEqual([
      {text: '青溪镇人民政府 首页 > 工作动态'},
      {text: '青溪镇融媒体中心记者 王晓燕 通讯员 李建国', as: 'matter'},
      {text: '来源:青溪发布', as: 'matter'},
    ]);
    expect(draft.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(draft.blocks[2]).toEqual({kind: 'heading', text: '晒出好收成', subheading: '擦亮金招牌'});
  });

  it('should read bylines as offices write them, and nothing else', () => {
    expect(bylineOf('记者 段华良')).toBe('段华良');
    expect(bylineOf('文/张三 图/李四')).toBe('张三、李四');
    expect(bylineOf('作者：王芳')).toBe('王芳');
    expect(bylineOf('本报记者 陈明 2025年3月1日')).toBe('陈明');
    expect(bylineOf('记者来到了村里')).toBeUndefined();
    expect(bylineOf('段华良')).toBeUndefined();
  });

  it('should write a manuscript with front matter and normalized copy, escaping what Markdown would read', () => {
    const markdown = draftToMarkdown({
      title: '标题,有逗号',
      author: '王芳',
      blocks: [
        {kind: 'paragraph', text: '1. 不是列表,而是正文'},
        {kind: 'heading', text: '学深悟透', subheading: '把稳思想之舵'},
        {kind: 'paragraph', text: '说明:见*附件*[1]'},
      ],
      dropped: [],
    });
    expect(markdown).toBe(
      '---\ntitle: 标题，有逗号\nauthor: 王芳\n---\n\n1\\. 不是列表，而是正文\n\n## 学深悟透\n\n::subheading[把稳思想之舵]\n\n说明：见\\*附件\\*\\[1\\]\n',
    );
  });
});

describe('reading an article out of a web page', () => {
  it("should take a saved WeChat article's body, title, author, account and date, and leave its buttons", () => {
    const draft = htmlArticle(wechatPage('pic_files/tea.png'), 'fallback');
    expect(draft).toMatchObject({title: '茶园里的新农人', author: '刘春梅', source: '青溪发布', date: '2025-08-01'});
    expect(draft.blocks).toEqual([
      {kind: 'paragraph', text: '清晨六点，返乡青年赵小川已经在自家茶园里忙开了。'},
      {kind: 'image', src: 'pic_files/tea.png', caption: '赵小川在茶园查看新芽长势。'},
      {kind: 'heading', text: '从“挑着卖”到“点着卖”'},
      {kind: 'paragraph', text: '去年，他开起网店，一年卖出茶叶两千多斤。'},
      {kind: 'paragraph', text: '今年又带动了十几户乡亲。'},
      {kind: 'image', src: 'http://127.0.0.1:9/remote.jpg', caption: '网上的图片一张。'},
      {kind: 'item', ordered: false, text: '春茶：明前采摘'},
      {kind: 'item', ordered: false, text: '夏茶：制作红茶'},
      {kind: 'markdown', text: '| 年份 | 销量 |\n| --- | --- |\n| 2024 | 2000斤 |'},
    ]);
    // The buttons and QR code stand outside #js_content: never read.
    expect(draft.dropped).toEqual([]);
  });

  it('should find the article on a page without WeChat ids by where the prose is, and its byline and source inside it', () => {
    const page = `<html><head><meta charset="utf-8"><title>村里修路 - 青溪镇政府网</title></head><body>
      <div class="nav"><a>首页</a><a>工作动态</a></div>
      <div class="main"><h1>村里修路</h1><p>记者 周明</p><p>${'新路修到了家门口，村民出行方便多了。'.repeat(4)}</p>
      <p>${'施工队冒着高温连续作业，提前完工。'.repeat(4)}</p><p>来源：青溪镇政府网</p></div>
      <div class="footer">版权所有 青溪镇人民政府</div></body></html>`;
    const draft = htmlArticle(page, 'fallback');
    expect(draft).toMatchObject({title: '村里修路', author: '周明', source: '青溪镇政府网'});
    expect(draft.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('date lines under the title', () => {
  const lines: Array<[string, Partial<ArticleDraft>]> = [
    ['出版日期：2024-01-31', {date: '2024-01-31'}],
    ['发布时间：2024年1月31日 10:20', {date: '2024-01-31'}],
    ['日期: 2024/1/31', {date: '2024-01-31'}],
    ['时间：2024.01.31', {date: '2024-01-31'}],
    ['来源：新华社　发布时间：2024-01-31', {date: '2024-01-31', source: '新华社'}],
    ['作者：王芳　发布时间：2024-01-31 08:00　浏览次数：35', {date: '2024-01-31', author: '王芳'}],
  ];

  it('should read a label and a date under a text file’s title as the date: neither a subtitle nor a heading', () => {
    for (const [line, matter] of lines) {
      const draft = textArticle(`村里修通了新路\n\n${line}\n\n新路修到了家门口。\n\n村民出行方便多了。`, 'fallback');
      expect(draft, line).toMatchObject({title: '村里修通了新路', ...matter});
      expect(draft.subtitle, line).toBeUndefined();
      expect(draft.blocks, line).toEqual([
        {kind: 'paragraph', text: '新路修到了家门口。'},
        {kind: 'paragraph', text: '村民出行方便多了。'},
      ]);
      expect(draft.dropped, line).toEqual([{text: line, as: 'matter'}]);
    }
  });

  it('should read a web page’s date line, printed as its subtitle or as a paragraph, as the date', () => {
    const docbook = htmlArticle(
      `<html><body><div class="article"><div class="titlepage"><h1 class="title">青溪镇办事指南</h1><h3 class="subtitle"><em>出版日期： 2024-01-31</em></h3></div>
      <p>${'办理户籍业务请带齐证件。'.repeat(3)}</p><p>${'窗口周一至周五开放。'.repeat(3)}</p></div></body></html>`,
      'fallback',
    );
    expect(docbook).toMatchObject({title: '青溪镇办事指南', date: '2024-01-31'});
    expect(docbook.subtitle).toBeUndefined();
    expect(docbook.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    expect(draftToMarkdown(docbook)).toMatch(/^---\ntitle: 青溪镇办事指南\ndate: 2024-01-31\n---\n\n办理户籍业务/);
    for (const [line, matter] of lines) {
      const news = htmlArticle(
        `<html><body><div><h1>村里修通了新路</h1><p>${line}</p><p>${'新路修到了家门口。'.repeat(4)}</p></div></body></html>`,
        'fallback',
      );
      expect(news, line).toMatchObject(matter);
      expect(news.blocks, line).toEqual([{kind: 'paragraph', text: '新路修到了家门口。'.repeat(4)}]);
    }
  });

  it('should not read a sentence, a meeting’s time or a heading with a date in it as the article’s date', () => {
    const draft = textArticle('村里修通了新路\n\n2024年1月31日，新路正式通车。\n\n村民出行方便多了。', 'fallback');
    expect(draft.date).toBeUndefined();
    expect(draft.blocks).toHaveLength(2);
    const notice = textArticle('关于召开村民代表大会的通知\n\n会议时间：2024年3月5日 09:00\n\n请各位代表准时参加。', 'fallback');
    expect(notice.date).toBeUndefined();
    expect(notice.blocks[0]).toEqual({kind: 'paragraph', text: '会议时间：2024年3月5日 09:00'});
    const page = htmlArticle(`<html><body><div><h1>总结</h1><h2>时间：全年各季度</h2><p>${'新路修到了家门口。'.repeat(4)}</p></div></body></html>`, 'fallback');
    expect(page.date).toBeUndefined();
    expect(page.blocks[0]).toEqual({kind: 'heading', text: '时间：全年各季度'});
    // A chronicle's first section, headed by its day.
    const chronicle = htmlArticle(
      `<html><body><article><h1>大事记</h1><h2>2024年1月31日</h2><p>${'新路通车。'.repeat(4)}</p></article></body></html>`,
      'fallback',
    );
    expect(chronicle.date).toBeUndefined();
    expect(chronicle.blocks[0]).toEqual({kind: 'heading', text: '2024年1月31日'});
  });
});

describe("a web page's own furniture", () => {
  const prose = (text: string) => `<p>${text.repeat(4)}</p>`;
  /** A government page: an in-page 目录, "back to top" links, a breadcrumb trail and a pager, none named by class. */
  const page = `<html><head><title>青溪镇二〇二四年工作总结</title></head><body>
    <div>当前位置：<a href="/">首页</a> &gt; <a href="/gz/">工作动态</a> &gt; 正文</div>
    <div class="main"><h1>青溪镇二〇二四年工作总结</h1>
    <div><p>目 录</p><p><a href="#s1">一、主要工作</a></p><p><a href="#s2">二、存在问题</a></p><p><a href="#s3">三、下一步打算</a></p></div>
    <h2 id="s1">一、主要工作</h2>${prose('全年新修村道十二公里。')}<p><a href="#top">返回顶部</a></p>
    <h2 id="s2">二、存在问题</h2>${prose('部分项目进度偏慢。')}<p><a href="#">↑</a></p>
    <h2 id="s3">三、下一步打算</h2>${prose('继续推进道路建设。')}
    <div><a href="?page=1">上一页</a> <a href="?page=1">1</a> <a href="?page=2">2</a> <a href="?page=3">下一页</a> 共 3 页</div></div>
    </body></html>`;

  it('should leave out an in-page table of contents, back-to-top links, the breadcrumb and the pager, and say which', () => {
    const draft = htmlArticle(page, 'fallback');
    expect(draft.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'heading', 'paragraph']);
    expect(draft.dropped.map((d) => d.as)).toEqual(['breadcrumb', 'toc', 'top', 'top', 'pager']);
    expect(draft.dropped[1]!.text).toBe('目 录一、主要工作二、存在问题三、下一步打算');
    expect(reportLine({from: 'a.html', out: 'a.md', draft, images: 0, remoteImages: [], svg: {files: 0, changes: new Map()}, warnings: []})).toMatch(
      /；删去 面包屑导航、页内目录、返回顶部链接、翻页链接）$/,
    );
    // A trail without its label: links from 首页 joined by ».
    const trail = htmlArticle(page.replace(/当前位置：(.*?) &gt; (.*?) &gt; /, '$1 » $2 » '), 'fallback');
    expect(trail.dropped[0]).toEqual({text: '首页 » 工作动态 » 正文', as: 'breadcrumb'});
  });

  it('should know a table of contents by its links into the page: numbered, or naming the headings, or named toc', () => {
    const headings = '<h2 id="a">道路建设</h2><p>修路。</p><h2 id="b">产业发展</h2><p>种茶。</p><h2 id="c">民生保障</h2><p>养老。</p>';
    const lists = [
      '<ul><li><a href="#a">1. 道路建设</a></li><li><a href="#b">2. 产业发展</a></li><li><a href="#c">3. 民生保障</a></li></ul>',
      '<ul><li><a href="#a">道路建设</a></li><li><a href="#b">产业发展</a></li><li><a href="#c">民生保障</a></li></ul>',
      '<dl class="toc"><dt>1. <a href="other.html#x">道路建设</a></dt><dt>2. <a href="other.html#y">产业发展</a></dt><dt>3. <a href="other.html#z">民生保障</a></dt></dl>',
    ];
    for (const list of lists) {
      const draft = htmlArticle(`<html><body><article><h1>总结</h1>${list}${headings}</article></body></html>`, 'fallback');
      expect(
        draft.blocks.filter((b) => b.kind === 'item'),
        list,
      ).toEqual([]);
      expect(
        draft.dropped.map((d) => d.as),
        list,
      ).toEqual(['toc']);
    }
  });

  it('should keep prose and lists of links to elsewhere, whatever their class', () => {
    const paragraphs = `<div class="toc"><p>${'本节介绍<a href="#a">道路建设</a>、<a href="#b">产业发展</a>和<a href="#c">民生保障</a>三方面的情况，供大家参考。'.repeat(2)}</p></div>`;
    const elsewhere =
      '<ul><li><a href="http://a.example/">青溪镇政府网</a></li><li><a href="http://b.example/">青溪发布</a></li><li><a href="http://c.example/">县融媒体中心</a></li></ul>';
    const draft = htmlArticle(
      `<html><body><article><h1>总结</h1>${paragraphs}${elsewhere}<h2 id="a">道路建设</h2><p id="b">修路。</p><p id="c">种茶。</p></article></body></html>`,
      'fallback',
    );
    expect(draft.dropped).toEqual([]);
    expect(draft.blocks.map((b) => b.kind)).toEqual(['paragraph', 'item', 'item', 'item', 'heading', 'paragraph', 'paragraph']);
  });
});
