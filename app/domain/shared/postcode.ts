/** Outward code (A9, A99, A9A, AA9, AA99, AA9A) then inward code (9AA); GIR 0AA is Girobank's. */
const POSTCODE = /^(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\d[A-Z]{2}$/;

/** "pe131jr" → "PE13 1JR"; null when it is not shaped like a UK postcode. Pure: forms use it in the browser too. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  if (!POSTCODE.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}
