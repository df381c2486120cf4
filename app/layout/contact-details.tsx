import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

/** Who runs the service and how to reach them, from the service settings. */
export function useServiceSettings() {
  return useRouteLoaderData<typeof rootLoader>("root")?.settings;
}

export function ContactDetails() {
  const s = useServiceSettings();
  if (!s) return null;
  return (
    <ul className="govuk-list govuk-list--bullet">
      <li>
        email{" "}
        <a className="govuk-link" href={`mailto:${s.contactEmail}`}>
          {s.contactEmail}
        </a>
      </li>
      {s.contactPhone ? <li>call {s.contactPhone}</li> : null}
      {s.contactAddress ? <li>write to {s.operatorName}, {s.contactAddress}</li> : null}
    </ul>
  );
}
