/** One account per address: full-width, differently-cased or padded forms of an address are the same. */
export function normaliseEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}
