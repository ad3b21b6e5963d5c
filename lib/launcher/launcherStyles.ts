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
.launch svg{width:26px}
.tab{width:16px;height:44px;border-radius:10px 0 0 10px}
[data-corner$=left] .tab{border-radius:0 10px 10px 0}
.more{width:22px;height:32px;border-radius:11px;display:grid;place-items:center}
.more svg{width:4px}
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
