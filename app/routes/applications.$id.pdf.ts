/** A copy of an application as a PDF, for the group's members and staff who may see it; 404 for anyone else. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { applicationPdfs } from "~/domain/applications/application-pdf.server";
import { requireSignedIn } from "~/utils/auth.server";
import { pdfDownload } from "~/utils/download";
import { idParam, orNotFound } from "~/utils/not-found.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const file = await orNotFound(applicationPdfs.copy(user.id, idParam(params.id)));
  return pdfDownload(file, "no-store");
}
