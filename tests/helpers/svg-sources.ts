/**
 * SVG pictures as drawing programs save them, written here for the tests: what EPUBCheck
 * refuses in them is what those programs write (Illustrator's `enable-background` and
 * DOCTYPE, Inkscape's own elements, a diagram editor's HTML labels). All drawings are our own.
 */

/** As Illustrator exports: a DOCTYPE declaring namespaces, enable-background on shapes, its own data beside the drawing. */
export const ILLUSTRATOR_SVG = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: a drawing program -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
	<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
	<!ENTITY ns_svg "http://www.w3.org/2000/svg">
	<!ENTITY ns_xlink "http://www.w3.org/1999/xlink">
]>
<svg version="1.1" xmlns:i="&ns_ai;" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" x="0px" y="0px" viewBox="0 0 200 100"
	 enable-background="new 0 0 200 100" xml:space="preserve">
<style type="text/css">
	.band{fill:#1F6F8B;}
	.sun{fill:url(#glow);enable-background:new;}
</style>
<switch>
	<foreignObject requiredExtensions="&ns_ai;" x="0" y="0" width="1" height="1"><i:aipgfRef xlink:href="#pgf"/></foreignObject>
	<g i:extraneous="self">
		<defs><radialGradient id="glow" cx="150" cy="40" r="30" gradientUnits="userSpaceOnUse"><stop offset="0" style="stop-color:#FFD25A"/><stop offset="1" style="stop-color:#F08C28"/></radialGradient></defs>
		<rect class="band" y="60" width="200" height="40" enable-background="new"/>
		<circle class="sun" cx="150" cy="40" r="30" enable-background="new"/>
		<polygon fill="#3C8C3C" points="10,60 50,20 90,60" enable-background="new"/>
		<text transform="matrix(1 0 0 1 20 88)" fill="#FFFFFF" font-family="sans-serif" font-size="14" data-name="label">青溪镇</text>
	</g>
</switch>
<i:pgf id="pgf">eJzLSM3JyQcABiwCFQ==</i:pgf>
</svg>
`;

/** As Inkscape saves: its own namespaced elements and attributes, SVG 2 properties, a filter styled in CSS, ids no XML allows. */
export const INKSCAPE_SVG = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg width="200" height="100" viewBox="0 0 200 100" version="1.1" id="svg1"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg" sodipodi:docname="河道.svg" inkscape:version="1.2">
  <sodipodi:namedview id="namedview1" pagecolor="#ffffff" inkscape:zoom="2"><inkscape:page x="0" y="0" width="200" height="100" id="page1"/></sodipodi:namedview>
  <defs id="defs1">
    <linearGradient id="1水面" x1="0" x2="1"><stop offset="0" stop-color="#7EC8E3"/><stop offset="1" stop-color="#1B6CA8"/></linearGradient>
    <filter style="color-interpolation-filters:sRGB" id="blur 1" x="-0.1" y="-0.1" width="1.2" height="1.2"><feGaussianBlur stdDeviation="1.5" style="color-interpolation-filters:sRGB"/></filter>
  </defs>
  <g inkscape:label="图层 1" inkscape:groupmode="layer" id="layer1">
    <path d="M 0,70 C 50,50 150,90 200,70 L 200,100 L 0,100 Z" fill="url(#1水面)" id="path1" inkscape:connector-curvature="0"/>
    <ellipse cx="60" cy="35" rx="30" ry="12" fill="#ffffff" filter="url(#blur 1)" id="path2"/>
    <rect x="120" y="20" width="50" height="30" fill="#E8A33D" stroke="#5A3A10" stroke-width="6" paint-order="stroke" vector-effect="non-scaling-stroke" id="rect1"/>
    <text x="130" y="42" font-size="12" writing-mode="horizontal-tb" id="text1" xml:space="preserve"><tspan sodipodi:role="line" id="tspan1">码头</tspan></text>
  </g>
</svg>
`;

/** As a diagram editor exports: HTML labels in foreignObject with a plain-text fallback, a link, a script, a picture from the web. */
export const DIAGRAM_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="220px" height="80px" viewBox="-0.5 -0.5 220 80" content="&lt;diagram&gt;&lt;/diagram&gt;" style="background-color: rgb(255, 255, 255);">
  <defs/>
  <g>
    <rect x="10" y="10" width="90" height="60" rx="9" fill="#ffffff" stroke="#000000" pointer-events="all"/>
    <g transform="translate(-0.5 -0.5)"><switch>
      <foreignObject pointer-events="none" width="100%" height="100%" requiredFeatures="http://www.w3.org/TR/SVG11/feature#Extensibility" style="overflow: visible; text-align: left;">
        <div xmlns="http://www.w3.org/1999/xhtml" style="display: flex; align-items: unsafe center; justify-content: unsafe center; width: 88px; height: 1px; padding-top: 40px; margin-left: 11px;">
          <div style="box-sizing: border-box; font-size: 0; text-align: center;"><div style="display: inline-block; font-size: 12px; font-family: sans-serif; color: #000000; line-height: 1.2;">
            <font style="font-size: 14px"><b>村委会</b></font><div align="left">• 议事<br/>• 公开</div>
          </div></div>
        </div>
      </foreignObject>
      <text x="55" y="44" fill="#000000" font-family="sans-serif" font-size="12px" text-anchor="middle">村委会...</text>
    </switch></g>
    <a xlink:href="https://example.invalid/plan" target="_blank"><rect x="120" y="10" width="90" height="60" fill="#dae8fc" stroke="#6c8ebf" onclick="openPlan()"/></a>
    <image x="190" y="12" width="16" height="16" xlink:href="https://example.invalid/icon.png"/>
    <script>function openPlan() {}</script>
  </g>
</svg>
`;
