import type { LoaderFunctionArgs } from "@remix-run/node";
import { adminApplications } from "~/domain/admin/index.server";
import { parseFilter } from "~/domain/admin/list-filter";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { orNotFound } from "~/utils/not-found.server";

/**
 * The CSV of exactly the list the filter shows (the same query string), streamed a batch at a time.
 * A resource route: no page of its own.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const { scope } = await orNotFound(adminApplications.listScope(user.id, "fund.export"));
  const filter = parseFilter(new URL(request.url).searchParams);
  const body = adminApplications.exportApplications(user.id, scope, filter, requestInfo(request, context).ip);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="applications-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
