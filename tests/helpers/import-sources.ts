import JSZip from 'jszip';

/**
 * Articles of the kinds offices collect, written here for the import tests: a news item as a
 * web page's text is copied out, a saved WeChat page, a Word file. All text is our own.
 */
export const NEWS_TEXT = [
  '青溪镇人民政府 首页 > 工作动态',
  '',
  '青溪镇举办首届农民丰收节,千余群众共享丰收喜悦',
  '',
  '青溪镇融媒体中心记者 王晓燕 通讯员 李建国',
  '',
  '9月23日上午,青溪镇首届农民丰收节在镇文化广场开幕.来自全镇12个村的种粮大户、果农和手艺人带着自家的产品参加展示。',
  '',
  '“今年稻谷亩产比去年多了八十斤,心里踏实!”种粮大户陈德明说。',
  '',
  '晒出好收成',
  '',
  '擦亮金招牌',
  '',
  '广场东侧的农产品展区里,新米、茶叶、柑橘摆满了展台,不少市民一买就是好几袋。',
  '',
  '▲丰收节现场,村民展示新收的稻谷。',
  '',
  '……',
  '',
  '镇党委负责人表示,将以丰收节为契机,持续推动乡村产业发展。',
  '',
  '来源:青溪发布',
].join('\n');

/** A saved WeChat article: the body in #js_content, images lazily loaded from data-src, buttons after it. */
export function wechatPage(localImage: string, port = 9): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>茶园里的新农人</title>
<meta property="og:title" content="茶园里的新农人"><meta name="author" content="刘春梅">
<script>var ct = "1754006400";</script></head><body>
<div class="rich_media_area_primary">
<h1 class="rich_media_title" id="activity-name">  茶园里的新农人  </h1>
<div id="meta_content"><span id="js_name">青溪发布</span><em id="publish_time">2025-08-01</em></div>
<div class="rich_media_content" id="js_content">
<section><p>清晨六点，返乡青年赵小川已经在自家茶园里忙开了。</p></section>
<p><img data-src="${localImage}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>
<p>▲赵小川在茶园查看新芽长势。</p>
<h2>从“挑着卖”到“点着卖”</h2>
<p>去年，他开起网店，<strong>一年卖出</strong>茶叶两千多斤。<br>今年又带动了十几户乡亲。</p>
<p><img data-src="http://127.0.0.1:${port}/remote.jpg"></p>
<p>▲网上的图片一张。</p>
<ul><li>春茶：明前采摘</li><li>夏茶：制作红茶</li></ul>
<table><tr><th>年份</th><th>销量</th></tr><tr><td>2024</td><td>2000斤</td></tr></table>
</div>
<div class="share_area"><a>分享</a><a>点赞</a><a>在看</a></div>
<div id="js_pc_qr_code">扫码关注青溪发布</div>
<p>阅读原文</p>
</div></body></html>`;
}

/**
 * A Word file with a title, a heading (Word's Heading 1 style), paragraphs, a numbered list,
 * a table, a footnote and a picture: the parts of WordprocessingML that mammoth reads.
 */
export async function wordFile(picture: Buffer): Promise<Buffer> {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const para = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const drawing = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="952500" cy="714375"/><wp:docPr id="1" name="图片 1" descr="村委会新办公楼"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip ${r} r:embed="rIdImage"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  const body = [
    para('村务公开工作总结', 'Title'),
    para('今年以来，村委会坚持每月公开一次村务，接受群众监督。'),
    para('一、主要做法', 'Heading1'),
    `<w:p><w:r><w:t xml:space="preserve">财务账目逐笔上墙</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t>，群众一看就懂。</w:t></w:r></w:p>`,
    drawing,
    `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>月份</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>公开事项</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>三月</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>修路经费</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
    para('二、下一步打算', 'Heading1'),
    para('继续做好公开，让群众放心。'),
  ].join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdImage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>',
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${w}><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style></w:styles>`,
  );
  zip.file(
    'word/footnotes.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${w}><w:footnote w:id="1"><w:p><w:r><w:t>每月五日前张贴在村务公开栏。</w:t></w:r></w:p></w:footnote></w:footnotes>`,
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${w} ${r}><w:body>${body}</w:body></w:document>`);
  zip.file('word/media/image1.png', picture);
  return zip.generateAsync({type: 'nodebuffer'});
}

/**
 * A manual saved as one web page, as DocBook writes it: a navigation bar, the title with a
 * date line under it, the page's own table of contents (numbered links into the page), then
 * numbered sections with pictures and "back to top" links.
 */
export function manualPage(pictures: string[]): string {
  const sections = ['村务公开的范围', '公开的时间和方式', '群众监督'];
  const toc = sections.map((title, i) => `<dt><span class="section">${i + 1}. <a href="manual.html#s${i + 1}">${title}</a></span></dt>`).join('');
  const body = sections
    .map(
      (title, i) => `<div class="section"><h2 class="title"><a id="s${i + 1}"></a>${i + 1}. ${title}</h2>
<p>${'村里的大事小事都要让群众知道，这是村务公开的本意。'.repeat(3)}</p>
<div class="figure"><img src="${pictures[i % pictures.length]}" alt="第${i + 1}张图"/></div>
<p>${'每一项公开内容都要写清楚时间、地点和负责人。'.repeat(2)}</p><p><a href="#top">返回顶部</a></p></div>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>村务公开手册</title></head><body>
<div class="navheader"><table><tr><th>村务公开手册</th></tr></table></div>
<div class="article"><div class="titlepage"><h2 class="title"><a id="top"></a>村务公开手册</h2><h3 class="subtitle"><em>出版日期： 2024-01-31</em></h3></div>
<div class="toc"><p><strong>目录</strong></p><dl class="toc">${toc}</dl></div>
${body}</div></body></html>`;
}
