/** Pieces the fund set-up forms share: a London date with a time, and a form's own fields read as text. */
import { DateInput } from "~/components/date-input";
import { Input } from "~/components/input";
import type { Errors } from "./forms";

type Values = Record<string, string | undefined>;

/** The three GOV.UK date boxes (`<name>-day` …), and a time box (`<name>-time`) unless `time` is false. */
export function LondonDateTime({ name, legend, hint, values, errors, time, timeHint }: { name: string; legend: string; hint: string; values: Values; errors: Errors; time: boolean; timeHint?: string }) {
  const keys = ["day", "month", "year"] as const;
  const dateError = keys.map((k) => errors?.[`${name}-${k}`]).find(Boolean);
  return (
    <div className="app-date-time">
      <DateInput
        id={name}
        namePrefix={name}
        fieldset={{ legend: { text: legend, classes: "govuk-fieldset__legend--s" } }}
        hint={{ text: hint }}
        errorMessage={dateError ? { text: dateError } : undefined}
        items={[
          { name: "day", classes: "govuk-input--width-2", value: values[`${name}-day`] ?? "", error: !!dateError },
          { name: "month", classes: "govuk-input--width-2", value: values[`${name}-month`] ?? "", error: !!dateError },
          { name: "year", classes: "govuk-input--width-4", value: values[`${name}-year`] ?? "", error: !!dateError },
        ]}
      />
      {time ? (
        <Input
          id={`${name}-time`}
          name={`${name}-time`}
          label={{ text: "Time (London)" }}
          hint={timeHint ? { text: timeHint } : undefined}
          classes="govuk-input--width-5"
          value={values[`${name}-time`] ?? ""}
          errorMessage={errors?.[`${name}-time`] ? { text: errors[`${name}-time`] } : undefined}
          spellcheck={false}
        />
      ) : null}
    </div>
  );
}
