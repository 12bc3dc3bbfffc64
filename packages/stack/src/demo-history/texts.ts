/**
 * What the demo's past customers and agents wrote, in the three languages the demo speaks.
 * Placeholders: {name} the customer's first name, {agent} the agent's first name, {order},
 * {invoice}, {amount} and {ref} (the conversation's reference).
 */
export type HistoryLanguage = 'es' | 'pt' | 'en';

export interface TopicLines {
  subject: string;
  /** The customer's first message; one is picked. */
  asks: string[];
  /** The agent's first reply. */
  reply: string;
  /** The customer's follow-up question and the agent's next reply. */
  follow: string;
  answer: string;
}

export interface Topic {
  key: string;
  /** Billing questions go to the Billing team with the billing tag, as the demo's rule does. */
  billing: boolean;
  /** The agent's first reply asks something back, so the customer always answers it. */
  asksBack?: boolean;
  lines: Record<HistoryLanguage, TopicLines>;
}

export const topics: Topic[] = [
  {
    key: 'order_status',
    billing: false,
    lines: {
      es: {
        subject: 'Estado de mi pedido {order}',
        asks: [
          'Hola, ¿me pueden decir en qué va mi pedido {order}? Lo compré hace 3 días.',
          'Buenas tardes, quiero saber el estado de mi pedido {order}',
        ],
        reply:
          'Hola {name}, soy {agent}. Ya revisé tu pedido {order}: salió de nuestro almacén ayer y va en camino con la paquetería.',
        follow: '¿Y más o menos cuándo me llega?',
        answer:
          'La paquetería marca entrega para mañana entre 9:00 y 18:00. Te llegará un SMS con el número de guía.',
      },
      pt: {
        subject: 'Status do pedido {order}',
        asks: [
          'Oi, podem me dizer como está o meu pedido {order}?',
          'Boa tarde, queria saber o status do pedido {order}',
        ],
        reply:
          'Olá {name}, aqui é {agent}. Verifiquei o pedido {order}: ele saiu do nosso centro de distribuição ontem e já está com a transportadora.',
        follow: 'E quando mais ou menos chega?',
        answer:
          'A previsão de entrega é amanhã, entre 9h e 18h. Você vai receber o código de rastreio por SMS.',
      },
      en: {
        subject: 'Where is my order {order}?',
        asks: [
          'Hi, could you tell me where my order {order} is?',
          "Hello, I'd like an update on order {order}, I placed it three days ago.",
        ],
        reply:
          'Hi {name}, this is {agent}. I checked order {order}: it left our warehouse yesterday and is on its way with the carrier.',
        follow: 'Great, when should I expect it?',
        answer:
          "The carrier shows delivery tomorrow between 9 am and 6 pm. You'll get a text with the tracking number.",
      },
    },
  },
  {
    key: 'late_delivery',
    billing: false,
    lines: {
      es: {
        subject: 'Pedido {order} retrasado',
        asks: [
          'Mi pedido {order} debía llegar ayer y no ha llegado nada',
          'Hola, llevo una semana esperando el pedido {order}, ¿qué pasó?',
        ],
        reply:
          'Hola {name}, soy {agent}. Lamento el retraso. La guía de tu pedido {order} muestra un incidente en el centro de distribución; ya abrí un reporte con la paquetería.',
        follow: '¿Entonces qué hago? Lo necesito para el fin de semana.',
        answer:
          'Pedí envío prioritario sin costo: te llega a más tardar el jueves. Si no llega, te devolvemos el costo del envío.',
      },
      pt: {
        subject: 'Pedido {order} atrasado',
        asks: [
          'Meu pedido {order} deveria ter chegado ontem e nada até agora',
          'Oi, estou esperando o pedido {order} há uma semana, o que aconteceu?',
        ],
        reply:
          'Olá {name}, aqui é {agent}. Sinto muito pelo atraso. O rastreio do pedido {order} mostra uma ocorrência no centro de distribuição; já abri uma reclamação com a transportadora.',
        follow: 'E agora? Preciso dele até o fim de semana.',
        answer:
          'Solicitei envio prioritário sem custo: ele chega até quinta-feira. Se não chegar, devolvemos o valor do frete.',
      },
      en: {
        subject: 'Order {order} is late',
        asks: [
          'My order {order} was supposed to arrive yesterday and nothing came',
          "Hi, I've been waiting a week for order {order}, what happened?",
        ],
        reply:
          "Hi {name}, this is {agent}. Sorry about the delay. Tracking for order {order} shows an exception at the sorting center; I've opened a claim with the carrier.",
        follow: 'So what now? I need it by the weekend.',
        answer:
          "I upgraded it to priority shipping at no cost: it will arrive by Thursday at the latest. If it doesn't, we'll refund the shipping.",
      },
    },
  },
  {
    key: 'wrong_item',
    billing: false,
    lines: {
      es: {
        subject: 'Cambio del pedido {order}',
        asks: [
          'Me llegó una talla equivocada en el pedido {order}, pedí M y me mandaron L',
          'Hola, el producto del pedido {order} llegó dañado',
        ],
        reply:
          'Hola {name}, soy {agent}. Perdón por la molestia. Te envié a tu correo una guía de devolución prepagada; en cuanto la paquetería recoja el paquete mandamos el cambio.',
        follow: 'Ok, ¿tengo que imprimir la guía?',
        answer:
          'Sí, imprímela y pégala en la caja. Si no tienes impresora, muestra el código QR en cualquier sucursal de la paquetería.',
      },
      pt: {
        subject: 'Troca do pedido {order}',
        asks: [
          'Chegou o tamanho errado no pedido {order}, pedi M e veio G',
          'Oi, o produto do pedido {order} chegou danificado',
        ],
        reply:
          'Olá {name}, aqui é {agent}. Desculpe o transtorno. Enviei para o seu e-mail uma etiqueta de devolução pré-paga; assim que a transportadora coletar, mandamos a troca.',
        follow: 'Certo, preciso imprimir a etiqueta?',
        answer:
          'Sim, imprima e cole na caixa. Se não tiver impressora, é só mostrar o QR code em qualquer agência dos Correios.',
      },
      en: {
        subject: 'Wrong item in order {order}',
        asks: [
          'I got the wrong size in order {order}, I ordered M and got L',
          'Hi, the item in order {order} arrived damaged',
        ],
        reply:
          "Hi {name}, this is {agent}. Sorry about that. I've emailed you a prepaid return label; as soon as the carrier picks it up we'll ship the replacement.",
        follow: 'OK, do I need to print the label?',
        answer:
          'Yes, print it and stick it on the box. No printer? Just show the QR code at any carrier drop-off point.',
      },
    },
  },
  {
    key: 'password',
    billing: false,
    lines: {
      es: {
        subject: 'No puedo iniciar sesión',
        asks: [
          'No puedo entrar a mi cuenta, dice que la contraseña es incorrecta',
          'Hola, no me llega el correo para restablecer mi contraseña',
        ],
        reply:
          'Hola {name}, soy {agent}. Te acabo de enviar un enlace para restablecer tu contraseña; es válido por 30 minutos. Revisa también la carpeta de spam.',
        follow: 'Ya me llegó, pero me dice que el enlace expiró',
        answer:
          'Te mandé uno nuevo hace un momento. Ábrelo desde el mismo navegador donde vas a iniciar sesión y debería funcionar.',
      },
      pt: {
        subject: 'Não consigo acessar minha conta',
        asks: [
          'Não consigo entrar na minha conta, diz que a senha está incorreta',
          'Oi, não recebo o e-mail para redefinir a senha',
        ],
        reply:
          'Olá {name}, aqui é {agent}. Acabei de enviar um link para redefinir sua senha; ele vale por 30 minutos. Confira também a caixa de spam.',
        follow: 'Chegou, mas diz que o link expirou',
        answer:
          'Enviei um novo agora há pouco. Abra no mesmo navegador em que vai fazer login e deve funcionar.',
      },
      en: {
        subject: "Can't log in",
        asks: [
          "I can't log in to my account, it says my password is wrong",
          "Hi, I'm not getting the password reset email",
        ],
        reply:
          "Hi {name}, this is {agent}. I've just sent you a password reset link; it's valid for 30 minutes. Please check your spam folder too.",
        follow: 'Got it, but it says the link has expired',
        answer:
          "I've sent a fresh one just now. Open it in the same browser you sign in with and it should work.",
      },
    },
  },
  {
    key: 'address_change',
    billing: false,
    asksBack: true,
    lines: {
      es: {
        subject: 'Cambio de dirección',
        asks: [
          '¿Puedo cambiar la dirección de entrega del pedido {order}? Me equivoqué de colonia',
          'Hola, necesito cambiar la dirección de envío de mi pedido {order}',
        ],
        reply:
          'Hola {name}, soy {agent}. Todavía no sale del almacén, así que sí se puede. ¿Me compartes la dirección completa con código postal?',
        follow: 'Av. Insurgentes Sur 1602, int. 4, col. Crédito Constructor, CP 03940',
        answer:
          'Listo, ya quedó actualizada la dirección del pedido {order}. La fecha de entrega no cambia.',
      },
      pt: {
        subject: 'Alteração de endereço',
        asks: [
          'Posso mudar o endereço de entrega do pedido {order}? Errei o número',
          'Oi, preciso alterar o endereço do meu pedido {order}',
        ],
        reply:
          'Olá {name}, aqui é {agent}. O pedido ainda não saiu do estoque, então dá sim. Pode me passar o endereço completo com CEP?',
        follow: 'Rua Augusta, 1508, apto 72, Consolação, São Paulo, CEP 01304-001',
        answer:
          'Pronto, o endereço do pedido {order} foi atualizado. A data de entrega continua a mesma.',
      },
      en: {
        subject: 'Change delivery address',
        asks: [
          'Can I change the delivery address for order {order}? I typed the wrong apartment number',
          'Hi, I need to change the shipping address on order {order}',
        ],
        reply:
          "Hi {name}, this is {agent}. It hasn't left the warehouse yet, so yes. Could you send me the full address with ZIP code?",
        follow: '1458 Oak Street, Apt 3B, Portland, OR 97205',
        answer: 'Done, the address on order {order} is updated. The delivery date stays the same.',
      },
    },
  },
  {
    key: 'invoice',
    billing: true,
    lines: {
      es: {
        subject: 'Factura del pedido {order}',
        asks: [
          'Necesito la factura de mi compra {order}, ¿me la pueden enviar?',
          'Hola, la factura del pedido {order} salió con mi RFC mal',
        ],
        reply:
          'Hola {name}, soy {agent}, del equipo de facturación. Ya generé la factura {invoice} del pedido {order} y te la envié por correo en PDF y XML.',
        follow: 'Gracias, ¿la pueden hacer a nombre de mi empresa?',
        answer:
          'Claro. Cancelé la anterior y emití la {invoice}-A con la razón social y el RFC de tu cuenta empresarial. Ya está en tu correo.',
      },
      pt: {
        subject: 'Nota fiscal do pedido {order}',
        asks: [
          'Preciso da nota fiscal da compra {order}, podem me enviar?',
          'Oi, a nota fiscal do pedido {order} saiu com o CPF errado',
        ],
        reply:
          'Olá {name}, aqui é {agent}, do time de faturamento. Emiti a nota fiscal {invoice} do pedido {order} e enviei para o seu e-mail.',
        follow: 'Obrigado. Dá para emitir no CNPJ da minha empresa?',
        answer:
          'Claro. Cancelei a anterior e emiti a {invoice}-A com o CNPJ cadastrado na sua conta empresarial. Já está no seu e-mail.',
      },
      en: {
        subject: 'Invoice for order {order}',
        asks: [
          'I need an invoice for order {order}, can you send it?',
          'Hi, the invoice for order {order} has the wrong company name',
        ],
        reply:
          "Hi {name}, this is {agent} from billing. I've issued invoice {invoice} for order {order} and emailed it to you as a PDF.",
        follow: 'Thanks. Could you add our VAT number to it?',
        answer:
          "Of course. I've reissued it as {invoice}-A with your company's VAT number. It's in your inbox.",
      },
    },
  },
  {
    key: 'refund',
    billing: true,
    lines: {
      es: {
        subject: 'Reembolso del pedido {order}',
        asks: [
          'Devolví el pedido {order} hace 10 días y no me han hecho el reembolso',
          'Hola, ¿cuándo me llega el reembolso de {amount} del pedido {order}?',
        ],
        reply:
          'Hola {name}, soy {agent}, de facturación. Tu devolución llegó al almacén el martes; acabo de autorizar el reembolso de {amount} a tu tarjeta.',
        follow: '¿En cuánto tiempo se ve reflejado?',
        answer:
          'Depende del banco, normalmente de 3 a 5 días hábiles. Te envié el comprobante del reembolso por correo.',
      },
      pt: {
        subject: 'Reembolso do pedido {order}',
        asks: [
          'Devolvi o pedido {order} há 10 dias e ainda não recebi o reembolso',
          'Oi, quando cai o reembolso de {amount} do pedido {order}?',
        ],
        reply:
          'Olá {name}, aqui é {agent}, do faturamento. Sua devolução chegou ao estoque na terça; acabei de aprovar o reembolso de {amount} no seu cartão.',
        follow: 'Em quanto tempo aparece na fatura do cartão?',
        answer:
          'Depende do banco, normalmente de 3 a 5 dias úteis. Enviei o comprovante do reembolso por e-mail.',
      },
      en: {
        subject: 'Refund for order {order}',
        asks: [
          "I returned order {order} ten days ago and still haven't had a refund",
          'Hi, when will I get the {amount} refund for order {order}?',
        ],
        reply:
          "Hi {name}, this is {agent} from billing. Your return reached the warehouse on Tuesday; I've just approved the {amount} refund to your card.",
        follow: 'How long until I see it?',
        answer:
          "It depends on your bank, usually 3 to 5 business days. I've emailed you the refund receipt.",
      },
    },
  },
  {
    key: 'double_charge',
    billing: true,
    lines: {
      es: {
        subject: 'Cobro duplicado',
        asks: [
          'Me rechazaron el pago con tarjeta pero sí me hicieron el cargo',
          'Hola, intenté pagar el pedido {order} y me aparece un cobro doble',
        ],
        reply:
          'Hola {name}, soy {agent}, de facturación. Veo dos intentos de pago en el pedido {order}: uno aprobado y otro que el banco solo retuvo. La retención se libera sola.',
        follow: '¿Y cuánto tarda en liberarse?',
        answer:
          'Entre 24 y 72 horas según el banco. Si el viernes sigue apareciendo, escríbenos con tu referencia {ref} y lo vemos con el banco.',
      },
      pt: {
        subject: 'Cobrança em dobro',
        asks: [
          'Meu pagamento com cartão foi recusado mas a cobrança apareceu, quero o reembolso',
          'Oi, tentei pagar o pedido {order} e apareceu uma cobrança em dobro',
        ],
        reply:
          'Olá {name}, aqui é {agent}, do faturamento. Vejo duas tentativas de pagamento no pedido {order}: uma aprovada e outra que o banco só reservou. A reserva é liberada automaticamente.',
        follow: 'E quanto tempo leva para liberar?',
        answer:
          'De 24 a 72 horas, dependendo do banco. Se na sexta ainda aparecer, fale com a gente informando a referência {ref} que acionamos o banco.',
      },
      en: {
        subject: 'Double charge on my card',
        asks: [
          'My card payment was declined but I was still charged',
          'Hi, I tried to pay for order {order} and the payment went through twice',
        ],
        reply:
          'Hi {name}, this is {agent} from billing. I see two payment attempts on order {order}: one approved and one the bank only put on hold. The hold is released automatically.',
        follow: 'How long does that take?',
        answer:
          "24 to 72 hours depending on your bank. If it's still there on Friday, write to us quoting {ref} and we'll raise it with the bank.",
      },
    },
  },
];

