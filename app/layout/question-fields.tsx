/**
 * Renders a page's questions from the form definition: no page hard-codes a fund's questions. Values are
 * what the person typed (or what is stored); errors are keyed by field name, as the schema gives them.
 * A page with one question makes its label (or legend) the page heading, as GOV.UK asks.
 */
import type { ReactNode } from "react";
import { CharacterCount } from "~/components/character-count";
import { Checkboxes } from "~/components/checkboxes";
import { DateInput } from "~/components/date-input";
import { Fieldset } from "~/components/fieldset";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { Select } from "~/components/select";
import { Textarea } from "~/components/textarea";
import type { Page, Question } from "~/domain/forms/definition";
import type { RawInput } from "~/domain/forms/schema";
import type { DocumentView } from "~/domain/documents/documents.rules";
import { FileQuestion } from "./file-question";
import { fieldError, type Errors } from "./forms";

const str = (values: RawInput, name: string) => {
  const v = values[name];
  return typeof v === "string" ? v : "";
};
const list = (values: RawInput, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [];
};

/** The number of rows a repeating question shows: those with values, plus `extra` empty ones. */
export function rowsShown(values: RawInput, id: string, extra: number): number {
  let max = -1;
  for (const key of Object.keys(values)) {
    const m = new RegExp(`^${id}-(\\d{1,3})-`).exec(key);
    if (m && String(values[key] ?? "").trim()) max = Math.max(max, Number(m[1]));
  }
  return max + 1 + extra;
}

interface FileProps {
  /** A file question's documents so far, by question id. */
  files?: Record<string, DocumentView[]>;
  /** The kinds of file and size limit, for a file question's hint. */
  fileRules?: string | null;
}

