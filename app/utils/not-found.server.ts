import { DraftNotFound, NotFoundError } from "~/domain/applications/index.server";
import { isNotFound } from "~/domain/organisations/index.server";

/** A service's "not yours or not there" becomes the 404 page, the same for both. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isNotFound(error) || error instanceof DraftNotFound || error instanceof NotFoundError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

/** A positive whole-number id from the URL, or a 404. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}
