/*
 * A one-button page that makes the demo busy: new customers write to every business number.
 * Self-contained like the phone pages; strings in English, Spanish and Portuguese.
 */
const strings = {
  en: {
    title: 'Busy day',
    intro: 'New customers write to every demo number (SMS and WhatsApp) so the inbox fills up.',
    count: 'Customers',
    spread: 'Over (seconds)',
    send: 'Start the rush',
    sent: '{n} customers are writing in. Watch the Waiting tab.',
    failed: 'The rush could not start: {reason}',
  },
  es: {
    title: 'Día de mucho trabajo',
    intro:
      'Clientes nuevos escriben a cada número de la demo (SMS y WhatsApp) para llenar la bandeja.',
    count: 'Clientes',
    spread: 'Durante (segundos)',
    send: 'Empezar',
    sent: '{n} clientes están escribiendo. Mira la pestaña En espera.',
    failed: 'No se pudo empezar: {reason}',
  },
  pt: {
    title: 'Dia movimentado',
    intro: 'Novos clientes escrevem para cada número da demo (SMS e WhatsApp) para encher a caixa.',
    count: 'Clientes',
    spread: 'Durante (segundos)',
    send: 'Começar',
    sent: '{n} clientes estão escrevendo. Veja a aba Em espera.',
    failed: 'Não foi possível começar: {reason}',
  },
};

export const rushPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchboard sandbox</title>
<style>
:root { color-scheme: light dark; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; }
body { max-width: 460px; margin: 10vh auto; padding: 0 20px; line-height: 1.45; }
h1 { font-size: 22px; margin: 0 0 8px; }
label { display: flex; justify-content: space-between; align-items: center; margin: 12px 0; gap: 12px; }
input { width: 110px; font: inherit; padding: 6px 8px; border-radius: 8px; border: 1px solid #8884; }
button { font: inherit; font-weight: 600; padding: 10px 18px; border: 0; border-radius: 10px;
  background: #0b84ff; color: #fff; cursor: pointer; margin-top: 8px; }
button:disabled { opacity: .6; cursor: default; }
#status { margin-top: 16px; min-height: 1.5em; }
#status[data-state="error"] { color: #dc2626; }
</style>
</head>
<body>
<h1 data-text="title"></h1>
<p data-text="intro"></p>
<label><span data-text="count"></span><input id="count" type="number" min="1" max="200" value="10" data-testid="rush-count"></label>
<label><span data-text="spread"></span><input id="spread" type="number" min="0" max="120" value="10" data-testid="rush-spread"></label>
<button id="send" data-text="send" data-testid="rush-send"></button>
<div id="status" role="status" data-testid="rush-status"></div>
<script>
const strings = ${JSON.stringify(strings)};
const language = (navigator.language || 'en').slice(0, 2);
const t = strings[language] || strings.en;
document.documentElement.lang = strings[language] ? language : 'en';
for (const node of document.querySelectorAll('[data-text]')) node.textContent = t[node.dataset.text];
const status = document.getElementById('status');
const button = document.getElementById('send');
button.addEventListener('click', async () => {
  button.disabled = true;
  status.dataset.state = '';
  try {
    const response = await fetch('/sandbox/rush', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        count: Number(document.getElementById('count').value),
        spreadMs: Number(document.getElementById('spread').value) * 1000,
      }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.message || body.error?.message || response.status);
    status.textContent = t.sent.replace('{n}', body.scheduled.length);
  } catch (error) {
    status.dataset.state = 'error';
    status.textContent = t.failed.replace('{reason}', error.message);
  } finally {
    button.disabled = false;
  }
});
</script>
</body>
</html>
`;
