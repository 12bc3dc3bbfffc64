/**
 * What the visitor typed as "email or phone", in the form the API takes, or null when it is
 * neither. Phone numbers need their country code, since the shop may be anywhere.
 */
export function parseContact(typed: string): { email: string } | { phone: string } | null {
  const value = typed.trim();
  if (value.includes('@'))
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? { email: value.toLowerCase() } : null;
  const phone = value.replace(/[\s().-]/g, '').replace(/^00/, '+');
  return /^\+[1-9]\d{6,14}$/.test(phone) ? { phone } : null;
}
