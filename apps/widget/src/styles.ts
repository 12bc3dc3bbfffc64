/**
 * The widget's only stylesheet, inside its shadow root: the host page's CSS cannot reach in and
 * ours cannot leak out. `--sb-color` comes from the inbox settings.
 */
export const styles = `
:host { all: initial; }
* { box-sizing: border-box; }
.root { position: fixed; bottom: 20px; z-index: 2147483000; font: 14px/1.4 -apple-system,
  BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2328; }
.root[data-position="right"] { right: 20px; }
.root[data-position="left"] { left: 20px; }
button, input, select, textarea { font: inherit; color: inherit; }
.launcher { position: relative; width: 56px; height: 56px; border-radius: 50%; border: 0;
  background: var(--sb-color); color: #fff; cursor: pointer; box-shadow: 0 4px 14px #0004;
  display: grid; place-items: center; }
.root[data-position="right"] .launcher { margin-left: auto; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 20px; height: 20px; padding: 0 6px;
  border-radius: 10px; background: #e03131; color: #fff; font-size: 12px; font-weight: 700;
  line-height: 20px; text-align: center; }
.panel { width: min(360px, calc(100vw - 40px)); height: min(540px, calc(100vh - 110px));
  margin-bottom: 12px; background: #fff; border-radius: 14px; box-shadow: 0 8px 30px #0003;
  display: flex; flex-direction: column; overflow: hidden; }
.header { background: var(--sb-color); color: #fff; padding: 12px 14px; display: flex;
  align-items: center; gap: 8px; }
.header .title { flex: 1; font-weight: 600; font-size: 15px; }
.header button { background: transparent; border: 0; color: #fff; cursor: pointer; font-size: 20px;
  line-height: 1; padding: 2px 6px; }
.status { padding: 8px 14px; background: #f6f8fa; border-bottom: 1px solid #e5e7eb; font-size: 13px; }
.status:empty { display: none; }
.status p { margin: 2px 0; }
.reference { font-weight: 600; }
.connection { padding: 6px 14px; background: #fff3bf; color: #5c3c00; font-size: 13px; }
.body { position: relative; flex: 1; overflow-y: auto; padding: 14px; display: flex; flex-direction: column; gap: 8px; }
.greeting { background: #f1f3f5; border-radius: 12px; padding: 10px 12px; }
.greeting strong { display: block; }
form { display: flex; flex-direction: column; gap: 10px; }
label { display: flex; flex-direction: column; gap: 4px; font-size: 13px; font-weight: 600; }
input, select, textarea { border: 1px solid #ced4da; border-radius: 8px; padding: 8px 10px;
  background: #fff; font-weight: 400; }
.hint { font-size: 12px; color: #6b7280; font-weight: 400; }
.error { color: #c92a2a; font-size: 13px; }
.error:empty { display: none; }
.primary { background: var(--sb-color); color: #fff; border: 0; border-radius: 8px; padding: 9px 14px;
  font-weight: 600; cursor: pointer; }
.primary:disabled { opacity: .6; cursor: default; }
.messages { display: contents; }
.message { max-width: 80%; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.message .author { display: block; font-size: 12px; font-weight: 600; color: #495057; }
.message .state { display: block; font-size: 11px; opacity: .8; text-align: right; }
.message[data-direction="inbound"] { align-self: flex-end; background: var(--sb-color); color: #fff;
  border-bottom-right-radius: 4px; }
.message[data-direction="outbound"] { align-self: flex-start; background: #f1f3f5;
  border-bottom-left-radius: 4px; }
.message[data-automatic="true"] { align-self: center; background: transparent; color: #495057;
  border: 1px dashed #adb5bd; font-size: 13px; font-style: italic; text-align: center; }
.message[data-state="sending"] { opacity: .7; }
.message[data-state="failed"] { background: #fff5f5; color: #c92a2a; }
.notice { align-self: center; font-size: 13px; color: #6b7280; text-align: center; }
.compose { border-top: 1px solid #e5e7eb; }
.file-error { margin: 0; padding: 8px 12px 0; }
.composer { display: flex; flex-direction: row; gap: 8px; padding: 10px; align-items: center; }
.composer textarea { flex: 1; resize: none; height: 40px; max-height: 120px; }
.attach { background: transparent; border: 0; padding: 4px; cursor: pointer; color: #495057; }
.attach svg { width: 22px; height: 22px; fill: currentColor; display: block; }
.header .end { font-size: 12px; border: 1px solid #fff9; border-radius: 6px; padding: 3px 8px; }
.confirm { padding: 10px 14px; background: #fff5f5; border-bottom: 1px solid #ffc9c9; font-size: 13px; }
.confirm p { margin: 0 0 8px; }
.resume { padding: 10px 14px; background: #e7f5ff; border-bottom: 1px solid #a5d8ff; font-size: 13px; }
.resume p { margin: 0; }
.resume [role="alertdialog"] p { margin-bottom: 8px; }
.resume .actions { flex-wrap: wrap; }
.actions { display: flex; justify-content: flex-end; gap: 8px; align-items: center; }
.link { background: transparent; border: 0; padding: 0; color: #1c7ed6; cursor: pointer;
  text-decoration: underline; font-size: 13px; }
.offline-notice { margin: 0; padding: 8px 10px; border-radius: 8px; background: #fff3bf; font-size: 13px; }
.confirmation { align-self: stretch; background: #ebfbee; border: 1px solid #b2f2bb;
  border-radius: 10px; padding: 10px 12px; font-size: 13px; }
.confirmation p { margin: 4px 0 0; }
.join { align-self: center; display: flex; align-items: center; gap: 6px; font-size: 12px; color: #6b7280; }
.avatar { width: 24px; height: 24px; border-radius: 50%; object-fit: cover; background: var(--sb-color);
  color: #fff; display: inline-grid; place-items: center; font-size: 10px; font-weight: 700; }
.typing { margin: 0; font-size: 12px; color: #6b7280; font-style: italic; }
.thumb { display: block; max-width: 100%; max-height: 180px; border-radius: 8px; margin-top: 4px; }
.file { color: inherit; display: block; margin-top: 4px; }
progress { display: block; width: 100%; height: 6px; margin-top: 6px; }
.ending { display: flex; flex-direction: column; gap: 10px; border-top: 1px solid #e5e7eb; padding-top: 10px; }
.rating { gap: 6px; }
.question { font-weight: 600; font-size: 13px; }
.stars { display: flex; gap: 2px; }
.star { background: transparent; border: 0; font-size: 24px; line-height: 1; cursor: pointer;
  color: #ced4da; padding: 0 2px; }
.star[aria-pressed="true"] { color: #f59f00; }
.thanks { margin: 0; font-size: 13px; }
.transcript { flex-direction: row; gap: 6px; }
.transcript input { flex: 1; min-width: 0; }
[hidden] { display: none !important; }
`;
