import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Fieldset } from "~/components/fieldset";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { WarningText } from "~/components/warning-text";
import { groupsService } from "~/domain/organisations/index.server";
import { CsrfField, FormErrors, fieldError } from "~/layout/forms";
import { requestInfo, requireSignedIn } from "~/utils/auth.server";
import { field, readForm, withFormErrors } from "~/utils/form.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Add your group");

const FIELDS = ["name", "orgType", "charityNumber", "companyNumber", "addressLine1", "addressLine2", "town", "postcode", "districtCode"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireSignedIn(request, context);
  return { orgTypes: groupsService.orgTypes, districts: await groupsService.districts() };
}

async function handleAction({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const { user, session } = await requireSignedIn(request, context);
  // Only these fields are read: anything else posted (an id, a role, a status) is ignored.
  const input = Object.fromEntries(FIELDS.map((f) => [f, field(form, f)])) as Record<(typeof FIELDS)[number], string>;
  const result = await groupsService.createGroup(user.id, { ...input, confirmedNumbers: field(form, "confirmedNumbers") }, requestInfo(request, context).ip);
  if (result.kind === "created") {
    await groupsService.actFor(user.id, session.id, result.organisationId);
    return redirect(`/groups/${result.organisationId}?created=1`);
  }
  if (result.kind === "check") return { errors: null, warnings: result.warnings, confirmedNumbers: result.confirmedNumbers, askDistrict: result.askDistrict, values: input };
  return { errors: result.errors, warnings: null, confirmedNumbers: "", askDistrict: result.askDistrict, values: input };
}

// A function, not a constant: Remix drops it from the browser's bundle only in that form.
export function action(args: ActionFunctionArgs) {
  return withFormErrors(handleAction)(args);
}

export default function NewGroup() {
  const { orgTypes, districts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const v = result?.values;
  return (
    <>
      <BackLink href="/groups" text="Your groups" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrors errors={errors} order={[...FIELDS]} />
          <h1 className="govuk-heading-l">Add your group</h1>
          <p className="govuk-body">Tell us about the group you apply for. You will be its admin, and can invite others to join it.</p>
          {result?.warnings ? (
            <div className="govuk-inset-text" id="register-check">
              <h2 className="govuk-heading-s">Check your numbers</h2>
              {result.warnings.charity ? <p className="govuk-body">{result.warnings.charity}</p> : null}
              {result.warnings.company ? <p className="govuk-body">{result.warnings.company}</p> : null}
              <p className="govuk-body">Change the number below, or press &ldquo;Add group&rdquo; again to carry on with it.</p>
            </div>
          ) : null}
          <form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="confirmedNumbers" value={result?.confirmedNumbers ?? ""} />
            <Input id="name" name="name" label={{ text: "Name of your group", classes: "govuk-label--s" }} value={v?.name ?? ""} errorMessage={fieldError(errors, "name")} autocomplete="organization" />
            <Radios
              name="orgType"
              idPrefix="orgType"
              fieldset={{ legend: { text: "Type of group", classes: "govuk-fieldset__legend--s" } }}
              value={v?.orgType ?? ""}
              errorMessage={fieldError(errors, "orgType")}
              items={orgTypes.map((t) => ({ value: t.value, text: t.label }))}
            />
            <Input
              id="charityNumber"
              name="charityNumber"
              label={{ text: "Charity number (if you have one)", classes: "govuk-label--s" }}
              hint={{ text: "Registered charities and CIOs must give it. For example, 1187654, or SC012345 in Scotland" }}
              classes="govuk-input--width-10"
              spellcheck={false}
              value={v?.charityNumber ?? ""}
              errorMessage={fieldError(errors, "charityNumber")}
            />
            <Input
              id="companyNumber"
              name="companyNumber"
              label={{ text: "Company number (if you have one)", classes: "govuk-label--s" }}
              hint={{ text: "Companies and CICs must give it. 8 characters, for example 01234567" }}
              classes="govuk-input--width-10"
              spellcheck={false}
              value={v?.companyNumber ?? ""}
              errorMessage={fieldError(errors, "companyNumber")}
            />
            <Fieldset legend={{ text: "Your group's address", classes: "govuk-fieldset__legend--s" }}>
              <Input id="addressLine1" name="addressLine1" label={{ text: "Address line 1" }} autocomplete="address-line1" value={v?.addressLine1 ?? ""} errorMessage={fieldError(errors, "addressLine1")} />
              <Input id="addressLine2" name="addressLine2" label={{ text: "Address line 2 (optional)" }} autocomplete="address-line2" value={v?.addressLine2 ?? ""} errorMessage={fieldError(errors, "addressLine2")} />
              <Input id="town" name="town" label={{ text: "Town or city" }} classes="govuk-!-width-two-thirds" autocomplete="address-level2" value={v?.town ?? ""} errorMessage={fieldError(errors, "town")} />
              <Input id="postcode" name="postcode" label={{ text: "Postcode" }} classes="govuk-input--width-10" autocomplete="postal-code" value={v?.postcode ?? ""} errorMessage={fieldError(errors, "postcode")} />
            </Fieldset>
            {result?.askDistrict ? (
              <>
                <WarningText text="We could not look up your postcode just now, so we cannot tell which district your group is in." iconFallbackText="Warning" />
                <Radios
                  name="districtCode"
                  idPrefix="districtCode"
                  fieldset={{ legend: { text: "Which district is your group in?", classes: "govuk-fieldset__legend--s" } }}
                  value={v?.districtCode ?? ""}
                  errorMessage={fieldError(errors, "districtCode")}
                  items={districts.map((d) => ({ value: d.code, text: d.name }))}
                />
              </>
            ) : null}
            <Button text="Add group" preventDoubleClick />
          </form>
        </div>
      </div>
    </>
  );
}
