import type { MetaDescriptor } from "@remix-run/node";

interface RootMatch {
  id: string;
  data?: unknown;
}

/** "Page – Apply for a community grant – Cambridgeshire County Council", as GOV.UK titles pages. */
export function pageTitle(matches: readonly RootMatch[], page: string | null, opts: { error?: boolean } = {}): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { settings?: { serviceName: string; operatorName: string }; formErrors?: boolean } | undefined;
  const parts = [page, root?.settings?.serviceName ?? "Apply for a community grant", root?.settings?.operatorName].filter(Boolean);
  return [{ title: `${opts.error || root?.formErrors ? "Error: " : ""}${parts.join(" – ")}` }];
}
