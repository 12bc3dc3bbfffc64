import { asNumber, asObject, asObjects, asText, type JsonObject } from './read-json';

/** A shared location, shown where it points: `📍 name · address · lat, long`. */
export function describeLocation(location: JsonObject) {
  const latitude = asNumber(location.latitude) ?? null;
  const longitude = asNumber(location.longitude) ?? null;
  const name = asText(location.name) || null;
  const address = asText(location.address) || null;
  const url = asText(location.url) || null;
  const coordinates = latitude !== null && longitude !== null ? `${latitude}, ${longitude}` : null;
  const text = `📍 ${[name, address, coordinates].filter(Boolean).join(' · ')}`;
  // `label` matches the location Twilio inboxes record, so both read the same way.
  return { text, location: { latitude, longitude, label: name ?? address, address, url } };
}

/** Shared contact cards, one line each: `👤 Name · +phone · email`. */
export function describeContacts(cards: unknown) {
  const contacts = asObjects(cards).map((card) => {
    const name = asObject(card.name);
    const fullName =
      asText(name?.formatted_name) ||
      [asText(name?.first_name), asText(name?.last_name)].filter(Boolean).join(' ') ||
      null;
    const phones = asObjects(card.phones).flatMap((phone) => {
      const waId = asText(phone.wa_id);
      const number = asText(phone.phone) || (waId ? `+${waId}` : undefined);
      return number
        ? [{ phone: number, waId: waId ?? null, type: asText(phone.type) ?? null }]
        : [];
    });
    const emails = asObjects(card.emails).flatMap((email) => asText(email.email) ?? []);
    const company = asText(asObject(card.org)?.company) ?? null;
    return { name: fullName, phones, emails, company };
  });
  const text = contacts
    .map((contact) =>
      [
        `👤 ${contact.name ?? 'Contact'}`,
        ...contact.phones.map((phone) => phone.phone),
        ...contact.emails,
      ].join(' · '),
    )
    .join('\n');
  return { text, contacts };
}