export interface CommonLines {
  /** A second follow-up and its answer, for longer threads (paired by index). */
  moreQuestions: string[];
  moreAnswers: string[];
  thanks: string[];
  /** The customer gives up waiting. */
  nudges: string[];
  /** The customer no longer needs help: the agent closes it as cancelled. */
  neverMind: string[];
  /** An agent's question the customer never answers (closed as no reply). */
  askDetails: string;
  /** The customer comes back after the close (reopened). */
  comeBack: string[];
  comeBackAnswer: string;
  /** Support's offline auto-reply, as the live demo sends it (120 minutes expected). */
  offline: string;
  /** Email sign-offs. */
  customerSignOff: string;
  agentSignOff: string;
}

export const common: Record<HistoryLanguage, CommonLines> = {
  es: {
    moreQuestions: [
      '¿Me lo pueden confirmar por correo, por favor?',
      'Perfecto. Si tengo otra duda, ¿les escribo por aquí mismo?',
    ],
    moreAnswers: [
      'Claro, ya te lo envié por correo.',
      'Sí, por aquí mismo. Con tu referencia {ref} te ubicamos rápido.',
    ],
    thanks: [
      '¡Muchas gracias!',
      'Perfecto, gracias por la ayuda 🙌',
      'Listo, muchas gracias',
      'Excelente servicio, gracias',
    ],
    nudges: ['¿Hay alguien?', 'Hola??', 'Sigo esperando...'],
    neverMind: [
      'Ya lo encontré, perdón. Pueden ignorar mi mensaje.',
      'Perdón, era para otro número',
    ],
    askDetails:
      'Hola {name}, soy {agent}. Con gusto te ayudo. ¿Me confirmas el correo con el que hiciste la compra para ubicar tu cuenta?',
    comeBack: ['Hola de nuevo, sigo con el mismo problema', 'Perdón, una duda más sobre lo mismo'],
    comeBackAnswer:
      'Hola de nuevo, {name}. Lo revisé otra vez y ya quedó resuelto; te dejé los detalles en tu correo.',
    offline:
      'Gracias por escribirnos. En este momento no hay nadie disponible; tu referencia es {ref} y esperamos responderte en unos 120 minutos.',
    customerSignOff: 'Saludos',
    agentSignOff: 'Saludos',
  },
  pt: {
    moreQuestions: [
      'Podem me confirmar por e-mail, por favor?',
      'Perfeito. Se eu tiver outra dúvida, falo com vocês por aqui mesmo?',
    ],
    moreAnswers: [
      'Claro, já enviei para o seu e-mail.',
      'Isso, por aqui mesmo. Com a referência {ref} a gente te encontra rapidinho.',
    ],
    thanks: ['Muito obrigado!', 'Perfeito, obrigada pela ajuda 🙌', 'Show, valeu!'],
    nudges: ['Tem alguém aí?', 'Oi??', 'Ainda estou esperando...'],
    neverMind: ['Já achei, desculpe. Podem ignorar.', 'Desculpe, era para outro número'],
    askDetails:
      'Olá {name}, aqui é {agent}. Vou te ajudar. Pode me confirmar o e-mail usado na compra para eu localizar sua conta?',
    comeBack: [
      'Oi de novo, continuo com o mesmo problema',
      'Desculpe, mais uma dúvida sobre o mesmo assunto',
    ],
    comeBackAnswer:
      'Oi de novo, {name}. Verifiquei outra vez e já está resolvido; deixei os detalhes no seu e-mail.',
    offline:
      'Obrigado pela mensagem. No momento não há ninguém disponível; sua referência é {ref} e esperamos responder em cerca de 120 minutos.',
    customerSignOff: 'Atenciosamente',
    agentSignOff: 'Abraço',
  },
  en: {
    moreQuestions: [
      'Could you confirm that by email, please?',
      'Perfect. If I have another question, can I write here?',
    ],
    moreAnswers: [
      "Sure, I've just emailed it to you.",
      'Yes, right here. Quote {ref} and we will find you quickly.',
    ],
    thanks: ['Thanks so much!', 'Perfect, thank you 🙌', 'Great, thanks for the help'],
    nudges: ['Anyone there?', 'Hello??', 'Still waiting...'],
    neverMind: ['Never mind, I found it. Sorry!', 'Sorry, wrong number'],
    askDetails:
      'Hi {name}, this is {agent}. Happy to help. Could you confirm the email address you ordered with, so I can find your account?',
    comeBack: ['Hi again, I still have the same problem', 'Sorry, one more question about this'],
    comeBackAnswer:
      "Hi again, {name}. I looked into it again and it's sorted now; I've emailed you the details.",
    offline:
      'Thanks for writing. Nobody is available right now; your reference is {ref} and we expect to answer within about 120 minutes.',
    customerSignOff: 'Thanks',
    agentSignOff: 'Best regards',
  },
};

