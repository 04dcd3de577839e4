/** A staff number as people write it ("0812-3456-7890", "+62 812…") as the chat id whatsapp-web.js expects. */
export function toWhatsappChatId(address: string): string {
  if (address.includes('@')) return address;
  const digits = address.replace(/\D/g, '');
  return `${digits.startsWith('0') ? `62${digits.slice(1)}` : digits}@c.us`;
}
