/** A fund stage's printable form (PDF), for people who cannot apply online: public, the same for everyone. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { applicationPdfs } from "~/domain/applications/application-pdf.server";
import { pdfDownload } from "~/utils/download";

export async function loader({ params }: LoaderFunctionArgs) {
  const file = await applicationPdfs.blankForm(params.slug ?? "", params.stage ?? "");
  if (!file) throw new Response("Not found", { status: 404 });
  return pdfDownload(file, "public, max-age=600");
}
