/** Select against govuk-frontend's `select` fixtures. */
import { Select } from "~/components/select";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("Select", () => {
  itRendersEveryFixture("select", Select, { nestedHtml: ["html"] });

  it("selects by loose value, by text without a value, and from attributes", () => {
    expectSameHtml(
      render(
        <Select
          name="s"
          label={{ text: "S" }}
          value="2"
          items={[{ value: 1, text: "One" }, { value: 2, text: "Two" }, { text: "Three" }]}
        />
      ),
      '<div class="govuk-form-group"><label class="govuk-label" for="s">S</label><select class="govuk-select" id="s" name="s">' +
        '<option value="1">One</option><option value="2" selected>Two</option><option>Three</option></select></div>'
    );
    expectSameHtml(
      render(<Select name="s" label={{ text: "S" }} value="Three" items={[{ text: "Three" }, { text: "Four", attributes: { selected: "" } }]} />),
      '<div class="govuk-form-group"><label class="govuk-label" for="s">S</label><select class="govuk-select" id="s" name="s">' +
        "<option>Three</option><option selected>Four</option></select></div>"
    );
  });

  it("selects every selected option of a multiple select", () => {
    expectSameHtml(
      render(
        <Select
          name="s"
          label={{ text: "S" }}
          attributes={{ multiple: { value: true, optional: true } }}
          items={[
            { value: "a", text: "A", selected: true },
            { value: "b", text: "B" },
            { value: "c", text: "C", selected: true },
          ]}
        />
      ),
      '<div class="govuk-form-group"><label class="govuk-label" for="s">S</label><select class="govuk-select" id="s" name="s" multiple>' +
        '<option value="a" selected>A</option><option value="b">B</option><option value="c" selected>C</option></select></div>'
    );
  });

  it("renders beforeInput and afterInput around the select, and disabled and describedBy", () => {
    expectSameHtml(
      render(
        <Select
          name="s"
          label={{ text: "S" }}
          disabled
          describedBy="d"
          hint={{ html: <i>Hint</i> }}
          formGroup={{ beforeInput: { text: "Before" }, afterInput: { html: "<p>After</p>" } }}
          items={[]}
        />
      ),
      '<div class="govuk-form-group"><label class="govuk-label" for="s">S</label><div id="s-hint" class="govuk-hint"><i>Hint</i></div>' +
        'Before<select class="govuk-select" id="s" name="s" disabled aria-describedby="d s-hint"></select><p>After</p></div>'
    );
  });
});
