import {describe, expect, it} from 'vitest';
import {decodeText} from '../../src/import/decode-text.js';
import {draftToMarkdown} from '../../src/import/draft.js';
import {htmlArticle} from '../../src/import/html-article.js';
import {bylineOf, textArticle} from '../../src/import/text-article.js';
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
    expect(draft.dropped).toEqual(['青溪镇人民政府 首页 > 工作动态', '青溪镇融媒体中心记者 王晓燕 通讯员 李建国', '来源:青溪发布']);
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
