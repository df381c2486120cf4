/** Input against govuk-frontend's `input` fixtures. */
import { Input } from "~/components/input";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("Input", () => {
  itRendersEveryFixture("input", Input, { nestedHtml: ["html"] });

  it("renders an empty value as value=\"\"", () => {
    expectSameHtml(
      render(<Input name="a" label={{ text: "A" }} value="" />),
      '<div class="govuk-form-group"><label class="govuk-label" for="a">A</label><input class="govuk-input" id="a" name="a" type="text" value=""></div>'
    );
  });

  it("lets its own attributes win over attributes, and attributes fill in the optional ones it leaves out", () => {
    expectSameHtml(
      render(
        <Input
          name="a"
          label={{ text: "A" }}
          type="email"
          autocomplete="email"
          attributes={{ id: "other", type: "text", class: "other", autocomplete: "off", value: "from attributes", inputmode: "email" }}
        />
      ),
      '<div class="govuk-form-group"><label class="govuk-label" for="a">A</label><input class="govuk-input" id="a" name="a" type="email" autocomplete="email" value="from attributes" inputmode="email"></div>'
    );
  });

  it("renders beforeInput and afterInput inside the input wrapper", () => {
    expectSameHtml(
      render(<Input name="a" label={{ text: "A" }} formGroup={{ beforeInput: { text: "Before" }, afterInput: { html: <span>After</span> } }} />),
      '<div class="govuk-form-group"><label class="govuk-label" for="a">A</label><div class="govuk-input__wrapper">Before<input class="govuk-input" id="a" name="a" type="text"><span>After</span></div></div>'
    );
  });
});
