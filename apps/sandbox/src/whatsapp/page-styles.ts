/** WhatsApp's look, light and dark, so the demo reads as "the customer's WhatsApp" at a glance. */
export const whatsAppStyles = `
:root {
  color-scheme: light dark;
  --bg: #d1d7db; --phone: #efeae2; --bar: #008069; --bar-text: #ffffff; --panel: #f0f2f5;
  --line: #d1d7db; --text: #111b21; --muted: #667781; --mine: #d9fdd3; --theirs: #ffffff;
  --quote: rgba(0,0,0,.05); --accent: #00a884; --read: #53bdeb; --bad: #ea0038; --selected: #c6e9ff;
  --field: #f0f2f5;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #0b141a; --phone: #0b141a; --bar: #202c33; --bar-text: #e9edef; --panel: #202c33;
    --line: #2a3942; --text: #e9edef; --muted: #8696a0; --mine: #005c4b; --theirs: #202c33;
    --quote: rgba(255,255,255,.07); --selected: #1d3b4f; --field: #2a3942; }
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: var(--bg); color: var(--text); }
body { display: flex; justify-content: center; align-items: center; }
.phone { width: 100%; max-width: 420px; height: 100dvh; max-height: 860px; background: var(--phone);
  display: flex; flex-direction: column; overflow: hidden; }
@media (min-width: 480px) {
  .phone { border-radius: 36px; border: 10px solid #1f2328; height: 94dvh; box-shadow: 0 20px 60px rgba(0,0,0,.25); }
}
header { background: var(--bar); color: var(--bar-text); padding: 10px 14px 10px; }
header h1 { margin: 0 0 6px; font-size: 18px; font-weight: 600; }
.row { display: flex; align-items: center; gap: 8px; margin-top: 6px; font-size: 13px; }
.row label { width: 96px; flex: none; opacity: .85; }
.row input, .row select { flex: 1; min-width: 0; font: inherit; font-size: 14px; padding: 5px 8px;
  border: 0; border-radius: 8px; background: var(--field); color: var(--text); }
.row input[aria-invalid="true"] { outline: 2px solid var(--bad); }
.hint { color: #ffd6dc; font-size: 12px; margin: 4px 0 0 104px; }
.hint:empty { display: none; }
main { flex: 1; overflow-y: auto; padding: 12px 10px 6px; display: flex; flex-direction: column; gap: 4px; }
.empty { margin: auto; color: var(--muted); font-size: 14px; text-align: center; padding: 0 24px;
  background: var(--panel); border-radius: 8px; padding: 8px 12px; }
.bubble { position: relative; max-width: 80%; padding: 6px 8px 4px; border-radius: 8px; font-size: 14.5px;
  line-height: 1.35; overflow-wrap: anywhere; box-shadow: 0 1px .5px rgba(11,20,26,.13); cursor: pointer;
  margin-top: 2px; border: 0; text-align: left; color: inherit; font-family: inherit; }
.bubble.reacted { margin-bottom: 14px; }
.bubble[data-direction="out"] { align-self: flex-end; background: var(--mine); border-top-right-radius: 0; }
.bubble[data-direction="in"] { align-self: flex-start; background: var(--theirs); border-top-left-radius: 0; }
.bubble[aria-pressed="true"] { box-shadow: 0 0 0 2px var(--accent); }
.bubble .text { white-space: pre-wrap; }
.bubble img { display: block; max-width: 100%; max-height: 260px; border-radius: 6px; margin-bottom: 4px; }
.bubble a { color: inherit; }
.quote { background: var(--quote); border-left: 4px solid var(--accent); border-radius: 6px; padding: 4px 8px;
  margin-bottom: 4px; font-size: 13px; }
.quote strong { display: block; color: var(--accent); font-size: 12.5px; }
.quote span { color: var(--muted); display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.label { font-size: 11.5px; color: var(--muted); margin-bottom: 2px; }
.buttons { display: flex; flex-direction: column; gap: 2px; margin-top: 6px; }
.buttons span { text-align: center; color: #027eb5; border-top: 1px solid var(--line); padding-top: 4px; font-size: 14px; }
.meta { float: right; margin: 6px 0 -2px 10px; font-size: 11px; color: var(--muted); display: inline-flex; gap: 3px;
  align-items: center; }
.tick { font-weight: 700; letter-spacing: -3px; padding-right: 3px; }
.tick.read { color: var(--read); }
.tick.failed { color: var(--bad); letter-spacing: 0; }
.reactions { position: absolute; bottom: -14px; display: flex; gap: 2px; background: var(--panel); border-radius: 12px;
  padding: 0 5px; font-size: 13px; box-shadow: 0 1px 2px rgba(0,0,0,.2); }
.bubble[data-direction="out"] .reactions { right: 8px; }
.bubble[data-direction="in"] .reactions { left: 8px; }
.problem { font-size: 11.5px; color: var(--bad); margin-top: 2px; }
.composer { background: var(--panel); border-top: 1px solid var(--line); }
.selection { padding: 6px 8px 0; display: flex; flex-direction: column; gap: 6px; }
.selection[hidden] { display: none; }
.reply { display: flex; gap: 8px; align-items: stretch; }
.reply .quote { flex: 1; margin: 0; }
.reply button, .emoji button { border: 0; background: transparent; font: inherit; cursor: pointer; color: var(--muted); }
.emoji { display: flex; gap: 4px; justify-content: center; }
.emoji[hidden] { display: none; }
.emoji button { font-size: 22px; border-radius: 50%; width: 38px; height: 38px; }
.emoji button:hover, .emoji button:focus-visible, .emoji button[aria-pressed="true"] { background: var(--selected); }
footer { padding: 8px; display: flex; gap: 8px; align-items: flex-end; }
footer textarea { flex: 1; resize: none; font: inherit; font-size: 15px; padding: 9px 12px; border-radius: 20px;
  border: 0; background: var(--phone); color: var(--text); max-height: 120px; }
.attach { flex: none; width: 40px; height: 40px; display: grid; place-items: center; font-size: 20px;
  border-radius: 50%; cursor: pointer; color: var(--muted); }
.attach:focus-within { outline: 2px solid var(--accent); }
.attach input { position: absolute; width: 1px; height: 1px; opacity: 0; }
footer button { flex: none; border: 0; border-radius: 20px; height: 40px; padding: 0 16px; font: inherit;
  font-weight: 600; background: var(--accent); color: #fff; cursor: pointer; }
footer button:disabled { opacity: .5; cursor: default; }
.toast { color: var(--bad); font-size: 12px; padding: 0 14px 6px; }
.toast:empty { display: none; }
`;