/** First and last names per language; contacts are drawn from these. */
export const names: Record<HistoryLanguage, { first: string[]; last: string[] }> = {
  es: {
    first: [
      'María',
      'José',
      'Guadalupe',
      'Juan',
      'Fernanda',
      'Luis',
      'Daniela',
      'Carlos',
      'Mariana',
      'Jorge',
      'Alejandra',
      'Miguel',
      'Valeria',
      'Ricardo',
      'Paola',
      'Eduardo',
      'Ximena',
      'Roberto',
      'Gabriela',
      'Héctor',
      'Claudia',
      'Arturo',
      'Regina',
      'Emilio',
    ],
    last: [
      'Hernández',
      'García',
      'Martínez',
      'López',
      'González',
      'Rodríguez',
      'Pérez',
      'Sánchez',
      'Ramírez',
      'Cruz',
      'Flores',
      'Gómez',
      'Morales',
      'Vázquez',
      'Reyes',
      'Jiménez',
      'Torres',
      'Díaz',
      'Gutiérrez',
      'Ruiz',
      'Mendoza',
      'Aguilar',
      'Castillo',
      'Ortiz',
    ],
  },
  pt: {
    first: [
      'João',
      'Maria',
      'Pedro',
      'Ana Clara',
      'Lucas',
      'Juliana',
      'Gabriel',
      'Beatriz',
      'Rafael',
      'Larissa',
      'Thiago',
      'Camila',
      'Felipe',
      'Fernanda',
      'Gustavo',
      'Letícia',
    ],
    last: [
      'Silva',
      'Santos',
      'Oliveira',
      'Souza',
      'Lima',
      'Pereira',
      'Costa',
      'Ferreira',
      'Almeida',
      'Ribeiro',
      'Carvalho',
      'Gomes',
      'Rocha',
      'Barbosa',
    ],
  },
  en: {
    first: [
      'Emily',
      'James',
      'Olivia',
      'Michael',
      'Sarah',
      'David',
      'Jessica',
      'Ryan',
      'Hannah',
      'Kevin',
      'Megan',
      'Brian',
    ],
    last: [
      'Johnson',
      'Smith',
      'Williams',
      'Brown',
      'Miller',
      'Davis',
      'Wilson',
      'Anderson',
      'Taylor',
      'Moore',
      'Clark',
      'Walker',
    ],
  },
};

/** Fills `{key}` placeholders; unknown ones stay as written. */
export const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
