/**
 * The part of SVG 1.1 that EPUB 3 allows in a picture, as EPUBCheck checks it: for each
 * element of a still drawing, the attributes it may have, those it must have, and the
 * elements it may hold. Animation, fonts, scripts, cursors, views and links are left out on
 * purpose: a book's picture is still, and EPUB readers differ on the rest.
 */

/** `xml:base` is left out: it would send the drawing's references elsewhere. */
/** A list of names written as one string. */
const words = (names: string): string[] => names.split(' ');

const CORE = ['id', 'xml:lang', 'xml:space'];
const CONDITIONAL = ['requiredFeatures', 'requiredExtensions', 'systemLanguage'];
const STYLE = ['class', 'style'];
const EXTERNAL = ['externalResourcesRequired'];
const PAINT = words('fill fill-rule stroke stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit stroke-width');
const COLOR = ['color', 'color-interpolation', 'color-rendering'];
const OPACITY = ['opacity', 'fill-opacity', 'stroke-opacity'];
const GRAPHICS = ['display', 'visibility', 'image-rendering', 'pointer-events', 'shape-rendering', 'text-rendering'];
const MARKER = ['marker-start', 'marker-mid', 'marker-end'];
const CLIP = ['clip-path', 'clip-rule'];
const FONT = ['font-family', 'font-size', 'font-style', 'font-weight', 'font-size-adjust', 'font-stretch', 'font-variant'];
const TEXT_CONTENT = words(
  'alignment-baseline baseline-shift direction dominant-baseline glyph-orientation-horizontal glyph-orientation-vertical kerning letter-spacing text-anchor text-decoration unicode-bidi word-spacing',
);
const VIEWPORT = ['clip', 'overflow'];
const GRADIENT = ['stop-color', 'stop-opacity'];
const FILTER_COLOR = ['color-interpolation-filters'];
/** How a thing is painted: fill and stroke, colour, opacity, rendering hints. */
const PAINTED = [...PAINT, ...COLOR, ...OPACITY, ...GRAPHICS];
/** What may be done to a drawn thing: clipped, masked, filtered, its cursor. */
const EFFECTS = [...CLIP, 'mask', 'filter', 'cursor'];
/** What a shape may carry besides its geometry. */
const SHAPE = [...CORE, ...CONDITIONAL, ...STYLE, ...PAINTED, ...EFFECTS, ...EXTERNAL, 'transform'];
/** Every presentation attribute of SVG 1.1: each is also a CSS property. */
const PRESENTATION = [
  ...words('enable-background writing-mode color-profile flood-color flood-opacity lighting-color'),
  ...VIEWPORT,
  ...TEXT_CONTENT,
  ...FONT,
  ...PAINTED,
  ...MARKER,
  ...GRADIENT,
  ...EFFECTS,
  ...FILTER_COLOR,
];
const PRIMITIVE = ['x', 'y', 'width', 'height', 'result'];
const PRIMITIVE_IN = [...CORE, ...FILTER_COLOR, ...PRIMITIVE, 'in'];
const TRANSFER = [...CORE, 'type', 'tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'offset'];

const SHAPES = ['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon'];
const PRIMITIVES = words(
  'feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDropShadow feFlood feGaussianBlur feImage feMerge feMorphology feOffset feSpecularLighting feTile feTurbulence',
);
const LIGHTS = ['feDistantLight', 'fePointLight', 'feSpotLight'];
const CONTAINER_CONTENT = [
  'svg',
  'g',
  'defs',
  'use',
  'symbol',
  'switch',
  'image',
  'style',
  ...SHAPES,
  'text',
  'marker',
  'linearGradient',
  'radialGradient',
  'pattern',
  'clipPath',
  'mask',
  'filter',
  'foreignObject',
];

/** What an element may be and hold. */
export interface ElementRule {
  /** Attributes allowed, by their names in the file (`stroke-width`, `xlink:href`). */
  attributes: ReadonlySet<string>;
  /** Attributes it must have: without them it draws nothing, and EPUBCheck refuses it. */
  required: readonly string[];
  /** Elements it may hold. */
  children: ReadonlySet<string>;
  /** Whether it holds text (`text`, `tspan`, `style`). */
  text: boolean;
  /** Whether a `style` attribute is allowed: where it is not, the declarations become attributes. */
  styled: boolean;
}

function rule(attributes: string[], children: string[] = [], options: {required?: string[]; text?: boolean} = {}): ElementRule {
  return {
    attributes: new Set(attributes),
    required: options.required ?? [],
    children: new Set(children),
    text: options.text ?? false,
    styled: attributes.includes('style'),
  };
}

const container = (own: string[]) => rule([...CORE, ...STYLE, ...PRESENTATION, ...EXTERNAL, ...own], CONTAINER_CONTENT);
const viewBox = ['viewBox', 'preserveAspectRatio'];
const textual = [...CORE, ...CONDITIONAL, ...STYLE, ...TEXT_CONTENT, ...FONT, ...PAINTED, ...EFFECTS, ...EXTERNAL];
const positioned = ['x', 'y', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust'];
const gradient = [...CORE, ...STYLE, ...COLOR, ...GRADIENT, 'xlink:href', ...EXTERNAL, 'gradientUnits', 'gradientTransform', 'spreadMethod'];
const primitive = (own: string[], children: string[] = [], required: string[] = []) => rule([...PRIMITIVE_IN, ...own], children, {required});
const lit = ['lighting-color', 'surfaceScale', 'kernelUnitLength', ...STYLE, ...COLOR];

/** The elements of a still drawing, as EPUB's SVG allows them. */
export const SVG_ELEMENTS: Readonly<Record<string, ElementRule>> = {
  svg: container([...CONDITIONAL, 'x', 'y', 'width', 'height', ...viewBox, 'version', 'baseProfile']),
  g: container([...CONDITIONAL, 'transform']),
  defs: container([...CONDITIONAL, 'transform']),
  symbol: container(['width', 'height', ...viewBox]),
  marker: container(['refX', 'refY', 'markerUnits', 'markerWidth', 'markerHeight', 'orient', ...viewBox]),
  mask: container([...CONDITIONAL, 'x', 'y', 'width', 'height', 'maskUnits', 'maskContentUnits']),
  pattern: container([...CONDITIONAL, 'xlink:href', 'x', 'y', 'width', 'height', 'patternUnits', 'patternContentUnits', 'patternTransform', ...viewBox]),
  switch: rule(
    [...CORE, ...CONDITIONAL, ...STYLE, ...PRESENTATION, ...EXTERNAL, 'transform'],
    ['svg', 'g', 'use', 'text', 'switch', 'image', ...SHAPES, 'foreignObject'],
  ),
  // Its content, XHTML, is read by svg-foreign-html.ts.
  foreignObject: rule([...CORE, ...CONDITIONAL, ...STYLE, ...PRESENTATION, ...EXTERNAL, 'x', 'y', 'width', 'height', 'transform'], [], {
    required: ['width', 'height'],
  }),
  clipPath: rule([...SHAPE, 'writing-mode', ...TEXT_CONTENT, ...FONT, 'clipPathUnits'], [...SHAPES, 'text', 'use']),
  use: rule([...CORE, ...CONDITIONAL, ...STYLE, ...PRESENTATION, ...EXTERNAL, 'xlink:href', 'x', 'y', 'width', 'height', 'transform']),
  image: rule(
    [
      ...CORE,
      ...CONDITIONAL,
      ...STYLE,
      ...VIEWPORT,
      ...COLOR,
      ...OPACITY,
      ...GRAPHICS,
      'color-profile',
      ...EFFECTS,
      ...EXTERNAL,
      'xlink:href',
      ...words('x y width height preserveAspectRatio transform'),
    ],
    [],
    {required: ['width', 'height']},
  ),
  style: rule(['xml:space', 'id', 'xml:lang', 'type', 'media', 'title'], [], {text: true}),
  path: rule([...SHAPE, ...MARKER, 'd', 'pathLength'], [], {required: ['d']}),
  rect: rule([...SHAPE, 'x', 'y', 'width', 'height', 'rx', 'ry'], [], {required: ['width', 'height']}),
  circle: rule([...SHAPE, 'cx', 'cy', 'r'], [], {required: ['r']}),
  ellipse: rule([...SHAPE, 'cx', 'cy', 'rx', 'ry'], [], {required: ['rx', 'ry']}),
  line: rule([...SHAPE, ...MARKER, 'x1', 'y1', 'x2', 'y2']),
  polyline: rule([...SHAPE, ...MARKER, 'points'], [], {required: ['points']}),
  polygon: rule([...SHAPE, ...MARKER, 'points'], [], {required: ['points']}),
  text: rule([...textual, 'writing-mode', ...positioned, 'transform'], ['tspan', 'textPath'], {text: true}),
  tspan: rule([...textual, ...positioned], ['tspan'], {text: true}),
  textPath: rule([...textual, 'xlink:href', 'startOffset', 'textLength', 'lengthAdjust', 'method', 'spacing'], ['tspan'], {text: true}),
  linearGradient: rule([...gradient, 'x1', 'y1', 'x2', 'y2'], ['stop']),
  radialGradient: rule([...gradient, 'cx', 'cy', 'r', 'fx', 'fy'], ['stop']),
  stop: rule([...CORE, ...STYLE, ...COLOR, ...GRADIENT, 'offset'], [], {required: ['offset']}),
  filter: rule(
    [...CORE, ...STYLE, ...PRESENTATION, 'xlink:href', ...EXTERNAL, 'x', 'y', 'width', 'height', 'filterRes', 'filterUnits', 'primitiveUnits'],
    PRIMITIVES,
  ),
  feBlend: primitive(['in2', 'mode'], [], ['in2']),
  feColorMatrix: primitive(['type', 'values']),
  feComponentTransfer: primitive([], ['feFuncR', 'feFuncG', 'feFuncB', 'feFuncA']),
  feComposite: primitive(['in2', 'operator', 'k1', 'k2', 'k3', 'k4'], [], ['in2']),
  feConvolveMatrix: primitive(
    ['order', 'kernelMatrix', 'divisor', 'bias', 'targetX', 'targetY', 'edgeMode', 'kernelUnitLength', 'preserveAlpha'],
    [],
    ['order', 'kernelMatrix'],
  ),
  feDiffuseLighting: primitive([...lit, 'diffuseConstant'], LIGHTS),
  feDisplacementMap: primitive(['in2', 'scale', 'xChannelSelector', 'yChannelSelector'], [], ['in2']),
  feDropShadow: primitive([...STYLE, ...PRESENTATION, 'stdDeviation', 'dx', 'dy']),
  feFlood: primitive([...STYLE, ...COLOR, 'flood-color', 'flood-opacity']),
  feGaussianBlur: primitive(['stdDeviation']),
  feImage: rule([...CORE, ...STYLE, ...PRESENTATION, ...PRIMITIVE, 'xlink:href', ...EXTERNAL, 'preserveAspectRatio']),
  feMerge: rule([...CORE, ...FILTER_COLOR, ...PRIMITIVE], ['feMergeNode']),
  feMergeNode: rule([...CORE, 'in']),
  feMorphology: primitive(['operator', 'radius']),
  feOffset: primitive(['dx', 'dy']),
  feSpecularLighting: primitive([...lit, 'specularConstant', 'specularExponent'], LIGHTS),
  feTile: primitive([]),
  feTurbulence: rule([...CORE, ...FILTER_COLOR, ...PRIMITIVE, 'baseFrequency', 'numOctaves', 'seed', 'stitchTiles', 'type']),
  feFuncR: rule(TRANSFER, [], {required: ['type']}),
  feFuncG: rule(TRANSFER, [], {required: ['type']}),
  feFuncB: rule(TRANSFER, [], {required: ['type']}),
  feFuncA: rule(TRANSFER, [], {required: ['type']}),
  feDistantLight: rule([...CORE, 'azimuth', 'elevation']),
  fePointLight: rule([...CORE, 'x', 'y', 'z']),
  feSpotLight: rule([...CORE, 'x', 'y', 'z', 'pointsAtX', 'pointsAtY', 'pointsAtZ', 'specularExponent', 'limitingConeAngle']),
};

/**
 * Presentation properties: SVG 1.1's, and those SVG 2 and CSS added that browsers draw
 * (`paint-order`, `vector-effect`, `mix-blend-mode` …). One that an element may not carry as
 * an attribute can move into its `style`, where it draws the same.
 */
export const PROPERTIES: ReadonlySet<string> = new Set([
  ...PRESENTATION,
  'paint-order',
  'vector-effect',
  'mix-blend-mode',
  'isolation',
  'mask-type',
  'transform-origin',
  'transform-box',
  'white-space',
  'text-overflow',
  'text-orientation',
  'line-height',
  'font-kerning',
  'font-feature-settings',
  'font-variant-east-asian',
  'font-variant-ligatures',
  'font-variant-numeric',
  'text-decoration-line',
  'text-decoration-style',
  'text-decoration-color',
  'solid-color',
  'solid-opacity',
]);

const units = '(?:userSpaceOnUse|objectBoundingBox)';
const keywords = (...words: string[]) => new RegExp(`^(?:${words.join('|')})$`);
const inheritable = (...words: string[]) => keywords(...words, 'inherit');

/** The values EPUBCheck accepts for attributes that take a keyword; others take any text. */
export const KEYWORD_VALUES: Readonly<Record<string, RegExp>> = {
  'fill-rule': inheritable('nonzero', 'evenodd'),
  'clip-rule': inheritable('nonzero', 'evenodd'),
  'stroke-linecap': inheritable('butt', 'round', 'square'),
  'stroke-linejoin': inheritable('miter', 'round', 'bevel'),
  'color-interpolation': inheritable('auto', 'sRGB', 'linearRGB'),
  'color-interpolation-filters': inheritable('auto', 'sRGB', 'linearRGB'),
  'color-rendering': inheritable('auto', 'optimizeSpeed', 'optimizeQuality'),
  display: inheritable(
    ...words(
      'inline block list-item run-in compact marker table inline-table table-row-group table-header-group table-footer-group table-row table-column-group table-column table-cell table-caption none',
    ),
  ),
  visibility: inheritable('visible', 'hidden', 'collapse'),
  'image-rendering': inheritable('auto', 'optimizeSpeed', 'optimizeQuality'),
  'pointer-events': inheritable('visiblePainted', 'visibleFill', 'visibleStroke', 'visible', 'painted', 'fill', 'stroke', 'all', 'none'),
  'shape-rendering': inheritable('auto', 'optimizeSpeed', 'crispEdges', 'geometricPrecision'),
  'text-rendering': inheritable('auto', 'optimizeSpeed', 'optimizeLegibility', 'geometricPrecision'),
  'font-style': inheritable('normal', 'italic', 'oblique'),
  'font-weight': inheritable('normal', 'bold', 'bolder', 'lighter', '[1-9]00'),
  'font-stretch': inheritable(
    ...words('normal wider narrower ultra-condensed extra-condensed condensed semi-condensed semi-expanded expanded extra-expanded ultra-expanded'),
  ),
  'font-variant': inheritable('normal', 'small-caps'),
  'writing-mode': inheritable('lr-tb', 'rl-tb', 'tb-rl', 'lr', 'rl', 'tb'),
  'alignment-baseline': inheritable(
    ...words('auto baseline before-edge text-before-edge middle central after-edge text-after-edge ideographic alphabetic hanging mathematical'),
  ),
  'dominant-baseline': inheritable(
    ...words('auto use-script no-change reset-size ideographic alphabetic hanging mathematical central middle text-after-edge text-before-edge'),
  ),
  direction: inheritable('ltr', 'rtl'),
  'text-anchor': inheritable('start', 'middle', 'end'),
  'unicode-bidi': inheritable('normal', 'embed', 'bidi-override'),
  overflow: inheritable('visible', 'hidden', 'scroll', 'auto'),
  'xml:space': keywords('default', 'preserve'),
  'xml:lang': /^(?:[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*)?$/,
  version: keywords('1\\.0', '1\\.1', '1\\.2'),
  externalResourcesRequired: keywords('true', 'false'),
  preserveAspectRatio: /^\s*(?:defer\s+)?(?:none|x(?:Min|Mid|Max)Y(?:Min|Mid|Max))(?:\s+(?:meet|slice))?\s*$/,
  gradientUnits: keywords(units),
  patternUnits: keywords(units),
  patternContentUnits: keywords(units),
  maskUnits: keywords(units),
  maskContentUnits: keywords(units),
  clipPathUnits: keywords(units),
  filterUnits: keywords(units),
  primitiveUnits: keywords(units),
  spreadMethod: keywords('pad', 'reflect', 'repeat'),
  markerUnits: keywords('strokeWidth', 'userSpaceOnUse'),
  lengthAdjust: keywords('spacing', 'spacingAndGlyphs'),
  method: keywords('align', 'stretch'),
  spacing: keywords('auto', 'exact'),
  mode: keywords(
    ...words('normal multiply screen overlay darken lighten color-dodge color-burn hard-light soft-light difference exclusion hue saturation color luminosity'),
  ),
  edgeMode: keywords('duplicate', 'wrap', 'none'),
  preserveAlpha: keywords('true', 'false'),
  xChannelSelector: keywords('R', 'G', 'B', 'A'),
  yChannelSelector: keywords('R', 'G', 'B', 'A'),
  stitchTiles: keywords('stitch', 'noStitch'),
};

const transfer = {type: keywords('identity', 'table', 'discrete', 'linear', 'gamma')};

/** Attributes whose keywords depend on the element. */
export const ELEMENT_KEYWORD_VALUES: Readonly<Record<string, Readonly<Record<string, RegExp>>>> = {
  style: {'xml:space': keywords('preserve')},
  feColorMatrix: {type: keywords('matrix', 'saturate', 'hueRotate', 'luminanceToAlpha')},
  feComposite: {operator: keywords('over', 'in', 'out', 'atop', 'xor', 'lighter', 'arithmetic')},
  feMorphology: {operator: keywords('erode', 'dilate')},
  feTurbulence: {type: keywords('fractalNoise', 'turbulence')},
  feFuncR: transfer,
  feFuncG: transfer,
  feFuncB: transfer,
  feFuncA: transfer,
};
