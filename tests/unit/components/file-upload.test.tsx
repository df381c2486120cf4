/** FileUpload against govuk-frontend's `file-upload` fixtures. */
import { FileUpload } from "~/components/file-upload";

import { expectSameHtml, itRendersEveryFixture, render } from "./fixtures";

describe("FileUpload", () => {
  itRendersEveryFixture("file-upload", FileUpload, { nestedHtml: ["html"] });

  it("lets its own attributes win over attributes, and never renders a value", () => {
    expectSameHtml(
      render(<FileUpload name="a" label={{ text: "A" }} value="C:\\fakepath\\x.pdf" attributes={{ id: "other", type: "text", class: "other", value: "x", accept: ".pdf" }} />),
      '<div class="govuk-form-group"><label class="govuk-label" for="a">A</label><input class="govuk-file-upload" id="a" name="a" type="file" accept=".pdf"></div>'
    );
  });

  it("renders beforeInput and afterInput around the input", () => {
    expectSameHtml(
      render(<FileUpload name="a" label={{ text: "A" }} formGroup={{ beforeInput: { text: "Before" }, afterInput: { html: <span>After</span> } }} />),
      '<div class="govuk-form-group"><label class="govuk-label" for="a">A</label>Before<input class="govuk-file-upload" id="a" name="a" type="file"><span>After</span></div>'
    );
  });
});
