import type { FastifyInstance } from 'fastify';
import type { ResolvedSandboxOptions } from '../options';

type ShopOptions = ResolvedSandboxOptions['shop'];

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * "Tienda Sol", the demo shop: a product page like any customer's website, with the chat widget
 * embedded by the one script tag a real shop would paste. Its styles are deliberately loud
 * (global button and font rules) to show they do not reach inside the widget.
 */
export function shopPage(shop: ShopOptions): string {
  const widget = shop
    ? `<script src="${attribute(shop.widgetUrl)}" data-inbox="${attribute(shop.inboxId)}" async></script>`
    : '<p class="note">The chat is not configured: start the sandbox through <code>npm start</code>.</p>';
  return `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tienda Sol · Sombrero de paja</title>
<style>
* { font-family: Georgia, serif; }
body { margin: 0; background: #fffaf0; color: #3b2f1e; }
header { background: #f59f00; color: #fff; padding: 14px 24px; font-size: 22px; font-weight: 700; }
main { max-width: 880px; margin: 32px auto; padding: 0 20px; display: grid;
  grid-template-columns: 1fr 1fr; gap: 32px; }
.photo { aspect-ratio: 1; border-radius: 16px; background: radial-gradient(circle at 50% 40%,
  #ffe066 0 28%, #f59f00 29% 36%, #fff3bf 37%); }
h1 { margin-top: 0; }
.price { font-size: 26px; font-weight: 700; color: #e8590c; }
button { background: #e8590c; color: #fff; border: 0; padding: 14px 28px; font-size: 18px;
  border-radius: 4px; text-transform: uppercase; }
.note { grid-column: 1 / -1; color: #c92a2a; }
@media (max-width: 640px) { main { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<header>☀ Tienda Sol</header>
<main>
  <div class="photo" role="img" aria-label="Sombrero de paja"></div>
  <section>
    <h1>Sombrero de paja</h1>
    <p class="price">24,90 €</p>
    <p>Tejido a mano, ala ancha y cinta de algodón. Envío en 48 horas; devoluciones gratis durante 30 días.</p>
    <button type="button">Añadir a la cesta</button>
    <p>¿Dudas con la talla o con tu pedido? Escríbenos en el chat.</p>
  </section>
  ${widget}
</main>
</body>
</html>`;
}

export function registerShopPage(app: FastifyInstance, shop: ShopOptions): void {
  const page = shopPage(shop);
  app.get('/shop', (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
}
