/** Textarea against govuk-frontend's `textarea` fixtures. */
import { Textarea } from "~/components/textarea";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("Textarea", () => {
  itRendersEveryFixture("textarea", Textarea, { nestedHtml: ["html"] });

  it("renders its value as the textarea's content, escaped", () => {
    expectSameHtml(
      render(<Textarea name="a" label={{ text: "A" }} value={'1 < 2 & "x"'} />),
      '<div class="govuk-form-group"><label class="govuk-label" for="a">A</label><textarea class="govuk-textarea" id="a" name="a" rows="5">1 &lt; 2 &amp; "x"</textarea></div>'
    );
  });

  it("lets its own attributes win over attributes, ignores a value attribute, and renders beforeInput and afterInput", () => {
    expectSameHtml(
      render(
        <Textarea
          name="a"
          label={{ text: "A" }}
          rows={3}
          disabled
          attributes={{ id: "other", rows: "9", class: "other", value: "ignored", maxlength: 10 }}
          formGroup={{ beforeInput: { text: "Before" }, afterInput: { html: <span>After</span> } }}
        />
      ),
      '<div class="govuk-form-group"><label class="govuk-label" for="a">A</label>Before<textarea class="govuk-textarea" id="a" name="a" rows="3" disabled maxlength="10"></textarea><span>After</span></div>'
    );
  });
});
