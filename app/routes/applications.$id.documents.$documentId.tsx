/**
 * Downloading an uploaded document: only for those who may see the application (its group, staff who may
 * see it, its panel later); another group's document answers exactly as one that does not exist. Always as
 * an attachment, under the name made safe at upload, with the type found in its content, never sniffed,
 * never cached. A file in which a virus was found is never sent.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { DocumentInfected, documentsService } from "~/domain/documents/index.server";
import { contentDisposition } from "~/domain/documents/documents.rules";
import { requireSignedIn } from "~/utils/auth.server";
import { idParam, orNotFound } from "~/utils/not-found.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  try {
    const file = await orNotFound(documentsService.download(user.id, idParam(params.id), idParam(params.documentId)));
    return new Response(createReadableStreamFromReadable(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": contentDisposition(file.filename),
        // X-Content-Type-Options: nosniff is on every response already (server/security-headers.ts).
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DocumentInfected) {
      return new Response("A virus was found in this file, so it cannot be downloaded.\n", { status: 410, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
    if (error instanceof Response && error.status === 404) {
      // The same words as every other page that is not there (server/app.ts), for a link that leads nowhere.
      return new Response("Sorry, we could not find that page. Check the web address, or go to the start page.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
    throw error;
  }
}
