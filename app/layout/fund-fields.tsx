/** The fields of a fund's details, shared by "Create a fund" and "Change the fund's details". */
import { Input } from "~/components/input";
import { Textarea } from "~/components/textarea";
import { fieldError, type Errors } from "./forms";

export const FUND_FIELDS = ["code", "name", "summary", "description", "whoCanApply", "stages", "roundsPerDistrict", "minAward", "maxAward", "groupCap", "status"];

export function FundDetailsFields({ values, errors }: { values: Record<string, string | undefined>; errors: Errors }) {
  const money = (name: string, label: string, hint?: string) => (
    <Input id={name} name={name} label={{ text: label, classes: "govuk-label--s" }} hint={hint ? { text: hint } : undefined} prefix={{ text: "£" }} classes="govuk-input--width-10" spellcheck={false} value={values[name] ?? ""} errorMessage={fieldError(errors, name)} />
  );
  return (
    <>
      <Input id="name" name="name" label={{ text: "Name", classes: "govuk-label--s" }} value={values.name ?? ""} errorMessage={fieldError(errors, "name")} />
      <Textarea id="summary" name="summary" rows={2} label={{ text: "Summary", classes: "govuk-label--s" }} hint={{ text: "One or two sentences for the list of funds" }} value={values.summary ?? ""} errorMessage={fieldError(errors, "summary")} />
      <Textarea id="description" name="description" rows={6} label={{ text: "Description", classes: "govuk-label--s" }} value={values.description ?? ""} errorMessage={fieldError(errors, "description")} />
      <Textarea id="whoCanApply" name="whoCanApply" rows={3} label={{ text: "Who can apply", classes: "govuk-label--s" }} value={values.whoCanApply ?? ""} errorMessage={fieldError(errors, "whoCanApply")} />
      {money("minAward", "Minimum award")}
      {money("maxAward", "Maximum award")}
      {money("groupCap", "Most one group may get in a financial year (optional)", "Across all its applications to one pot; leave empty for no limit")}
    </>
  );
}
