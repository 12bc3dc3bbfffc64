/** Every string the visitor reads, in the languages the inbox speaks; picked from the browser. */

const en = {
  open: 'Chat with us',
  minimize: 'Minimize chat',
  greeting: 'Hi! How can we help you today?',
  greetingNamed: 'Hi {name}!',
  name: 'Your name',
  contact: 'Email or phone',
  contactHint: 'So we can answer even if you leave the page.',
  subject: 'What is it about?',
  start: 'Start chat',
  nameRequired: 'Please tell us your name.',
  contactInvalid: 'Enter an email, or a phone number with its country code (+34 600 000 000).',
  startFailed: 'The chat could not start. Please try again.',
  placeholder: 'Write a message…',
  send: 'Send',
  reference: 'Your reference: {reference}',
  queue: 'You are number {n} in line',
  waiting: 'Waiting for the next available agent',
  agent: 'You are chatting with {name}',
  closed: 'This conversation has ended. Write to start a new one.',
  reconnecting: 'Reconnecting…',
  sending: 'Sending…',
  sent: 'Sent',
  notSent: 'Not sent',
};

export type Strings = typeof en;

const es: Strings = {
  open: 'Chatea con nosotros',
  minimize: 'Minimizar el chat',
  greeting: '¡Hola! ¿En qué podemos ayudarte?',
  greetingNamed: '¡Hola, {name}!',
  name: 'Tu nombre',
  contact: 'Email o teléfono',
  contactHint: 'Para poder responderte aunque salgas de la página.',
  subject: '¿Sobre qué es?',
  start: 'Empezar el chat',
  nameRequired: 'Dinos tu nombre, por favor.',
  contactInvalid: 'Escribe un email, o un teléfono con su prefijo de país (+34 600 000 000).',
  startFailed: 'No se pudo empezar el chat. Inténtalo de nuevo.',
  placeholder: 'Escribe un mensaje…',
  send: 'Enviar',
  reference: 'Tu referencia: {reference}',
  queue: 'Eres el número {n} en la fila',
  waiting: 'Esperando al próximo agente disponible',
  agent: 'Estás hablando con {name}',
  closed: 'Esta conversación terminó. Escribe para empezar otra.',
  reconnecting: 'Reconectando…',
  sending: 'Enviando…',
  sent: 'Enviado',
  notSent: 'No enviado',
};

const pt: Strings = {
  open: 'Fale conosco',
  minimize: 'Minimizar o chat',
  greeting: 'Olá! Como podemos ajudar?',
  greetingNamed: 'Olá, {name}!',
  name: 'Seu nome',
  contact: 'E-mail ou telefone',
  contactHint: 'Para podermos responder mesmo se você sair da página.',
  subject: 'Sobre o que é?',
  start: 'Começar o chat',
  nameRequired: 'Diga-nos o seu nome, por favor.',
  contactInvalid: 'Digite um e-mail, ou um telefone com o código do país (+55 11 90000 0000).',
  startFailed: 'Não foi possível começar o chat. Tente de novo.',
  placeholder: 'Escreva uma mensagem…',
  send: 'Enviar',
  reference: 'Sua referência: {reference}',
  queue: 'Você é o número {n} na fila',
  waiting: 'Aguardando o próximo agente disponível',
  agent: 'Você está falando com {name}',
  closed: 'Esta conversa terminou. Escreva para começar outra.',
  reconnecting: 'Reconectando…',
  sending: 'Enviando…',
  sent: 'Enviado',
  notSent: 'Não enviado',
};

const dictionaries: Record<string, Strings> = { en, es, pt };

export function pickStrings(languages: readonly string[]): Strings {
  for (const language of languages) {
    const found = dictionaries[language.toLowerCase().split('-')[0] ?? ''];
    if (found) return found;
  }
  return en;
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
