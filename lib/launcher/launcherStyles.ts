/**
 * The icons, drawn by the styles rather than as SVG elements: in a content script's isolated world the first
 * element of each kind costs a one-time setup of its interface, and the icons' <svg> and <path> were about 0.8 ms
 * of every page load (measured). Each is a clip path over a plain box, in CSS px.
 *
 * MARK_CLIP is the RefShare "R" (tests/tools/icon-small.svg): the path `M5 12.5V3.6h3.2a2.4 2.4 0 0 1 0 4.8H5M8
 * 8.4l3 4.1`, stroked 2.2 wide with round ends, in a 16-unit box shown at 26 px, given as the outline of that stroke
 * (one closed shape per line and for the bowl, all wound the same way so that they add up).
 * DOTS_CLIP is the options button's three dots, r 1.6 at y 3, 8 and 13 in a 4 × 16 px box.
 * tests/unit/launcher/launcherStyles.test.ts derives both from those descriptions.
 */
export const MARK_CLIP =
  'M9.912 20.313L9.912 5.85A1.788 1.788 0 0 0 6.337 5.85L6.337 20.313A1.788 1.788 0 0 0 9.912 20.313Z' +
  'M8.125 7.638L13.325 7.638A1.788 1.788 0 0 0 13.325 4.063L8.125 4.063A1.788 1.788 0 0 0 8.125 7.638Z' +
  'M13.325 15.438A5.688 5.688 0 0 0 13.325 4.063L13.325 7.638A2.112 2.112 0 0 1 13.325 11.862Z' +
  'M13.325 11.863L8.125 11.863A1.788 1.788 0 0 0 8.125 15.438L13.325 15.438A1.788 1.788 0 0 0 13.325 11.863Z' +
  'M11.557 14.706L16.432 21.368A1.788 1.788 0 0 0 19.318 19.257L14.443 12.594A1.788 1.788 0 0 0 11.557 14.706Z';
export const DOTS_CLIP =
  'M2 1.4a1.6 1.6 0 1 0 0 3.2a1.6 1.6 0 1 0 0-3.2M2 6.4a1.6 1.6 0 1 0 0 3.2a1.6 1.6 0 1 0 0-3.2' +
  'M2 11.4a1.6 1.6 0 1 0 0 3.2a1.6 1.6 0 1 0 0-3.2';

/**
 * The launcher's styles, inside its shadow root. `:host { all: initial }` (important, which beats the page's
 * rules even when they are important too) keeps the page's CSS from reaching in; sizes are CSS px, so they
 * follow the page's zoom. Nothing moves when the user asks for reduced motion.
 */
export const LAUNCHER_CSS = `
:host{all:initial!important}
[hidden]{display:none!important}
.rs{position:fixed;z-index:2147483647;bottom:24px;right:16px;display:flex;flex-direction:column-reverse;align-items:flex-end;gap:12px;font:14px/1.4 system-ui,sans-serif;color:#16202a}
[data-corner^=top]{flex-direction:column;bottom:auto;top:24px}
[data-corner$=left]{align-items:flex-start;right:auto;left:16px}
.folded{right:0}
.folded[data-corner$=left]{left:0}
.dock{position:relative;display:flex;flex-direction:row-reverse;align-items:center;gap:4px}
[data-corner$=left] .dock{flex-direction:row}
button{all:unset;box-sizing:border-box;cursor:pointer;font:inherit;color:inherit}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.launch,.tab{background:linear-gradient(135deg,#0d9488,#4338ca);box-shadow:0 0 0 2px #fff,0 2px 8px #0006;display:grid;place-items:center}
.launch{width:44px;height:44px;border-radius:50%;touch-action:none}
.launch::before,.more::before{content:"";forced-color-adjust:none}
.launch::before{width:26px;height:26px;background:#fff;clip-path:path("${MARK_CLIP}")}
.tab{width:16px;height:44px;border-radius:10px 0 0 10px}
[data-corner$=left] .tab{border-radius:0 10px 10px 0}
.more{width:22px;height:32px;border-radius:11px;display:grid;place-items:center}
.more::before{width:4px;height:16px;background:currentColor;clip-path:path("${DOTS_CLIP}")}
.more,.menu{background:#fff;border:1px solid #5b6875}
.menu{position:absolute;bottom:calc(100% + 8px);right:0;display:flex;flex-direction:column;min-width:210px;padding:4px;border-radius:8px;box-shadow:0 4px 16px #0004}
[data-corner^=top] .menu{bottom:auto;top:calc(100% + 8px)}
[data-corner$=left] .menu{right:auto;left:0}
.menu button{padding:8px 10px;border-radius:6px}
.menu button:hover{background:#e8eef3}
.hint{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.panel{border:0;border-radius:12px;box-shadow:0 8px 32px #0006;color-scheme:light dark;background:Canvas;width:min(380px,calc(100vw - 32px));height:520px;max-height:calc(100vh - 100px)}
@media (prefers-color-scheme:dark){.rs{color:#e8edf2}.more,.menu{background:#1c232a;border-color:#aab6c2}.menu button:hover{background:#2c3640}:focus-visible{outline-color:#93c5fd}}
@media (prefers-reduced-motion:no-preference){.panel{animation:rs-in .15s ease-out}}
@keyframes rs-in{from{opacity:0;transform:translateY(6px)}}
`;