function QuestionField({ q, values, errors, heading, extraRows, files, fileRules }: { q: Question; values: RawInput; errors: Errors; heading: boolean; extraRows: number } & FileProps): ReactNode {
  const labelClasses = heading ? "govuk-label--l" : "govuk-label--s";
  const legend = { text: q.label, isPageHeading: heading, classes: heading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--s" };
  const hint = q.hint ? { text: q.hint } : undefined;
  switch (q.type) {
    case "text":
    case "postcode":
      return (
        <Input
          id={q.id}
          name={q.id}
          label={{ text: q.label, isPageHeading: heading, classes: labelClasses }}
          hint={hint}
          value={str(values, q.id)}
          errorMessage={fieldError(errors, q.id)}
          autocomplete={q.type === "postcode" ? "postal-code" : q.autocomplete}
          classes={q.type === "postcode" || (q.type === "text" && q.width === "10") ? "govuk-input--width-10" : q.type === "text" && q.width === "20" ? "govuk-input--width-20" : undefined}
          spellcheck={q.type === "postcode" ? false : undefined}
        />
      );
    case "textarea":
      return q.wordLimit ? (
        <CharacterCount
          id={q.id}
          name={q.id}
          label={{ text: q.label, isPageHeading: heading, classes: labelClasses }}
          hint={hint}
          value={str(values, q.id)}
          maxwords={q.wordLimit}
          rows={8}
          errorMessage={fieldError(errors, q.id)}
        />
      ) : (
        <Textarea id={q.id} name={q.id} label={{ text: q.label, isPageHeading: heading, classes: labelClasses }} hint={hint} value={str(values, q.id)} rows={8} errorMessage={fieldError(errors, q.id)} />
      );
    case "number":
    case "money":
      return (
        <Input
          id={q.id}
          name={q.id}
          label={{ text: q.label, isPageHeading: heading, classes: labelClasses }}
          hint={hint}
          value={str(values, q.id)}
          errorMessage={fieldError(errors, q.id)}
          classes="govuk-input--width-10"
          inputmode={q.type === "money" ? "decimal" : "numeric"}
          spellcheck={false}
          prefix={q.type === "money" ? { text: "£" } : undefined}
          suffix={q.type === "number" && q.suffix ? { text: q.suffix } : undefined}
        />
      );
    case "date": {
      const error = ["day", "month", "year"].map((p) => errors?.[`${q.id}-${p}`]).find(Boolean);
      const wrong = ["day", "month", "year"].find((p) => errors?.[`${q.id}-${p}`]);
      return (
        <DateInput
          id={q.id}
          namePrefix={q.id}
          fieldset={{ legend }}
          hint={hint}
          errorMessage={error ? { text: error } : undefined}
          items={(["day", "month", "year"] as const).map((p) => ({
            name: p,
            value: str(values, `${q.id}-${p}`),
            classes: `${p === "year" ? "govuk-input--width-4" : "govuk-input--width-2"}${error && (wrong === p || !wrong) ? " govuk-input--error" : ""}`,
          }))}
        />
      );
    }
    case "radios":
      return <Radios name={q.id} idPrefix={q.id} fieldset={{ legend }} hint={hint} value={str(values, q.id)} errorMessage={fieldError(errors, q.id)} items={q.options.map((o) => ({ value: o.value, text: o.label, hint: o.hint ? { text: o.hint } : undefined }))} />;
    case "select":
      return (
        <Select
          id={q.id}
          name={q.id}
          label={{ text: q.label, isPageHeading: heading, classes: labelClasses }}
          hint={hint}
          value={str(values, q.id)}
          errorMessage={fieldError(errors, q.id)}
          items={[{ value: "", text: "Choose" }, ...q.options.map((o) => ({ value: o.value, text: o.label }))]}
        />
      );
    case "checkboxes":
      return <Checkboxes name={q.id} idPrefix={q.id} fieldset={{ legend }} hint={hint} values={list(values, q.id)} errorMessage={fieldError(errors, q.id)} items={q.options.map((o) => ({ value: o.value, text: o.label, hint: o.hint ? { text: o.hint } : undefined }))} />;
    case "yes_no": {
      const follow = q.followUp;
      const followField = follow ? (
        <Textarea id={`${q.id}-details`} name={`${q.id}-details`} label={{ text: follow.label }} hint={follow.hint ? { text: follow.hint } : undefined} value={str(values, `${q.id}-details`)} rows={4} errorMessage={fieldError(errors, `${q.id}-details`)} />
      ) : null;
      return (
        <Radios
          name={q.id}
          idPrefix={q.id}
          classes="govuk-radios--inline"
          fieldset={{ legend }}
          hint={hint}
          value={str(values, q.id)}
          errorMessage={fieldError(errors, q.id)}
          items={(["yes", "no"] as const).map((v) => ({ value: v, text: v === "yes" ? "Yes" : "No", conditional: follow && follow.when === v ? { html: followField } : undefined }))}
        />
      );
    }
    case "address":
      return (
        <Fieldset legend={legend}>
          {hint ? <div className="govuk-hint">{hint.text}</div> : null}
          <Input id={`${q.id}-line1`} name={`${q.id}-line1`} label={{ text: "Address line 1" }} autocomplete="address-line1" value={str(values, `${q.id}-line1`)} errorMessage={fieldError(errors, `${q.id}-line1`)} />
          <Input id={`${q.id}-line2`} name={`${q.id}-line2`} label={{ text: "Address line 2 (optional)" }} autocomplete="address-line2" value={str(values, `${q.id}-line2`)} errorMessage={fieldError(errors, `${q.id}-line2`)} />
          <Input id={`${q.id}-town`} name={`${q.id}-town`} label={{ text: "Town or city" }} classes="govuk-!-width-two-thirds" autocomplete="address-level2" value={str(values, `${q.id}-town`)} errorMessage={fieldError(errors, `${q.id}-town`)} />
          <Input id={`${q.id}-postcode`} name={`${q.id}-postcode`} label={{ text: "Postcode" }} classes="govuk-input--width-10" autocomplete="postal-code" value={str(values, `${q.id}-postcode`)} errorMessage={fieldError(errors, `${q.id}-postcode`)} />
        </Fieldset>
      );
    case "repeating": {
      const rows = Math.max(1, Math.min(rowsShown(values, q.id, extraRows), q.maxRows ?? 50));
      return (
        <Fieldset legend={legend}>
          {hint ? <div className="govuk-hint">{hint.text}</div> : null}
          {errors?.[`${q.id}-0-${q.columns[0].id}`] && !Object.keys(values).some((k) => k.startsWith(`${q.id}-`) && String(values[k] ?? "").trim()) ? (
            <p className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors[`${q.id}-0-${q.columns[0].id}`]}
            </p>
          ) : null}
          {Array.from({ length: rows }, (_, i) => (
            <Fieldset key={i} legend={{ text: `${q.addLabel.replace(/^Add (another|a|an) /i, "").replace(/^./, (c) => c.toUpperCase())} ${i + 1}`, classes: "govuk-fieldset__legend--s" }} classes="app-repeating-row">
              {q.columns.map((c) => {
                const name = `${q.id}-${i}-${c.id}`;
                return c.type === "select" ? (
                  <Select key={c.id} id={name} name={name} label={{ text: c.label }} value={str(values, name)} errorMessage={fieldError(errors, name)} items={[{ value: "", text: "Choose" }, ...c.options.map((o) => ({ value: o.value, text: o.label }))]} />
                ) : (
                  <Input
                    key={c.id}
                    id={name}
                    name={name}
                    label={{ text: c.label }}
                    value={str(values, name)}
                    errorMessage={fieldError(errors, name)}
                    classes={c.type === "money" ? "govuk-input--width-10" : undefined}
                    prefix={c.type === "money" ? { text: "£" } : undefined}
                    inputmode={c.type === "money" ? "decimal" : undefined}
                  />
                );
              })}
            </Fieldset>
          ))}
          <button type="submit" name="intent" value={`add-row:${q.id}`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {q.addLabel}
          </button>
        </Fieldset>
      );
    }
    case "file":
      return <FileQuestion q={q} files={files?.[q.id] ?? []} rules={fileRules ?? null} errors={errors} heading={heading} />;
  }
}

/** Every field a page has, in order, for the error summary's links. */
export function fieldOrder(page: Page, values: RawInput): string[] {
  return page.questions.flatMap((q) => {
    if (q.type === "date") return [`${q.id}-day`, `${q.id}-month`, `${q.id}-year`];
    if (q.type === "address") return ["line1", "line2", "town", "postcode"].map((p) => `${q.id}-${p}`);
    if (q.type === "yes_no") return [q.id, `${q.id}-details`];
    if (q.type === "repeating") {
      const rows = Math.max(1, rowsShown(values, q.id, 0));
      return Array.from({ length: rows }, (_, i) => q.columns.map((c) => `${q.id}-${i}-${c.id}`)).flat();
    }
    return [q.id];
  });
}

export function QuestionFields({ page, values, errors, extraRows = 0, files, fileRules }: { page: Page; values: RawInput; errors: Errors; extraRows?: number } & FileProps) {
  const heading = page.questions.length === 1 && !page.title;
  return (
    <>
      {page.title ? <h1 className="govuk-heading-l">{page.title}</h1> : null}
      {page.questions.map((q) => (
        <QuestionField key={q.id} q={q} values={values} errors={errors} heading={heading} extraRows={extraRows} files={files} fileRules={fileRules} />
      ))}
    </>
  );
}
