/** A plain webmail look, light and dark, so the demo reads as "the customer's mailbox". */
export const mailStyles = `
:root {
  color-scheme: light dark;
  --bg: #f6f8fc; --panel: #ffffff; --line: #dde3ea; --text: #1f1f1f; --muted: #5f6368;
  --accent: #0b57d0; --accent-text: #ffffff; --mine: #e8f0fe; --bad: #b3261e; --quote: #5f6368;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #111418; --panel: #1b1f24; --line: #2d333b; --text: #e6e8eb; --muted: #9aa0a6;
    --accent: #a8c7fa; --accent-text: #062e6f; --mine: #1f2a3a; --bad: #f2b8b5; --quote: #9aa0a6; }
}
* { box-sizing: border-box; }
html, body { margin: 0; min-height: 100%; background: var(--bg); color: var(--text); }
.layout { max-width: 1100px; margin: 0 auto; padding: 16px; display: grid; gap: 16px;
  grid-template-columns: minmax(0, 1fr); }
@media (min-width: 860px) { .layout { grid-template-columns: 340px minmax(0, 1fr); align-items: start; } }
h1 { margin: 0 0 12px; font-size: 20px; font-weight: 600; }
h2 { margin: 0 0 10px; font-size: 15px; font-weight: 600; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 12px; padding: 14px; }
.field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 10px; font-size: 13px; }
.field label { color: var(--muted); }
input, select, textarea { font: inherit; font-size: 14px; padding: 7px 9px; border: 1px solid var(--line);
  border-radius: 8px; background: var(--panel); color: var(--text); min-width: 0; }
input[aria-invalid="true"] { border-color: var(--bad); }
textarea { resize: vertical; min-height: 110px; }
button { font: inherit; font-size: 14px; border-radius: 18px; padding: 7px 16px; cursor: pointer;
  border: 1px solid var(--line); background: var(--panel); color: var(--accent); font-weight: 600; }
button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
button:disabled { opacity: .5; cursor: default; }
.hint, .toast { color: var(--bad); font-size: 12px; margin: 4px 0; }
.hint:empty, .toast:empty { display: none; }
.toast.ok { color: var(--muted); }
.threads { display: flex; flex-direction: column; gap: 12px; }
.empty { color: var(--muted); font-size: 14px; text-align: center; padding: 32px 12px; }
.thread h2 { overflow-wrap: anywhere; }
.message { border-top: 1px solid var(--line); padding: 10px 0; }
.message:first-of-type { border-top: 0; }
.message[data-direction="out"] { background: var(--mine); margin: 0 -14px; padding: 10px 14px; }
.head { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; font-size: 13px; }
.head strong { font-size: 14px; }
.head .address, .head time, .recipients { color: var(--muted); font-size: 12.5px; }
.head time { margin-left: auto; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 14px; line-height: 1.45; margin: 8px 0 4px; }
details.quoted { color: var(--quote); font-size: 13px; }
details.quoted summary { cursor: pointer; width: fit-content; }
details.quoted div { white-space: pre-wrap; overflow-wrap: anywhere; }
.attachments { display: flex; gap: 6px; flex-wrap: wrap; margin: 6px 0; font-size: 12.5px; }
.attachments span { border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; }
.problem { color: var(--bad); font-size: 12.5px; margin: 4px 0; }
.actions { display: flex; gap: 8px; margin-top: 6px; }
iframe.html { width: 100%; height: 240px; border: 1px solid var(--line); border-radius: 8px; background: #fff;
  resize: vertical; overflow: auto; margin-top: 8px; }
.reply-form { margin-top: 10px; display: flex; flex-direction: column; gap: 8px; }
.reply-form .row { display: flex; gap: 8px; align-items: center; font-size: 13px; }
.reply-form .row label { color: var(--muted); }
`;
