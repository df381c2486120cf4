/** One account per address: full-width, differently-cased or padded forms of an address are the same. */
export function normaliseEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

/** Shaped like an email address (the confirmation email proves the rest). */
export function isEmailAddress(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

export const EMAIL_FORMAT_MESSAGE = "Enter an email address in the correct format, like name@example.com";
