import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { FileUpload } from "~/components/file-upload";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Radios } from "~/components/radios";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { deprivationService } from "~/domain/deprivation/index.server";
import { formatLondonDateTime } from "~/domain/shared/time";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";
import { orNotFound } from "~/utils/not-found.server";
import { readUploadForm } from "~/utils/upload-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Deprived areas");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSignedIn(request, context);
  const view = await orNotFound(deprivationService.admin(user.id));
  const done = new URL(request.url).searchParams;
  return { view, done: done.get("done"), imported: done.get("imported") };
}

type Values = { threshold?: string; name?: string; vintage?: string; current?: string };

async function handleAction({ request, context }: ActionFunctionArgs) {
  const { form, files } = await readUploadForm(request, context, deprivationService.receiver(), deprivationService.maxBytes());
  const { user } = await requireSignedIn(request, context);
  const ip = requestInfo(request, context).ip;
  const intent = field(form, "intent");
  if (intent === "threshold") {
    const saved = await orNotFound(deprivationService.saveThreshold(user.id, field(form, "threshold"), ip));
    if (saved.kind === "invalid") return { errors: saved.errors, problems: [], values: { threshold: field(form, "threshold") } as Values };
    return redirect("/admin/deprivation?done=threshold");
  }
  if (intent === "current") {
    const id = Number(field(form, "edition"));
    if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
    await orNotFound(deprivationService.makeCurrent(user.id, id, ip));
    return redirect("/admin/deprivation?done=current");
  }
  if (intent !== "import") throw new Response("Unknown action", { status: 400 });
  const values: Values = { name: field(form, "name"), vintage: field(form, "vintage"), current: field(form, "current") };
  const file = files.find((f) => f.field === "file")?.received ?? null;
  const result = await orNotFound(deprivationService.importEdition(user.id, { name: values.name!, vintage: values.vintage!, file, makeCurrent: values.current !== "no" }, ip));
  if (result.kind === "invalid") return { errors: result.errors, problems: result.problems, values };
  return redirect(`/admin/deprivation?done=imported&imported=${encodeURIComponent(`${result.name}: ${result.rows.toLocaleString("en-GB")} LSOAs`)}`);
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

const DONE: Record<string, string> = { threshold: "Threshold saved", current: "Edition made current", imported: "Edition imported" };

export default function DeprivationSettings() {
  const { view, done, imported } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done && DONE[done] ? (
          <NotificationBanner type="success" titleText="Success">
            <p className="govuk-notification-banner__heading">{DONE[done]}</p>
            {done === "imported" && imported ? <p className="govuk-body">{imported}</p> : null}
          </NotificationBanner>
        ) : null}
        <FormErrors errors={errors} order={["threshold", "name", "vintage", "file"]} />
        <h1 className="govuk-heading-l">Deprived areas</h1>
        <p className="govuk-body">
          When a group sends an application, the portal looks up the Index of Multiple Deprivation decile of the project&rsquo;s postcode (or the group&rsquo;s, if the form does not ask for one) in
          the current edition, and flags the application if the decile is at or below the threshold. Countywide projects are not flagged automatically; a fund&rsquo;s administrator can set
          the flag on any application, with a reason.
        </p>

        <h2 className="govuk-heading-m">Threshold</h2>
        <form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="threshold" />
          <Input
            id="threshold"
            name="threshold"
            inputmode="numeric"
            classes="govuk-input--width-2"
            label={{ text: "Flag areas in this decile or a more deprived one", classes: "govuk-label--s" }}
            hint={{ text: "From 1 to 10. Decile 1 is the most deprived tenth of neighbourhoods in England." }}
            value={result?.values.threshold ?? String(view.threshold)}
            errorMessage={fieldError(errors, "threshold")}
          />
          <Button text="Save threshold" classes="govuk-button--secondary" preventDoubleClick />
        </form>

        <h2 className="govuk-heading-m">Editions</h2>
        <Table
          caption="Editions of the indices of deprivation"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "Edition" }, { text: "Joins on" }, { text: "LSOAs", format: "numeric" }, { text: "Imported" }, { text: "" }]}
          rows={view.editions.map((e) => [
            { html: <>{e.name}{e.current ? <> <Tag text="Current" classes="govuk-tag--green" /></> : null}</> },
            { text: e.vintageLabel },
            { text: e.rows.toLocaleString("en-GB"), format: "numeric" },
            { text: `${formatLondonDateTime(e.importedAt)}${e.importedBy ? `, ${e.importedBy}` : ""}` },
            {
              html: e.current ? (
                <></>
              ) : (
                <form method="post" noValidate>
                  <CsrfField />
                  <input type="hidden" name="intent" value="current" />
                  <input type="hidden" name="edition" value={e.id} />
                  <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                    Make {e.name} current
                  </button>
                </form>
              ),
            },
          ])}
        />

        <h2 className="govuk-heading-m" id="import">
          Import a newer edition
        </h2>
        <p className="govuk-body">
          A CSV file with a heading row, one row per LSOA: a column whose heading has &ldquo;LSOA&rdquo; and &ldquo;code&rdquo;, and one whose heading has &ldquo;decile&rdquo; (an IMD rank
          column is kept too). The English indices&rsquo; &ldquo;File 1&rdquo; has this shape. Every row must be right, or nothing is imported.
        </p>
        {result?.problems?.length ? (
          <div className="govuk-inset-text" id="problems">
            <h3 className="govuk-heading-s">Problems in the file</h3>
            <ul className="govuk-list govuk-list--bullet">
              {result.problems.map((p, i) => (
                <li key={i}>{p.line === null ? p.message : `Line ${p.line}: ${p.message}`}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <form method="post" encType="multipart/form-data" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="import" />
          <Input
            id="name"
            name="name"
            classes="govuk-input--width-10"
            spellcheck={false}
            label={{ text: "Name of the edition", classes: "govuk-label--s" }}
            hint={{ text: "For example IoD2025" }}
            value={result?.values.name ?? ""}
            errorMessage={fieldError(errors, "name")}
          />
          <Radios
            name="vintage"
            idPrefix="vintage"
            fieldset={{ legend: { text: "Which LSOAs does it use?", classes: "govuk-fieldset__legend--s" } }}
            value={result?.values.vintage ?? ""}
            errorMessage={fieldError(errors, "vintage")}
            items={view.vintages.map((v) => ({ value: v.value, text: v.label }))}
          />
          <FileUpload id="file" name="file" label={{ text: "CSV file", classes: "govuk-label--s" }} hint={{ text: "A .csv file, or one compressed with gzip (.csv.gz). Up to 20 MB." }} errorMessage={fieldError(errors, "file")} attributes={{ accept: ".csv,.gz,text/csv" }} />
          <Radios
            name="current"
            idPrefix="current"
            classes="govuk-radios--inline"
            fieldset={{ legend: { text: "Use it for applications sent from now on?", classes: "govuk-fieldset__legend--s" } }}
            value={result?.values.current || "yes"}
            items={[
              { value: "yes", text: "Yes" },
              { value: "no", text: "No, not yet" },
            ]}
          />
          <Button text="Import" preventDoubleClick />
        </form>
      </div>
    </div>
  );
}
