/** The role a service administrator grants, with the districts or funds it covers (conditional reveals). */
import { Checkboxes } from "~/components/checkboxes";
import { Radios } from "~/components/radios";
import { fieldError, type Errors } from "./forms";

export interface GrantOptions {
  roles: readonly { value: string; label: string; hint: string }[];
  districts: { code: string; name: string }[];
  funds: { id: number; name: string }[];
}

export function GrantFields({
  options,
  errors,
  values,
}: {
  options: GrantOptions;
  errors: Errors;
  values?: { role?: string; districtCodes?: string[]; fundIds?: string[] };
}) {
  return (
    <Radios
      name="role"
      idPrefix="role"
      fieldset={{ legend: { text: "Role", classes: "govuk-fieldset__legend--s" } }}
      value={values?.role ?? ""}
      errorMessage={fieldError(errors, "role")}
      items={options.roles.map((r) => ({
        value: r.value,
        text: r.label,
        hint: { text: r.hint },
        conditional:
          r.value === "coordinator"
            ? {
                html: (
                  <Checkboxes
                    name="districtCodes"
                    idPrefix="districtCodes"
                    fieldset={{ legend: { text: "Districts they coordinate", classes: "govuk-fieldset__legend--s" } }}
                    values={values?.districtCodes ?? []}
                    errorMessage={fieldError(errors, "districtCodes")}
                    items={options.districts.map((d) => ({ value: d.code, text: d.name }))}
                  />
                ),
              }
            : r.value === "administrator"
              ? {
                  html: (
                    <Checkboxes
                      name="fundIds"
                      idPrefix="fundIds"
                      fieldset={{ legend: { text: "Funds they administer", classes: "govuk-fieldset__legend--s" } }}
                      values={values?.fundIds ?? []}
                      errorMessage={fieldError(errors, "fundIds")}
                      items={options.funds.map((f) => ({ value: String(f.id), text: f.name }))}
                    />
                  ),
                }
              : undefined,
      }))}
    />
  );
}

/** The grant fields of a posted form. */
export function grantInputFrom(form: FormData): { role: string; districtCodes: string[]; fundIds: number[] } {
  const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    role: String(form.get("role") ?? ""),
    districtCodes: strings("districtCodes"),
    fundIds: strings("fundIds").map(Number).filter((n) => Number.isSafeInteger(n) && n > 0),
  };
}
