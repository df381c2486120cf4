/** DateInput against govuk-frontend's `date-input` fixtures. */
import { DateInput } from "~/components/date-input";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

const item = (id: string, name: string, label: string, width: number, extra = "") =>
  `<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="${id}">${label}</label>` +
  `<input class="govuk-input govuk-date-input__input govuk-input--width-${width}" id="${id}" name="${name}" type="text"${extra} inputmode="numeric"></div></div>`;

describe("DateInput", () => {
  itRendersEveryFixture("date-input", DateInput, { nestedHtml: ["html"] });

  it("takes values by prefixed name, and the day/month/year option's value for a matching item", () => {
    expectSameHtml(
      render(
        <DateInput
          id="d"
          namePrefix="p"
          day={{ value: "7" }}
          items={[{ name: "day" }, { name: "month" }, { name: "year", value: null }]}
          values={{ "p-month": 12, "p-year": 2000 }}
        />
      ),
      '<div class="govuk-form-group"><div class="govuk-date-input" id="d">' +
        item("d-day", "p-day", "Day", 2, ' value="7"') +
        item("d-month", "p-month", "Month", 2, ' value="12"') +
        item("d-year", "p-year", "Year", 4) +
        "</div></div>"
    );
  });

  it("renders beforeInputs and afterInputs inside the container, and attributes win over its id", () => {
    expectSameHtml(
      render(
        <DateInput
          id="d"
          year={false}
          attributes={{ id: "other", class: "ignored" }}
          formGroup={{ beforeInputs: { text: "Before" }, afterInputs: { html: <span>After</span> } }}
        />
      ),
      '<div class="govuk-form-group"><div class="govuk-date-input" id="other">Before' +
        item("d-day", "day", "Day", 2) +
        item("d-month", "month", "Month", 2) +
        "<span>After</span></div></div>"
    );
  });
});
